// Patrol's progress: every element with data-run-progress="ID" is kept up
// to date from the API while its run is running; a run page reloads once
// its run is done, to show what it found. The page is whole without this
// file; it only saves pressing reload.
(function () {
  "use strict";
  var els = document.querySelectorAll("[data-run-progress]");
  if (!els.length || !window.fetch) return;
  function update(el) {
    var id = el.getAttribute("data-run-progress");
    fetch("/api/patrol/runs/" + encodeURIComponent(id), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (run) {
        if (!run) return;
        var bar = el.querySelector("progress");
        if (bar) { bar.max = run.total; bar.value = run.done; }
        var text = el.querySelector(".run-text");
        if (text) {
          var parts = text.textContent.split("·");
          parts[0] = run.done + "/" + run.total + " ";
          if (parts.length > 2) {
            parts[1] = parts[1].replace(/\d+/, run.failed);
            parts[2] = parts[2].replace(/\d+/, run.risky);
          }
          text.textContent = parts.join("·");
        }
        if (run.state !== "running") {
          if (el.hasAttribute("data-reload-when-done")) window.location.reload();
          return;
        }
        setTimeout(function () { update(el); }, 2000);
      })
      .catch(function () { setTimeout(function () { update(el); }, 5000); });
  }
  els.forEach(function (el) { setTimeout(function () { update(el); }, 1000); });
})();
