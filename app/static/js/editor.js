// The article editor (the library's "New article" and "Edit").
//
// The page holds the article *document* (the structure of its YAML file) as JSON.  This script
// shows the text word by word with every annotation marked (a label and a line style per kind, so
// never colour alone), one card per annotation to accept, reject or change it, and a toolbar to add
// a source mention, a claim or a framing span for the selected words.  After each change the
// document is sent to the server's check (JSON, with the CSRF token, debounced): the server writes
// the YAML, validates it, says where each quote is and renders the preview, and the page shows all
// of it.  Saving sends the document with the form; the server writes the YAML again.
// Without JavaScript the page is a YAML form, and everything works there too.
(function () {
  "use strict";

  var app = document.getElementById("editor-app");
  if (!app) { return; }
  var setup = JSON.parse(app.getAttribute("data-editor-setup"));
  var CHECK_DELAY_MS = 500;
  var SECTIONS = ["sources", "claims", "framing"];
  var KIND = { sources: "source", claims: "claim", framing: "framing" };
  var KIND_LABEL = { source: "Source", claim: "Claim", framing: "Framing" };

  var state = setup.state;
  var doc = state.document;
  var blocks = state.blocks;          // the text never changes in the editor: cut once, by the server
  var locations = state.locations;
  var vocabulary = setup.vocabulary;
  var form = document.getElementById("editor-form");
  var csrfToken = form.querySelector("input[name=csrf_token]").value;
  var yamlBox = form.querySelector("textarea[name=yaml]");
  var wordsBox = document.getElementById("editor-words");
  var cardsBox = document.getElementById("editor-cards");
  var selectionText = document.getElementById("editor-selection");
  var mentionSource = document.getElementById("editor-mention-source");
  var statusText = document.getElementById("editor-status");
  var problemList = document.getElementById("editor-problem-list");
  var summary = document.getElementById("editor-summary");
  var preview = document.getElementById("editor-preview");
  var toolbar = app.querySelector(".editor-toolbar");

  var wordEls = [];        // wordEls[block][index]
  var flat = [];           // every word element in reading order
  var current = null;      // the word with the tab stop: {block, index}
  var selection = null;    // {block, anchor, start, end} (end exclusive)
  var cycle = { key: "", turn: 0 };
  var checkTimer = null;
  var checkNumber = 0;

  // --- Small helpers ------------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function listOf(section) {
    if (!Array.isArray(doc[section])) { doc[section] = []; }
    return doc[section];
  }

  function blockName(block) { return block === 0 ? "the headline" : "paragraph " + block; }

  function setNote(item, value) {
    if (value.trim()) { item.note = value; } else { delete item.note; }
  }

  // --- The words ------------------------------------------------------------------------------------

  function buildWords() {
    wordsBox.setAttribute("role", "listbox");
    wordsBox.setAttribute("aria-multiselectable", "true");
    wordsBox.setAttribute("aria-label", "The article, word by word");
    blocks.forEach(function (block, b) {
      var group = el("div", b === 0 ? "editor-block editor-headline" : "editor-block");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", b === 0 ? "Headline" : "Paragraph " + b);
      if (b > 0) { group.appendChild(el("span", "block-number", b + " ")).setAttribute("aria-hidden", "true"); }
      group.appendChild(document.createTextNode(block.gaps[0]));
      wordEls[b] = [];
      block.words.forEach(function (word, i) {
        var span = el("span", "w");
        span.setAttribute("role", "option");
        span.setAttribute("aria-selected", "false");
        span.tabIndex = -1;
        span.dataset.block = String(b);
        span.dataset.index = String(i);
        span.appendChild(el("span", "w-text", word));
        group.appendChild(span);
        group.appendChild(document.createTextNode(block.gaps[i + 1]));
        wordEls[b].push(span);
        flat.push(span);
      });
      wordsBox.appendChild(group);
    });
    if (flat.length) { moveTo(flat[0], false); }
  }

  function refsAt() {
    // For each word, the annotations covering it (smallest first).
    var at = blocks.map(function (block) { return block.words.map(function () { return []; }); });
    function add(loc, ref) {
      if (!loc) { return; }
      for (var i = loc.start; i < loc.end && i < at[loc.block].length; i++) {
        at[loc.block][i].push({ ref: ref, length: loc.end - loc.start, start: loc.start });
      }
    }
    (locations.sources || []).forEach(function (mentions, s) {
      (mentions || []).forEach(function (loc, m) { add(loc, { section: "sources", index: s, mention: m }); });
    });
    (locations.claims || []).forEach(function (loc, c) { add(loc, { section: "claims", index: c }); });
    (locations.framing || []).forEach(function (loc, f) { add(loc, { section: "framing", index: f }); });
    at.forEach(function (row) { row.forEach(function (list) { list.sort(function (a, b) { return a.length - b.length; }); }); });
    return at;
  }

  function itemOf(ref) {
    var item = (doc[ref.section] || [])[ref.index];
    if (item && ref.mention !== undefined) {
      return { owner: item, mention: (item.mentions || [])[ref.mention] };
    }
    return { owner: item, mention: null };
  }

  function isSuggested(ref) {
    var found = itemOf(ref);
    return Boolean(found.owner && (found.owner.suggested === true || (found.mention && found.mention.suggested === true)));
  }

  function refName(ref) {
    var name = KIND[ref.section] + " " + (ref.index + 1);
    if (ref.mention !== undefined) { name = "mention of source " + (ref.index + 1); }
    return name + (isSuggested(ref) ? " (suggested)" : "");
  }

  function paint() {
    var at = refsAt();
    wordEls.forEach(function (row, b) {
      row.forEach(function (span, i) {
        var refs = at[b][i];
        var kinds = {};
        refs.forEach(function (r) { kinds[KIND[r.ref.section]] = true; });
        span.classList.toggle("in-source", Boolean(kinds.source));
        span.classList.toggle("in-claim", Boolean(kinds.claim));
        span.classList.toggle("in-framing", Boolean(kinds.framing));
        span.classList.toggle("is-suggested", refs.some(function (r) { return isSuggested(r.ref); }));
        Array.prototype.slice.call(span.querySelectorAll(".ann-tag")).forEach(function (tag) { tag.remove(); });
        var text = span.querySelector(".w-text");
        refs.filter(function (r) { return r.start === i; }).forEach(function (r) {
          var kind = KIND[r.ref.section];
          var tag = el("span", "ann-tag tag-" + kind, KIND_LABEL[kind] + (isSuggested(r.ref) ? " ?" : ""));
          tag.setAttribute("aria-hidden", "true");
          span.insertBefore(tag, text);
        });
        if (refs.length) {
          span.setAttribute("aria-label", text.textContent + " (" + refs.map(function (r) { return refName(r.ref); }).join("; ") + ")");
        } else {
          span.removeAttribute("aria-label");
        }
      });
    });
    paintSelection();
  }

  function paintSelection() {
    flat.forEach(function (span) {
      var b = Number(span.dataset.block);
      var i = Number(span.dataset.index);
      var on = Boolean(selection && selection.block === b && i >= selection.start && i < selection.end);
      span.classList.toggle("selected", on);
      span.setAttribute("aria-selected", on ? "true" : "false");
    });
    var count = selection ? selection.end - selection.start : 0;
    selectionText.textContent = count
      ? "Selected in " + blockName(selection.block) + ": “" + quoteOf(selection.block, selection.start, selection.end) + "”."
      : "No words selected.";
    Array.prototype.forEach.call(toolbar.querySelectorAll("button[data-add]"), function (button) {
      button.disabled = count === 0;
    });
  }

  function moveTo(span, focus) {
    if (current) { wordEls[current.block][current.index].tabIndex = -1; }
    current = { block: Number(span.dataset.block), index: Number(span.dataset.index) };
    span.tabIndex = 0;
    if (focus) { span.focus(); }
  }

  function select(block, anchor, other) {
    selection = { block: block, anchor: anchor, start: Math.min(anchor, other), end: Math.max(anchor, other) + 1 };
    paintSelection();
  }

  function clearSelection() {
    selection = null;
    paintSelection();
  }

  // --- Quotes of selected words -------------------------------------------------------------------

  function quoteOf(block, start, end) {
    var b = blocks[block];
    var text = "";
    for (var i = start; i < end; i++) {
      text += b.words[i];
      if (i + 1 < end) { text += b.gaps[i + 1]; }
    }
    return text;
  }

  function blockText(block) {
    var b = blocks[block];
    var text = b.gaps[0];
    b.words.forEach(function (word, i) { text += word + b.gaps[i + 1]; });
    return text;
  }

  function offsetOf(block, index) {
    var b = blocks[block];
    var offset = b.gaps[0].length;
    for (var i = 0; i < index; i++) { offset += b.words[i].length + b.gaps[i + 1].length; }
    return offset;
  }

  function matchForm(text) {
    return text.replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u201f\u2033]/g, "\"");
  }

  var WORD_CHAR = /[\p{L}\p{N}_]/u;

  function matchesIn(haystack, needle) {
    var found = [];
    var from = 0;
    var startsWord = WORD_CHAR.test(needle.charAt(0));
    var endsWord = WORD_CHAR.test(needle.charAt(needle.length - 1));
    while (needle) {
      var at = haystack.indexOf(needle, from);
      if (at < 0) { break; }
      var before = at > 0 ? haystack.charAt(at - 1) : "";
      var after = haystack.charAt(at + needle.length);
      if (!(startsWord && before && WORD_CHAR.test(before)) && !(endsWord && after && WORD_CHAR.test(after))) {
        found.push(at);
      }
      from = at + 1;
    }
    return found;
  }

  // The quote of the selection, with "in: title" and "occurrence" as the validator counts them.
  function anchorOfSelection() {
    var quote = quoteOf(selection.block, selection.start, selection.end);
    var needle = matchForm(quote);
    var here = offsetOf(selection.block, selection.start);
    var searched = selection.block === 0 ? [0] : blocks.map(function (_, b) { return b; }).slice(1);
    var before = 0;
    var total = 0;
    searched.forEach(function (b) {
      matchesIn(matchForm(blockText(b)), needle).forEach(function (at) {
        total += 1;
        if (b < selection.block || (b === selection.block && at < here)) { before += 1; }
      });
    });
    var anchor = { quote: quote };
    if (total > 1) { anchor.occurrence = before + 1; }
    if (selection.block === 0) { anchor.in = "title"; }
    return anchor;
  }

  function locationOfSelection() {
    return { block: selection.block, start: selection.start, end: selection.end };
  }

  // --- Keyboard and mouse on the words ------------------------------------------------------------

  function openAt(span) {
    var b = Number(span.dataset.block);
    var i = Number(span.dataset.index);
    var refs = refsAt()[b][i];
    if (!refs.length) { return false; }
    var key = b + ":" + i;
    cycle.turn = cycle.key === key ? (cycle.turn + 1) % refs.length : 0;
    cycle.key = key;
    focusCard(refs[cycle.turn].ref);
    return true;
  }

  wordsBox.addEventListener("keydown", function (event) {
    var span = event.target.closest ? event.target.closest(".w") : null;
    if (!span || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var position = flat.indexOf(span);
    var b = Number(span.dataset.block);
    var i = Number(span.dataset.index);
    var next = null;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") { next = position + 1; }
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") { next = position - 1; }
    else if (event.key === "Home") { next = 0; }
    else if (event.key === "End") { next = flat.length - 1; }
    if (next !== null) {
      event.preventDefault();
      next = Math.max(0, Math.min(flat.length - 1, next));
      var target = flat[next];
      if (event.shiftKey) {
        // A quote stays inside one headline or paragraph.
        if (Number(target.dataset.block) !== b) { return; }
        var anchor = selection && selection.block === b ? selection.anchor : i;
        select(b, anchor, Number(target.dataset.index));
      }
      moveTo(target, true);
      return;
    }
    if (event.key === " " || event.key === "Spacebar") {
      event.preventDefault();
      if (selection && selection.block === b && selection.start === i && selection.end === i + 1) { clearSelection(); }
      else { select(b, i, i); }
    } else if (event.key === "Enter") {
      event.preventDefault();
      openAt(span);
    } else if (event.key === "Escape") {
      clearSelection();
    }
  });

  wordsBox.addEventListener("focusin", function (event) {
    var span = event.target.closest ? event.target.closest(".w") : null;
    if (span) { moveTo(span, false); }
  });

  // The mouse: a press on a word starts a selection of our own (a browser does not select text
  // across focusable words), moving over words extends it, and a press and release on one word
  // without moving is a click: it opens the word's annotation, or selects the word.
  var drag = null;

  function wordAt(event) {
    return event.target && event.target.closest ? event.target.closest(".w") : null;
  }

  wordsBox.addEventListener("mousedown", function (event) {
    var span = wordAt(event);
    if (!span || event.button !== 0) { return; }
    event.preventDefault();
    drag = { block: Number(span.dataset.block), index: Number(span.dataset.index), moved: false, shift: event.shiftKey };
    moveTo(span, true);
  });

  wordsBox.addEventListener("mouseover", function (event) {
    var span = wordAt(event);
    if (!drag || !span || Number(span.dataset.block) !== drag.block) { return; }
    var index = Number(span.dataset.index);
    if (index === drag.index && !drag.moved) { return; }
    drag.moved = true;
    select(drag.block, drag.index, index);
    moveTo(span, true);
  });

  document.addEventListener("mouseup", function () {
    if (!drag) { return; }
    var done = drag;
    drag = null;
    if (done.moved) { return; }
    var span = wordEls[done.block][done.index];
    if (done.shift && selection && selection.block === done.block) {
      select(done.block, selection.anchor, done.index);
    } else if (!openAt(span)) {
      select(done.block, done.index, done.index);
    }
  });

  // --- Adding annotations -------------------------------------------------------------------------

  function newSourceId(quote) {
    var base = quote.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")
      .split("-").slice(0, 5).join("-") || "source";
    var ids = listOf("sources").map(function (s) { return s && s.id; });
    var id = base;
    for (var n = 2; ids.indexOf(id) >= 0; n++) { id = base + "-" + n; }
    return id;
  }

  function addAnnotation(what) {
    if (!selection) { return; }
    var anchor = anchorOfSelection();
    var loc = locationOfSelection();
    var ref;
    if (what === "claim") {
      anchor.status = "unattributed";
      listOf("claims").push(anchor);
      locations.claims.push(loc);
      ref = { section: "claims", index: doc.claims.length - 1 };
    } else if (what === "framing") {
      anchor.technique = vocabulary.techniques[0].id;
      listOf("framing").push(anchor);
      locations.framing.push(loc);
      ref = { section: "framing", index: doc.framing.length - 1 };
    } else {
      var sources = listOf("sources");
      var chosen = mentionSource.value;
      var index = sources.findIndex(function (s) { return s && s.id === chosen; });
      if (index < 0) {
        sources.push({ id: newSourceId(anchor.quote), name: anchor.quote, type: vocabulary.source_types[0].id, mentions: [] });
        locations.sources.push([]);
        index = sources.length - 1;
      }
      if (!Array.isArray(sources[index].mentions)) { sources[index].mentions = []; }
      sources[index].mentions.push(anchor);
      locations.sources[index].push(loc);
      ref = { section: "sources", index: index };
    }
    clearSelection();
    changed(true);
    focusCard(ref);
  }

  toolbar.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-add]");
    if (!button) { return; }
    var what = button.getAttribute("data-add");
    if (what === "clear") { clearSelection(); return; }
    addAnnotation(what);
  });

  function fillMentionSources() {
    var chosen = mentionSource.value;
    mentionSource.textContent = "";
    mentionSource.appendChild(new Option("to a new source", ""));
    listOf("sources").forEach(function (source) {
      if (source && source.id) { mentionSource.appendChild(new Option("to " + (source.name || source.id), source.id)); }
    });
    mentionSource.value = chosen;
    if (mentionSource.selectedIndex < 0) { mentionSource.value = ""; }
  }

  // --- Cards ------------------------------------------------------------------------------------------

  function cardId(ref) { return "card-" + ref.section + "-" + ref.index; }

  function focusCard(ref) {
    var card = document.getElementById(cardId(ref));
    if (!card) { return; }
    Array.prototype.forEach.call(cardsBox.querySelectorAll(".is-current"), function (c) { c.classList.remove("is-current"); });
    card.classList.add("is-current");
    card.focus();
  }

  var fieldCount = 0;

  function labelled(labelText, control, card) {
    fieldCount += 1;
    control.id = "ed-field-" + fieldCount;
    var wrap = el("div", "field");
    var label = el("label", null, labelText);
    label.htmlFor = control.id;
    wrap.appendChild(label);
    wrap.appendChild(control);
    card.appendChild(wrap);
    return control;
  }

  function selectOf(entries, value, withNone) {
    var box = document.createElement("select");
    if (withNone) { box.appendChild(new Option(withNone, "")); }
    entries.forEach(function (entry) { box.appendChild(new Option(entry.label, entry.id)); });
    box.value = value || "";
    if (box.selectedIndex < 0 && value) {
      box.appendChild(new Option(value + " (not in the vocabulary)", value));
      box.value = value;
    }
    return box;
  }

  function whereOf(loc) {
    return loc ? "In " + blockName(loc.block) + "." : "Not found in the text: check its quote.";
  }

  function noteBox(item, card) {
    var note = document.createElement("textarea");
    note.rows = 3;
    note.value = typeof item.note === "string" ? item.note : "";
    labelled("Note for students", note, card);
    note.addEventListener("input", function () { setNote(item, note.value); changed(false); });
  }

  function actions(card, ref, item, onAccept) {
    var row = el("p", "actions");
    if (item.suggested === true || onAccept) {
      var accept = el("button", null, "Accept");
      accept.type = "button";
      accept.setAttribute("aria-label", "Accept " + KIND[ref.section] + " " + (ref.index + 1));
      accept.addEventListener("click", function () {
        delete item.suggested;
        if (onAccept) { onAccept(); }
        changed(true);
        focusCard(ref);
      });
      row.appendChild(accept);
    }
    var reject = el("button", "secondary", item.suggested === true ? "Reject" : "Delete");
    reject.type = "button";
    reject.setAttribute("aria-label", reject.textContent + " " + KIND[ref.section] + " " + (ref.index + 1));
    reject.addEventListener("click", function () {
      doc[ref.section].splice(ref.index, 1);
      locations[ref.section].splice(ref.index, 1);
      changed(true);
      var next = document.getElementById(cardId({ section: ref.section, index: Math.min(ref.index, doc[ref.section].length - 1) }));
      (next || document.getElementById("editor-annotations-heading")).focus();
    });
    row.appendChild(reject);
    card.appendChild(row);
  }

  function cardFrame(ref, item, title) {
    var card = el("article", "ann-card card-" + KIND[ref.section] + (item.suggested === true ? " is-suggested" : ""));
    card.id = cardId(ref);
    card.tabIndex = -1;
    var heading = el("h4");
    heading.id = card.id + "-title";
    var tag = el("span", "ann-tag tag-" + KIND[ref.section], KIND_LABEL[KIND[ref.section]] + " " + (ref.index + 1));
    heading.appendChild(tag);
    heading.appendChild(document.createTextNode(" " + title));
    card.setAttribute("aria-labelledby", heading.id);
    card.appendChild(heading);
    if (item.suggested === true) { card.appendChild(el("p", "badge suggested-badge", "Suggested: not reviewed yet")); }
    return card;
  }

  function claimCard(item, index) {
    var ref = { section: "claims", index: index };
    var card = cardFrame(ref, item, "“" + (item.quote || "") + "”");
    card.appendChild(el("p", "hint", whereOf(locations.claims[index])));
    var status = labelled("Status", selectOf(vocabulary.claim_statuses, item.status), card);
    status.addEventListener("change", function () { item.status = status.value; changed(false); });
    var sources = listOf("sources").filter(function (s) { return s && s.id; })
      .map(function (s) { return { id: s.id, label: s.name || s.id }; });
    var source = labelled("Whose claim it is", selectOf(sources, item.source, "No source"), card);
    source.addEventListener("change", function () {
      if (source.value) { item.source = source.value; } else { delete item.source; }
      changed(false);
    });
    var cues = document.createElement("input");
    cues.type = "text";
    cues.value = Array.isArray(item.cues) ? item.cues.join(", ") : "";
    labelled("Hedge words in the claim (separated by commas)", cues, card);
    cues.addEventListener("input", function () {
      var list = cues.value.split(",").map(function (c) { return c.trim(); }).filter(Boolean);
      if (list.length) { item.cues = list; } else { delete item.cues; }
      changed(false);
    });
    noteBox(item, card);
    actions(card, ref, item, null);
    return card;
  }

  function framingCard(item, index) {
    var ref = { section: "framing", index: index };
    var card = cardFrame(ref, item, "“" + (item.quote || "") + "”");
    card.appendChild(el("p", "hint", whereOf(locations.framing[index])));
    var technique = labelled("Technique", selectOf(vocabulary.techniques, item.technique), card);
    technique.addEventListener("change", function () { item.technique = technique.value; changed(false); });
    noteBox(item, card);
    actions(card, ref, item, null);
    return card;
  }

  function sourceCard(item, index) {
    var ref = { section: "sources", index: index };
    var card = cardFrame(ref, item, item.name || item.id || "");
    var name = document.createElement("input");
    name.type = "text";
    name.value = item.name || "";
    labelled("Name (as questions show it)", name, card);
    name.addEventListener("input", function () { item.name = name.value; changed(false); });
    var type = labelled("Type", selectOf(vocabulary.source_types, item.type), card);
    type.addEventListener("change", function () { item.type = type.value; changed(false); });
    var others = listOf("sources").filter(function (s) { return s && s.id && s !== item; })
      .map(function (s) { return { id: s.id, label: s.name || s.id }; });
    var via = labelled("Passed on by", selectOf(others, item.via, "Nobody: the article got it directly"), card);
    via.addEventListener("change", function () {
      if (via.value) { item.via = via.value; } else { delete item.via; }
      changed(false);
    });
    card.appendChild(el("p", "mentions-heading", "Mentions in the text"));
    var list = el("ul", "mention-list");
    (Array.isArray(item.mentions) ? item.mentions : []).forEach(function (mention, m) {
      var li = el("li", mention && mention.suggested === true ? "is-suggested" : "");
      var loc = (locations.sources[index] || [])[m];
      li.appendChild(document.createTextNode("“" + ((mention && mention.quote) || "") + "” (" +
        (loc ? blockName(loc.block) : "not found") + ")" + (mention && mention.suggested === true ? ", suggested " : " ")));
      if (mention && mention.suggested === true) {
        var keep = el("button", "small", "Accept mention");
        keep.type = "button";
        keep.addEventListener("click", function () { delete mention.suggested; changed(true); focusCard(ref); });
        li.appendChild(keep);
      }
      var drop = el("button", "small secondary", "Remove mention");
      drop.type = "button";
      drop.addEventListener("click", function () {
        item.mentions.splice(m, 1);
        locations.sources[index].splice(m, 1);
        changed(true);
        focusCard(ref);
      });
      li.appendChild(drop);
      list.appendChild(li);
    });
    card.appendChild(list);
    noteBox(item, card);
    var mentionsSuggested = (item.mentions || []).some(function (m) { return m && m.suggested === true; });
    actions(card, ref, item, mentionsSuggested ? function () {
      (item.mentions || []).forEach(function (mention) { if (mention) { delete mention.suggested; } });
    } : null);
    return card;
  }

  // The article's details (not its title or text, which the YAML file holds): id, outlet...
  var DETAILS = [
    ["id", "Article id (lowercase letters, digits and hyphens; a new id makes a new article)"],
    ["outlet", "Outlet"], ["author", "Author"], ["published", "Published (year-month-day)"],
    ["url", "Web address"], ["level", "Level (for example: ages 12-14)"]
  ];

  function detailsGroup() {
    var group = el("details", "card-group article-details");
    group.appendChild(el("summary", null, "The article’s details"));
    DETAILS.forEach(function (pair) {
      var input = document.createElement("input");
      input.type = "text";
      input.name = "detail-" + pair[0];
      input.value = typeof doc[pair[0]] === "string" ? doc[pair[0]] : "";
      labelled(pair[1], input, group);
      input.addEventListener("input", function () {
        if (input.value.trim() || pair[0] === "id") { doc[pair[0]] = input.value.trim(); } else { delete doc[pair[0]]; }
        changed(false);
      });
    });
    return group;
  }

  function renderCards() {
    var detailsOpen = Boolean(cardsBox.querySelector(".article-details[open]"));
    cardsBox.textContent = "";
    cardsBox.appendChild(detailsGroup()).open = detailsOpen;
    var suggested = 0;
    var total = 0;
    [["sources", "Sources", sourceCard], ["claims", "Claims", claimCard], ["framing", "Framing", framingCard]].forEach(function (part) {
      var items = listOf(part[0]);
      var group = el("section", "card-group");
      var heading = el("h3", null, part[1] + " (" + items.length + ")");
      heading.id = "cards-" + part[0];
      group.setAttribute("aria-labelledby", heading.id);
      group.appendChild(heading);
      if (!items.length) { group.appendChild(el("p", "hint", "None yet.")); }
      items.forEach(function (item, index) {
        if (!item || typeof item !== "object") { return; }
        total += 1;
        if (item.suggested === true || (part[0] === "sources" && (item.mentions || []).some(function (m) { return m && m.suggested === true; }))) { suggested += 1; }
        group.appendChild(part[2](item, index));
      });
      cardsBox.appendChild(group);
    });
    summary.textContent = total + " annotation" + (total === 1 ? "" : "s") + ", " + suggested + " still to review.";
    fillMentionSources();
    showCardProblems();
  }

  // --- Problems, the check and the preview ----------------------------------------------------------

  function showCardProblems() {
    Array.prototype.forEach.call(cardsBox.querySelectorAll(".card-problems"), function (list) { list.remove(); });
    (state.problems || []).concat(state.findings || []).forEach(function (problem) {
      if (problem.section === null || problem.section === undefined) { return; }
      var card = document.getElementById(cardId({ section: problem.section, index: problem.index }));
      if (!card) { return; }
      var list = card.querySelector(".card-problems");
      if (!list) {
        list = el("ul", "card-problems problem-list");
        card.insertBefore(list, card.querySelector(".actions"));
      }
      list.appendChild(el("li", "problem problem-" + problem.severity, severityLabel(problem) + ": " + problem.message));
    });
  }

  function severityLabel(problem) {
    return problem.severity === "error" ? "⚠ Problem" : problem.severity === "warning" ? "Warning" : "Finding";
  }

  function showProblems() {
    problemList.textContent = "";
    var problems = state.problems || [];
    problems.forEach(function (problem) {
      var li = el("li", "problem problem-" + problem.severity);
      li.appendChild(el("strong", null, severityLabel(problem)));
      li.appendChild(document.createTextNode(" (line " + problem.line + "): " + problem.message + " "));
      if (problem.section !== null && problem.section !== undefined) {
        var go = el("button", "small link-button", "Go to " + KIND[problem.section] + " " + (problem.index + 1));
        go.type = "button";
        go.addEventListener("click", function () { focusCard({ section: problem.section, index: problem.index }); });
        li.appendChild(go);
      }
      problemList.appendChild(li);
    });
    if (!problems.length) { problemList.appendChild(el("li", null, "No problems.")); }
    statusText.textContent = "Checked: " + state.errors + " problem" + (state.errors === 1 ? "" : "s") + " and " +
      state.warnings + " warning" + (state.warnings === 1 ? "" : "s") + (state.valid ? "; the preview below is up to date." : ".");
    showCardProblems();
  }

  function check() {
    checkNumber += 1;
    var mine = checkNumber;
    statusText.textContent = "Checking…";
    fetch(setup.checkUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken, "Accept": "application/json" },
      body: JSON.stringify({ document: doc })
    }).then(function (response) {
      return response.json().catch(function () { return { error: "The server answered " + response.status + "." }; });
    }).then(function (body) {
      if (mine !== checkNumber) { return; }
      if (body.error) { statusText.textContent = "Not checked: " + body.error; return; }
      state = body;
      locations = body.locations;
      yamlBox.value = body.yaml;
      preview.innerHTML = body.preview_html;  // rendered and escaped by the server's template
      paint();
      showProblems();
    }).catch(function () {
      if (mine === checkNumber) { statusText.textContent = "Not checked: the server cannot be reached. Your changes are kept on this page."; }
    });
  }

  function changed(structure) {
    if (structure) { renderCards(); }
    paint();
    statusText.textContent = "Changed; checking soon…";
    window.clearTimeout(checkTimer);
    checkTimer = window.setTimeout(check, CHECK_DELAY_MS);
  }

  // --- Start ------------------------------------------------------------------------------------------

  form.addEventListener("submit", function () {
    form.querySelector("input[name=document_json]").value = JSON.stringify(doc);
  });
  yamlBox.readOnly = true;
  document.getElementById("yaml-details").open = false;
  Array.prototype.forEach.call(document.querySelectorAll(".js-only"), function (node) { node.hidden = false; });
  Array.prototype.forEach.call(document.querySelectorAll(".no-js-only"), function (node) { node.hidden = true; });
  document.getElementById("yaml-problems").hidden = true;
  document.getElementById("yaml-problems-heading").hidden = true;
  buildWords();
  renderCards();
  paint();
  showProblems();
  app.hidden = false;
}());
