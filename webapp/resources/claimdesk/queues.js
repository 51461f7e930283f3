/*
 * The queue's "assign" buttons are plain markup: one listener sends the row's case to the remote
 * command chooseCase, which fills and opens the assign dialog. (A component per row cost rendering
 * time and, under the Content-Security-Policy, a script per row.)
 */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.assign-case[data-case]") : null;
    if (!button || typeof window.chooseCase !== "function") {
      return;
    }
    event.preventDefault();
    window.chooseCase([{ name: "case", value: button.getAttribute("data-case") }]);
  });
})();
