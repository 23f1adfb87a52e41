// pinggu UI helpers. Every page works without this file; it only adds
// confirmations, contact and target rows, and upload progress.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Ask before destructive actions: forms or buttons with data-confirm.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    var btn = ev.submitter;
    var msg = (btn && btn.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) {
      ev.preventDefault();
    }
  });

  // Add a blank row by copying the last row of the table body named by
  // data-add-row; remove a row with its data-remove-row button.
  document.addEventListener("click", function (ev) {
    var add = ev.target.closest("[data-add-row]");
    if (add) {
      var body = document.getElementById(add.getAttribute("data-add-row"));
      var last = body && body.querySelector("tr.row-item:last-child");
      if (!last) return;
      var row = last.cloneNode(true);
      row.querySelectorAll("input").forEach(function (i) { i.value = ""; });
      row.querySelectorAll("select").forEach(function (s) { s.selectedIndex = 0; });
      row.querySelectorAll(".field-error").forEach(function (e) { e.remove(); });
      body.appendChild(row);
      var first = row.querySelector("input, select");
      if (first) first.focus();
      return;
    }
    var rm = ev.target.closest("[data-remove-row]");
    if (rm) {
      var tr = rm.closest("tr");
      var tbody = tr.parentNode;
      if (tbody.querySelectorAll("tr.row-item").length > 1) {
        tr.remove();
      } else {
        tr.querySelectorAll("input").forEach(function (i) { i.value = ""; });
      }
    }
  });

  // Show upload progress for CSV imports; the server's answer replaces the page.
  document.querySelectorAll("form[data-upload]").forEach(function (form) {
    form.addEventListener("submit", function (ev) {
      if (ev.defaultPrevented || !window.XMLHttpRequest || !window.FormData) return;
      var bar = form.querySelector(".upload-progress");
      if (!bar) return;
      ev.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      bar.hidden = false;
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
      });
      xhr.addEventListener("load", function () {
        // Show the server's answer as the page: the import result (which
        // carries the flash message) or the table of bad rows.
        var to = xhr.responseURL;
        document.open();
        document.write(xhr.responseText);
        document.close();
        if (to && to !== window.location.href) {
          window.history.replaceState(null, "", to);
        }
      });
      xhr.addEventListener("error", function () { form.submit(); });
      xhr.send(new FormData(form));
    });
  });
})();
