/*
 * Dialogs never lose typing. Escape in a field with its own pop-up (date picker, name suggestions)
 * closes only that pop-up. A dialog marked "keeps-typing" closes on Escape, its close icon or a
 * "dialog-cancel" button, but asks first when its form (data-discard = the question) has typed
 * text. Date pickers keep the name of their calendar button. Loaded from a file because the
 * Content-Security-Policy forbids inline handlers.
 */
(function () {
  "use strict";

  var POPUP_FIELDS = ".ui-calendar, .ui-datepicker, .ui-autocomplete, .ui-autocomplete-panel";

  // not offsetParent: a dialog is position: fixed, and fixed elements have none
  function visible(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
  }

  function widgetOf(dialog) {
    var widgets = (window.PrimeFaces && PrimeFaces.widgets) || {};
    for (var name in widgets) {
      if (widgets[name] && widgets[name].id === dialog.id) {
        return widgets[name];
      }
    }
    return null;
  }

  /** True when a field of the dialog's form differs from what the server sent. */
  function typed(form) {
    return Array.prototype.some.call(
      form.querySelectorAll("textarea, input:not([type]), input[type=text]"),
      function (field) {
        return field.value !== field.defaultValue;
      }
    );
  }

  function closeAsked(dialog) {
    var form = dialog.querySelector("form[data-discard]");
    if (form && typed(form) && !window.confirm(form.getAttribute("data-discard"))) {
      return;
    }
    var widget = widgetOf(dialog);
    if (widget) {
      widget.hide();
    }
  }

  // capture phase: runs before PrimeFaces' own handlers, which skip a key whose default is prevented
  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key !== "Escape" || !event.target.closest) {
        return;
      }
      if (event.target.closest(POPUP_FIELDS)) {
        event.preventDefault();
        return;
      }
      var dialog = event.target.closest(".ui-dialog.keeps-typing");
      if (dialog && visible(dialog)) {
        event.preventDefault();
        event.stopPropagation();
        closeAsked(dialog);
      }
    },
    true
  );

  document.addEventListener(
    "click",
    function (event) {
      var close =
        event.target.closest &&
        event.target.closest(".keeps-typing .ui-dialog-titlebar-close, .keeps-typing .dialog-cancel");
      if (close) {
        event.preventDefault();
        event.stopPropagation();
        closeAsked(close.closest(".ui-dialog"));
      }
    },
    true
  );

  // A date picker that redraws itself (after an Ajax update of its form) gets a new calendar button
  // without the name PrimeFaces gave the first one: name it again ("Datum wählen", "Choose Date").
  function nameCalendarButtons() {
    var name = window.PrimeFaces && PrimeFaces.getLocaleLabel && PrimeFaces.getLocaleLabel("chooseDate");
    if (!name) {
      return;
    }
    Array.prototype.forEach.call(
      document.querySelectorAll(".ui-datepicker-trigger:not([aria-label])"),
      function (button) {
        button.setAttribute("aria-label", name);
      }
    );
  }
  // PrimeFaces renders a file upload's "choose" button as a focusable span named by
  // aria-labelledby, which ARIA does not allow without a role, and a role="button" would nest the
  // file field inside a button. The span shows its name as text; the name goes to the file field.
  function nameFileFields() {
    Array.prototype.forEach.call(
      document.querySelectorAll(".ui-fileupload-choose[aria-labelledby]"),
      function (choose) {
        var field = choose.querySelector("input[type=file]");
        if (field && !field.hasAttribute("aria-labelledby")) {
          field.setAttribute("aria-labelledby", choose.getAttribute("aria-labelledby"));
        }
        choose.removeAttribute("aria-labelledby");
      }
    );
  }

  function repair() {
    nameCalendarButtons();
    nameFileFields();
  }
  new MutationObserver(repair).observe(document.body, { childList: true, subtree: true });
  repair();
})();
