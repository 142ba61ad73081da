// gedragscode serve, "Opstellen": keep the preview up to date while the form is filled in.
// Without this script the page works the same through the "Voorbeeld bijwerken" button;
// the script posts the same form to the same address and takes the parts it needs from the
// page the server returns.
(function () {
  "use strict";
  var form = document.getElementById("opstelformulier");
  var status = document.getElementById("status");
  if (!form || !status || !window.fetch || !window.FormData || !window.DOMParser) { return; }
  var timer = null;
  var sequence = 0;
  // Structural changes (another body or office) change the fields, not only the preview.
  var STRUCTURE = { lichaam: ["ambten", "keuzes", "termen"], ambt: ["keuzes"] };

  function swap(fresh, id) {
    var old = document.getElementById(id);
    var next = fresh.getElementById(id);
    if (old && next) {
      if (old.tagName === "DETAILS" && next.tagName === "DETAILS") { next.open = old.open; }
      old.replaceWith(document.importNode(next, true));
    }
  }

  function updateFieldErrors(fresh) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-fout-voor]"), function (el) {
      var id = el.getAttribute("data-fout-voor");
      var next = fresh.querySelector('[data-fout-voor="' + id + '"]');
      var text = next ? next.textContent : "";
      if (el.textContent !== text) { el.textContent = text; }
      var field = document.getElementById(id);
      if (field) {
        if (text) { field.setAttribute("aria-invalid", "true"); } else { field.removeAttribute("aria-invalid"); }
        var wrapper = field.closest(".veld");
        if (wrapper) { wrapper.classList.toggle("heeft-fout", Boolean(text)); }
      }
    });
  }

  function refresh(parts) {
    var mine = ++sequence;
    status.textContent = "Voorbeeld wordt bijgewerkt…";
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Gedragscode-Voorbeeld": "1" }
    }).then(function (response) {
      return response.text();
    }).then(function (html) {
      if (mine !== sequence) { return; }
      var fresh = new DOMParser().parseFromString(html, "text/html");
      swap(fresh, "voorbeeld");
      swap(fresh, "meldingen");
      (parts || []).forEach(function (id) { swap(fresh, id); });
      updateFieldErrors(fresh);
      var problems = document.querySelectorAll("#meldingen .melding.fout li").length;
      status.textContent = problems ? "Voorbeeld bijgewerkt; controleer het formulier (" + problems + " "
        + (problems === 1 ? "fout" : "fouten") + ")." : "Voorbeeld bijgewerkt.";
    }).catch(function () {
      if (mine === sequence) {
        status.textContent = "Het voorbeeld kon niet worden bijgewerkt. Draait gedragscode serve nog?";
      }
    });
  }

  form.addEventListener("input", function (event) {
    var target = event.target;
    if (target.type === "checkbox" || target.tagName === "SELECT") { return; }  // handled by "change"
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { refresh([]); }, 450);
  });
  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.type === "text") { return; }  // typing is handled by "input"
    window.clearTimeout(timer);
    refresh(STRUCTURE[target.name] || []);
  });
  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (submitter && submitter.id === "bijwerken") {
      event.preventDefault();
      window.clearTimeout(timer);
      refresh(["ambten", "keuzes", "termen"]);
    }
  });
})();
