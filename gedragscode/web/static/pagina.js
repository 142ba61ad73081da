// gedragscode serve: open every closed <details> while printing, so the printout is complete.
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  // After a failed submit, move the focus to the error summary.
  var summary = document.getElementById("foutoverzicht");
  if (summary) { summary.focus(); }
})();
