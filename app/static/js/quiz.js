// Stop a double click sending a form twice: the first click disables the button.
// The server ignores a repeated answer anyway; this only spares a second request.
(function () {
  "use strict";

  function submitButtons(form) {
    return Array.prototype.slice.call(form.querySelectorAll("button[type=submit], input[type=submit]"));
  }

  function enable(form) {
    delete form.dataset.submitting;
    submitButtons(form).forEach(function (button) { button.disabled = false; });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-submit-once")) { return; }
    if (form.dataset.submitting === "true") { event.preventDefault(); return; }
    form.dataset.submitting = "true";
    // Disable after the browser has collected the form data, so nothing is left out.
    window.setTimeout(function () {
      submitButtons(form).forEach(function (button) { button.disabled = true; });
    }, 0);
    // If the connection is lost the page stays: let the student try again.
    window.setTimeout(function () { enable(form); }, 10000);
  });

  // A page restored by the Back button must be usable again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-submit-once]"), enable);
  });
}());
