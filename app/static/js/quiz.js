// Quiz pages.
//
// 1. Enter never sends a half answer: on a word, a choice or a tick box, Enter selects it (as
//    Space does); only the buttons send the answer.
// 2. A lost connection loses nothing: the answer form is sent in the background (the same form
//    data with its CSRF token, asking the server for JSON).  If the connection or the server is
//    down, the answer stays ticked on screen, the page says it is not saved yet and tries again
//    (waiting longer each time, and at once when the browser is back online).  The pending answer
//    is kept in sessionStorage for this attempt and question, so a reload shows it ticked again;
//    it is forgotten once saved.  The server counts a repeated answer once.
// 3. Other forms (start, submit) are sent once: a double click does not send them twice.
// Without JavaScript the forms are ordinary forms and work as before.
(function () {
  "use strict";

  var STORE_PREFIX = "sourcewise-pending-answer:";
  var FIRST_RETRY_MS = 1000;
  var LONGEST_RETRY_MS = 30000;
  var REQUEST_TIMEOUT_MS = 15000;

  function submitButtons(form) {
    return Array.prototype.slice.call(form.querySelectorAll("button[type=submit], input[type=submit]"));
  }

  function setDisabled(form, disabled) {
    submitButtons(form).forEach(function (button) { button.disabled = disabled; });
  }

  // --- 1. Enter on an answer control selects it --------------------------------------------------

  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (event.key !== "Enter" || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    if (!(box instanceof HTMLInputElement) || (box.type !== "checkbox" && box.type !== "radio")) { return; }
    if (!box.closest("fieldset.question, fieldset.confidence")) { return; }
    // Stops the browser's implicit submission of the form, which would send the answer as it is.
    event.preventDefault();
    if (box.type === "checkbox" || !box.checked) { box.click(); }
  });

  // --- 2. Answers sent in the background -------------------------------------------------------------

  function storage() {
    try { return window.sessionStorage; } catch (error) { return null; }
  }

  function remember(key, fields) {
    var store = storage();
    if (!store) { return; }
    try { store.setItem(key, JSON.stringify(fields)); } catch (error) { /* full or refused: the page still has it */ }
  }

  function recall(key) {
    var store = storage();
    if (!store) { return null; }
    try {
      var fields = JSON.parse(store.getItem(key) || "null");
      return Array.isArray(fields) ? fields : null;
    } catch (error) { return null; }
  }

  function forget(key) {
    var store = storage();
    if (store) { store.removeItem(key); }
  }

  function paragraph(text, className) {
    var p = document.createElement("p");
    p.textContent = text;
    if (className) { p.className = className; }
    return p;
  }

  function enhanceAnswerForm(form) {
    var key = STORE_PREFIX + form.getAttribute("data-pending-key");
    var status = form.querySelector(".save-status");
    var savingLabel = form.getAttribute("data-saving-label") || "Saving your answer…";
    var pending = null;   // the fields of the answer being saved, as [name, value] pairs
    var inFlight = false;
    var retryTimer = null;
    var retryDelay = 0;

    function showStatus(nodes, notSaved) {
      if (!status) { return; }
      status.classList.toggle("not-saved", notSaved);
      status.replaceChildren.apply(status, nodes);
    }

    function showSaving() {
      showStatus([paragraph(savingLabel)], false);
    }

    function showNotSaved(seconds) {
      var retry = document.createElement("button");
      retry.type = "button";
      retry.className = "secondary";
      retry.textContent = "Try again now";
      retry.addEventListener("click", function () { retryDelay = 0; send(); });
      showStatus([
        paragraph("Your answer is not saved yet.", "save-status-title"),
        paragraph("The connection to the server was lost. Your answer is still ticked. " +
          "Keep this page open: it tries again by itself in " + seconds +
          (seconds === 1 ? " second" : " seconds") + ", and as soon as you are back online."),
        retry
      ], true);
    }

    function showError(message) {
      var fieldset = form.querySelector("fieldset.question");
      if (!fieldset) { return; }
      var id = fieldset.id + "-error";
      var old = document.getElementById(id);
      if (old) { old.remove(); }
      var error = paragraph(message, "field-error");
      error.id = id;
      error.tabIndex = -1;
      var hint = fieldset.querySelector(".hint");
      fieldset.insertBefore(error, hint ? hint.nextSibling : fieldset.firstChild);
      var described = (fieldset.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (described.indexOf(id) < 0) { described.push(id); }
      fieldset.setAttribute("aria-describedby", described.join(" "));
      Array.prototype.forEach.call(fieldset.querySelectorAll("input[name=answer]"), function (input) {
        input.setAttribute("aria-invalid", "true");
      });
      error.focus();
    }

    // The answer and the "How sure are you?" rating, as they were sent.
    function tick(fields) {
      function sent(name) {
        return fields.filter(function (pair) { return pair[0] === name; })
          .map(function (pair) { return pair[1]; });
      }
      Array.prototype.forEach.call(form.querySelectorAll("input[name=answer], input[name=confidence]"), function (input) {
        var wanted = sent(input.name).indexOf(input.value) >= 0;
        if (input.checked !== wanted) {
          input.checked = wanted;
          input.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
    }

    // Something the script cannot handle (signed out, a refused form): send the form as a plain
    // form, so the student sees the page the server gives, exactly as without JavaScript.
    function sendPlainly(fields) {
      pending = null;  // leaving the page now is what the student asked for
      tick(fields);
      Array.prototype.forEach.call(form.querySelectorAll("input[data-plain-go]"), function (input) { input.remove(); });
      fields.forEach(function (pair) {
        if (pair[0] !== "go") { return; }
        var go = document.createElement("input");
        go.type = "hidden";
        go.name = "go";
        go.value = pair[1];
        go.setAttribute("data-plain-go", "");
        form.appendChild(go);
      });
      form.submit();
    }

    function scheduleRetry() {
      retryDelay = retryDelay ? Math.min(retryDelay * 2, LONGEST_RETRY_MS) : FIRST_RETRY_MS;
      window.clearTimeout(retryTimer);
      retryTimer = window.setTimeout(send, retryDelay);
      showNotSaved(Math.round(retryDelay / 1000));
    }

    function failed(sent) {
      inFlight = false;
      setDisabled(form, false);
      if (pending === sent) { scheduleRetry(); } else { send(); }
    }

    function received(response, data, sent) {
      inFlight = false;
      if (data && typeof data.next === "string") {
        forget(key);
        pending = null;
        showStatus([paragraph(data.saved ? "Saved." : "Going on…")], false);
        window.location.assign(data.next);
        return;
      }
      setDisabled(form, false);
      if (pending !== sent) { send(); return; }
      pending = null;
      forget(key);
      showStatus([], false);
      showError(data && typeof data.error === "string" ? data.error : "That answer could not be saved.");
    }

    function send() {
      window.clearTimeout(retryTimer);
      retryTimer = null;
      if (!pending || inFlight) { return; }
      var sent = pending;
      inFlight = true;
      setDisabled(form, true);
      showSaving();
      var body = new URLSearchParams();
      sent.forEach(function (pair) { body.append(pair[0], pair[1]); });
      var controller = window.AbortController ? new AbortController() : null;
      var timeout = window.setTimeout(function () { if (controller) { controller.abort(); } }, REQUEST_TIMEOUT_MS);
      fetch(form.action, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "Accept": "application/json" },
        signal: controller ? controller.signal : undefined
      }).then(function (response) {
        window.clearTimeout(timeout);
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") >= 0) {
          return response.json().then(function (data) { received(response, data, sent); });
        }
        if (response.status >= 500) { throw new Error("server unavailable: " + response.status); }
        inFlight = false;
        sendPlainly(sent);
        return null;
      }).catch(function () {
        window.clearTimeout(timeout);
        failed(sent);
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = new FormData(form, event.submitter || null);
      var fields = [];
      data.forEach(function (value, name) { fields.push([name, String(value)]); });
      pending = fields;
      retryDelay = 0;
      remember(key, fields.filter(function (pair) { return pair[0] !== "csrf_token"; }));
      send();
    });

    window.addEventListener("online", function () {
      if (pending && !inFlight) { retryDelay = 0; send(); }
    });

    // Leaving the page (a link, closing the tab) while the answer is not saved: the browser asks first.
    window.addEventListener("beforeunload", function (event) {
      if (!pending) { return; }
      event.preventDefault();
      event.returnValue = "";
    });

    // An answer not saved before the page was reloaded: tick it again and say so.
    var kept = recall(key);
    if (kept) {
      tick(kept);
      var saveButton = form.querySelector("button[value=save]");
      var label = saveButton ? saveButton.textContent.trim() : "the button";
      showStatus([
        paragraph("Your answer is not saved yet.", "save-status-title"),
        paragraph("It was not saved before this page was loaded again, so it is ticked again here. " +
          "Press “" + label + "” to save it.")
      ], true);
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-answer-form]"), enhanceAnswerForm);

  // --- 3. Other forms are sent once ------------------------------------------------------------------

  function enable(form) {
    delete form.dataset.submitting;
    setDisabled(form, false);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-submit-once")) { return; }
    if (form.dataset.submitting === "true") { event.preventDefault(); return; }
    form.dataset.submitting = "true";
    // Disable after the browser has collected the form data, so nothing is left out.
    window.setTimeout(function () { setDisabled(form, true); }, 0);
    // If the connection is lost the page stays: let the student try again.
    window.setTimeout(function () { enable(form); }, 10000);
  });

  // A page restored by the Back button must be usable again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-submit-once]"), enable);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-answer-form]"), function (form) {
      setDisabled(form, false);
    });
  });
}());
