// Autosave of the answering screen. The page saves with its 保存 button
// without this file; with it, each changed item is sent to the API at once
// and the status line says so.
(function () {
  "use strict";
  var form = document.getElementById("answers");
  if (!form || !window.fetch) return;
  var url = form.getAttribute("data-autosave");
  var status = form.querySelector(".autosave-status");
  var timers = {};

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

  function show(text, bad) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("bad", !!bad);
  }

  function save(key) {
    fetch(url, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify([fieldsOf(key)])
    }).then(function (res) {
      if (!res.ok) throw new Error(String(res.status));
      var item = document.querySelector('.asm-item[data-key="' + CSS.escape(key) + '"]');
      var a = fieldsOf(key).answer;
      if (item && a) {
        item.className = item.className.replace(/asm-answer-\S+/, "asm-answer-" + a);
      }
      return res.json();
    }).then(function (asm) {
      var answered = 0;
      (asm.items || []).forEach(function (it) { if (it.answer) answered++; });
      var bar = document.getElementById("asm-progress");
      if (bar) bar.value = answered;
      show(form.getAttribute("data-saved") + " " + new Date().toLocaleTimeString());
    }).catch(function () {
      show(form.getAttribute("data-failed"), true);
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
