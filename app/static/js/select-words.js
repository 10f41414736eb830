// Select words: turns the passage of word checkboxes into one keyboard widget.
// Tab reaches the passage (one tab stop, a roving tabindex), the arrow keys move between
// words, Space or Enter toggles the focused word (Enter never sends the form: see quiz.js), and a
// click or tap toggles a word.  The words stay real checkboxes, so the form sends word indexes
// exactly as it does without this script.
(function () {
  "use strict";

  function enhance(group) {
    var boxes = Array.prototype.slice.call(group.querySelectorAll("input.word-box"));
    if (boxes.length === 0) { return; }
    var count = group.querySelector(".selection-count");
    var current = 0;

    function moveTo(index, focus) {
      current = index;
      boxes.forEach(function (box, i) { box.tabIndex = i === index ? 0 : -1; });
      if (focus) { boxes[index].focus(); }
    }

    function showCount() {
      if (!count) { return; }
      var selected = boxes.filter(function (box) { return box.checked; }).length;
      count.textContent = selected === 1 ? "1 word selected." : selected + " words selected.";
    }

    group.classList.add("enhanced");
    var firstChecked = boxes.findIndex(function (box) { return box.checked; });
    moveTo(firstChecked >= 0 ? firstChecked : 0, false);
    showCount();

    group.addEventListener("keydown", function (event) {
      var index = boxes.indexOf(event.target);
      if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) { return; }
      var next = null;
      if (event.key === "ArrowRight" || event.key === "ArrowDown") { next = Math.min(boxes.length - 1, index + 1); }
      else if (event.key === "ArrowLeft" || event.key === "ArrowUp") { next = Math.max(0, index - 1); }
      else if (event.key === "Home") { next = 0; }
      else if (event.key === "End") { next = boxes.length - 1; }
      if (next === null) { return; }
      event.preventDefault();
      moveTo(next, true);
    });

    // A click or tap focuses a word too: keep the single tab stop on it.
    group.addEventListener("focusin", function (event) {
      var index = boxes.indexOf(event.target);
      if (index >= 0 && index !== current) { moveTo(index, false); }
    });

    group.addEventListener("change", showCount);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-select-words]"), enhance);
}());
