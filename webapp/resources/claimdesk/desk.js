/*
 * Behaviour every desk page shares. A section that shows its own messages (the verdict's) comes
 * into view when the page arrives with one, so a refused step is read where it was taken, not at
 * the top of a long page. "?" shows the page's keyboard shortcuts when it has any (a dialog with
 * widgetVar shortcutsDialog). Loaded from a file because the Content-Security-Policy forbids inline
 * scripts.
 */
(function () {
  "use strict";

  function showOwnMessages() {
    var own = document.querySelectorAll("section .ui-messages[id$='verdict-messages']");
    for (var i = 0; i < own.length; i++) {
      if (own[i].querySelector(".ui-messages-error, .ui-messages-info, .ui-messages-warn")) {
        own[i].scrollIntoView({ block: "center" });
        return;
      }
    }
  }

  function typing(target) {
    var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
    return tag === "input" || tag === "textarea" || tag === "select" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    var widgets = (window.PrimeFaces && PrimeFaces.widgets) || {};
    if (widgets.shortcutsDialog) {
      event.preventDefault();
      widgets.shortcutsDialog.show();
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showOwnMessages);
  } else {
    showOwnMessages();
  }
})();
