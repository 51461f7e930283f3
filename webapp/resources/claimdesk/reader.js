/*
 * The article reader: turns the selection into offsets of the reading text and opens the capture
 * dialog (button, key "n" or Enter, a suggestion's "accept"). Without a mouse, with the text
 * focused, the arrow keys select sentence by sentence (data-sentences), Shift+arrows move the
 * span's end and "[" / "]" its start by a word; "?" (desk.js) shows the keys. Every run of text is
 * an element with data-at = its offset (UTF-16 code units, as JavaScript counts), so marks and
 * blanks between elements never shift the count. Loaded from a file because the
 * Content-Security-Policy forbids inline handlers.
 */
(function () {
  "use strict";

  var lastSpan = null;

  function root() {
    return document.getElementById("article-text");
  }

  function button() {
    return document.getElementById("new-claim");
  }

  /** The run of text (span or mark with data-at) that holds this node, or null. */
  function runOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    return element ? element.closest("[data-at]") : null;
  }

  /** The text nodes of the article, in document order, that belong to a run. */
  function textNodes() {
    var article = root();
    var nodes = [];
    if (!article) {
      return nodes;
    }
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (runOf(n)) {
        nodes.push(n);
      }
    }
    return nodes;
  }

  /** The text offset of a point inside a text node of a run. */
  function offsetOf(node, offsetInNode) {
    var run = runOf(node);
    var at = parseInt(run.getAttribute("data-at"), 10);
    var walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n && n !== node; n = walker.nextNode()) {
      at += n.length;
    }
    return at + offsetInNode;
  }

  /** The selected words as {start, end}, or null when nothing in the article is selected. */
  function selectedSpan() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return null;
    }
    var range = selection.getRangeAt(0);
    var nodes = textNodes().filter(function (n) {
      return range.intersectsNode(n);
    });
    if (nodes.length === 0) {
      return null;
    }
    var first = nodes[0];
    var last = nodes[nodes.length - 1];
    var start = offsetOf(first, first === range.startContainer ? range.startOffset : 0);
    var end = offsetOf(last, last === range.endContainer ? range.endOffset : last.length);
    return end > start ? { start: start, end: end } : null;
  }

  /** Selects [start, end) of the reading text, as if done with the mouse, and shows it. */
  function selectSpan(start, end) {
    var nodes = textNodes();
    var range = document.createRange();
    var startSet = false;
    for (var i = 0; i < nodes.length; i++) {
      var from = offsetOf(nodes[i], 0);
      var to = from + nodes[i].length;
      if (!startSet && start >= from && start < to) {
        range.setStart(nodes[i], start - from);
        startSet = true;
      }
      if (startSet && end > from && end <= to) {
        range.setEnd(nodes[i], end - from);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        var run = runOf(range.startContainer);
        if (run && run.scrollIntoView) {
          run.scrollIntoView({ block: "center" });
        }
        update();
        return true;
      }
    }
    return false;
  }

  function update() {
    var span = selectedSpan();
    var selection = window.getSelection();
    if (span) {
      lastSpan = span;
    } else if (!selection || selection.isCollapsed) {
      lastSpan = null;
    }
    var b = button();
    if (b) {
      b.disabled = !lastSpan;
    }
  }

  function openCapture(span) {
    if (span && typeof window.cdOpenCapture === "function") {
      window.cdOpenCapture([
        { name: "start", value: span.start },
        { name: "end", value: span.end }
      ]);
    }
  }

  function typing(target) {
    var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
    return tag === "input" || tag === "textarea" || tag === "select" || (target && target.isContentEditable);
  }

  // not offsetParent: a dialog is position: fixed, and fixed elements have none
  function dialogOpen() {
    return Array.prototype.some.call(document.querySelectorAll(".ui-dialog"), function (d) {
      return d.getClientRects().length > 0 && getComputedStyle(d).visibility !== "hidden";
    });
  }

  // ---- choosing a span from the keyboard ----------------------------------------------------

  /** The reading text as one string (offsets as data-at counts); blanks between paragraphs. */
  function readingText() {
    var chars = [];
    textNodes().forEach(function (n) {
      var at = offsetOf(n, 0);
      while (chars.length < at) {
        chars.push("\n");
      }
      for (var i = 0; i < n.length; i++) {
        chars[at + i] = n.data.charAt(i);
      }
    });
    return chars.join("");
  }

  /** The sentences as [{start, end}], from data-sentences="0-57 58-120 …". */
  function sentences() {
    var article = root();
    var bounds = (article && article.getAttribute("data-sentences")) || "";
    return bounds
      .split(" ")
      .filter(function (b) {
        return b;
      })
      .map(function (b) {
        var parts = b.split("-");
        return { start: parseInt(parts[0], 10), end: parseInt(parts[1], 10) };
      });
  }

  function blank(c) {
    return c === undefined || /\s/.test(c);
  }

  /** The end of the word after position at (skipping blanks first). */
  function nextWordEnd(text, at) {
    var i = at;
    while (i < text.length && blank(text.charAt(i))) {
      i++;
    }
    while (i < text.length && !blank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of the word before the one that ends at position at. */
  function previousWordEnd(text, at) {
    var i = at;
    while (i > 0 && !blank(text.charAt(i - 1))) {
      i--;
    }
    while (i > 0 && blank(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** The start of the word before position at. */
  function previousWordStart(text, at) {
    var i = at;
    while (i > 0 && blank(text.charAt(i - 1))) {
      i--;
    }
    while (i > 0 && !blank(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** The start of the word after the one that starts at position at. */
  function nextWordStart(text, at) {
    var i = at;
    while (i < text.length && !blank(text.charAt(i))) {
      i++;
    }
    while (i < text.length && blank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The sentence after (step 1) or before (step -1) the current span, or the first one. */
  function sentenceFrom(step) {
    var all = sentences();
    if (all.length === 0) {
      return null;
    }
    var current = lastSpan;
    if (!current) {
      return step > 0 ? all[0] : all[all.length - 1];
    }
    if (step > 0) {
      for (var i = 0; i < all.length; i++) {
        if (all[i].start >= current.end || (all[i].start > current.start && all[i].end > current.end)) {
          return all[i];
        }
      }
      return all[all.length - 1];
    }
    for (var j = all.length - 1; j >= 0; j--) {
      if (all[j].end <= current.start || (all[j].start < current.start && all[j].end < current.end)) {
        return all[j];
      }
    }
    return all[0];
  }

  /** Keys on the focused text; true when the key was one of them. */
  function spanKey(event) {
    var text;
    var span = lastSpan;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
      case "j":
      case "k": {
        var step = event.key === "ArrowDown" || event.key === "j" ? 1 : -1;
        var sentence = sentenceFrom(step);
        return sentence ? selectSpan(sentence.start, sentence.end) || true : false;
      }
      case "ArrowRight":
      case "ArrowLeft":
        if (!event.shiftKey || !span) {
          return false;
        }
        text = readingText();
        var end =
          event.key === "ArrowRight" ? nextWordEnd(text, span.end) : previousWordEnd(text, span.end);
        return end > span.start ? selectSpan(span.start, end) || true : true;
      case "[":
      case "]":
        if (!span) {
          return false;
        }
        text = readingText();
        var start =
          event.key === "[" ? previousWordStart(text, span.start) : nextWordStart(text, span.start);
        return start < span.end ? selectSpan(start, span.end) || true : true;
      case "Enter":
        if (span && button()) {
          openCapture(span);
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  document.addEventListener("selectionchange", update);

  // keep the selection when the button is pressed
  document.addEventListener("mousedown", function (event) {
    if (event.target.closest && event.target.closest("#new-claim")) {
      event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) {
      return;
    }
    if (target.closest("#new-claim")) {
      openCapture(lastSpan);
      return;
    }
    var select = target.closest(".suggestion-select, .suggestion-accept");
    if (select) {
      var start = parseInt(select.getAttribute("data-start"), 10);
      var end = parseInt(select.getAttribute("data-end"), 10);
      selectSpan(start, end);
      if (select.classList.contains("suggestion-accept")) {
        openCapture({ start: start, end: end });
      }
      return;
    }
    var chip = target.closest(".name-chip");
    if (chip) {
      var input = document.getElementById(chip.getAttribute("data-target"));
      if (input) {
        input.value = chip.getAttribute("data-name");
        input.focus();
      }
      return;
    }
    var mark = target.closest("mark[data-href]");
    if (mark && window.getSelection().isCollapsed) {
      window.location.href = mark.getAttribute("data-href");
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    if (event.target === root() && !dialogOpen() && spanKey(event)) {
      event.preventDefault();
      return;
    }
    var mark = event.target.closest && event.target.closest("mark[data-href]");
    if (mark && event.key === "Enter") {
      window.location.href = mark.getAttribute("data-href");
      return;
    }
    if ((event.key === "n" || event.key === "N") && button() && lastSpan && !dialogOpen()) {
      event.preventDefault();
      openCapture(lastSpan);
    }
  });

  function start() {
    var article = root();
    var wanted = article && article.getAttribute("data-select");
    var parts = wanted ? /^(\d+)-(\d+)$/.exec(wanted) : null;
    if (parts) {
      selectSpan(parseInt(parts[1], 10), parseInt(parts[2], 10));
    }
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
