// engram view: the page's only script. Arrow keys step through an episode; with --live, the page
// reloads when the run changes (it polls this server's /run/N/stamp, nothing else).
"use strict";
document.addEventListener("keydown", function (event) {
  if (event.target && /INPUT|TEXTAREA|SELECT/.test(event.target.tagName)) return;
  var id = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : null;
  var link = id && document.getElementById(id);
  if (link) window.location.assign(link.href);
});
(function () {
  var url = document.body && document.body.dataset.stamp;
  if (!url) return;
  var seen = null;
  function poll() {
    fetch(url, { cache: "no-store" }).then(function (r) { return r.ok ? r.text() : null; }).then(function (stamp) {
      if (stamp === null) return;
      if (seen !== null && stamp !== seen) { window.location.reload(); return; }
      seen = stamp;
    }).catch(function () {}).finally(function () { window.setTimeout(poll, 3000); });
  }
  poll();
})();
