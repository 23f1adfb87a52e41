// Autosave of the answering screen. The page saves with its 保存 button
// without this file; with it, each changed item is sent to the API at once
// and the status line says so. An item the server refuses (不适用 without a
// reason) keeps its error next to it and the status line says it is not
// saved until it is, whatever other items save meanwhile; the progress bar
// counts only what the server holds.
(function () {
  "use strict";
  var form = document.getElementById("answers");
  if (!form || !window.fetch) return;
  var url = form.getAttribute("data-autosave");
  var status = form.querySelector(".autosave-status");
  var timers = {};
  var unsaved = {}; // key → the server's message
  var answered = 0; // saves answered by the server, in data-saves

  function done() {
    answered++;
    form.setAttribute("data-saves", String(answered));
  }

  function fieldsOf(key) {
    var out = { key: key };
    var checked = document.querySelector('input[form="answers"][name="answer:' + CSS.escape(key) + '"]:checked');
    if (checked) out.answer = checked.value;
    var reason = document.querySelector('textarea[form="answers"][name="reason:' + CSS.escape(key) + '"]');
    var notes = document.querySelector('textarea[form="answers"][name="notes:' + CSS.escape(key) + '"]');
    if (reason) out.reason = reason.value;
    if (notes) out.notes = notes.value;
    return out;
  }

  function itemOf(key) {
    return document.querySelector('.asm-item[data-key="' + CSS.escape(key) + '"]');
  }

  // now is the time of day in the zone the server shows times in.
  function now() {
    var off = parseInt(form.getAttribute("data-tz-offset"), 10) || 0;
    var d = new Date(Date.now() + off * 60000);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()) + ":" + pad(d.getUTCSeconds());
  }

  function report() {
    if (!status) return;
    var keys = Object.keys(unsaved);
    if (keys.length) {
      status.textContent = form.getAttribute("data-unsaved").replace("%d", keys.length) + unsaved[keys[0]];
      status.classList.add("bad");
    } else {
      status.textContent = form.getAttribute("data-saved") + " " + now();
      status.classList.remove("bad");
    }
  }

  // itemError shows msg next to the item (or clears it with "").
  function itemError(key, msg) {
    var item = itemOf(key);
    if (!item) return;
    var box = item.querySelector(".item-error");
    if (!msg) {
      if (box) box.remove();
      item.classList.remove("unsaved");
      return;
    }
    if (!box) {
      box = document.createElement("p");
      box.className = "item-error field-error";
      box.setAttribute("role", "alert");
      var after = item.querySelector(".asm-choices");
      if (after) after.after(box); else item.appendChild(box);
    }
    box.textContent = msg;
    item.classList.add("unsaved");
  }

  function save(key) {
    fetch(url, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify([fieldsOf(key)])
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (!res.ok) {
          var msg = (body.errors && body.errors.length && body.errors[0].message) || body.detail || form.getAttribute("data-failed");
          unsaved[key] = msg;
          itemError(key, msg);
          report();
          done();
          return;
        }
        delete unsaved[key];
        itemError(key, "");
        var item = itemOf(key);
        var a = fieldsOf(key).answer;
        if (item && a) {
          item.className = item.className.replace(/asm-answer-\S+/, "asm-answer-" + a);
        }
        var n = 0;
        (body.items || []).forEach(function (it) { if (it.answer) n++; });
        var bar = document.getElementById("asm-progress");
        if (bar) bar.value = n;
        var label = document.querySelector('label[for="asm-progress"]');
        if (label && label.getAttribute("data-format")) {
          label.textContent = label.getAttribute("data-format").replace("%d", n);
        }
        report();
        done();
      });
    }).catch(function () {
      unsaved[key] = form.getAttribute("data-failed");
      report();
      done();
    });
  }

  function keyOf(el) {
    if (!el || el.form !== form || !el.name) return "";
    var i = el.name.indexOf(":");
    return i < 0 ? "" : el.name.slice(i + 1);
  }

  document.addEventListener("change", function (ev) {
    var key = keyOf(ev.target);
    if (!key) return;
    clearTimeout(timers[key]);
    save(key);
  });
  document.addEventListener("input", function (ev) {
    var key = keyOf(ev.target);
    if (!key || ev.target.tagName !== "TEXTAREA") return;
    clearTimeout(timers[key]);
    timers[key] = setTimeout(function () { save(key); }, 1500);
  });
})();
