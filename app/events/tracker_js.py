"""The tracker's JavaScript source (kept in Python so it ships inside the package)."""

__all__ = ["SOURCE"]

SOURCE = r'''
/* Kaskad website tracker: page views, time on site, UTM source, device, form submits, goals. */
(function (w, d) {
  "use strict";
  var BASE = "__BASE_URL__", TOKEN = "__TOKEN__", KEY = "kaskad_vid", HEARTBEAT = 15000;
  var url = BASE + "/v1/events?token=" + encodeURIComponent(TOKEN);
  var store = w.localStorage, vid = null, started = Date.now(), sentSeconds = 0;
  try { vid = store.getItem(KEY); } catch (e) { vid = null; }
  if (!vid) {
    vid = "v-" + Math.random().toString(36).slice(2) + Date.now().toString(36);
    try { store.setItem(KEY, vid); } catch (e) { /* private mode: one visit only */ }
  }
  function device() {
    var ua = (w.navigator && w.navigator.userAgent) || "";
    if (/iPad|Tablet/i.test(ua)) { return "tablet"; }
    return /Mobi|Android|iPhone/i.test(ua) ? "mobile" : "desktop";
  }
  function utm() {
    var out = {}, q = (w.location.search || "").replace(/^\?/, "").split("&");
    for (var i = 0; i < q.length; i++) {
      var kv = q[i].split("=");
      if (/^utm_(source|medium|campaign|content|term)$/.test(kv[0])) {
        out[kv[0]] = decodeURIComponent((kv[1] || "").replace(/\+/g, " "));
      }
    }
    return out;
  }
  var campaign = utm();
  function props(extra) {
    var p = { url: w.location.href, path: w.location.pathname, title: d.title || "",
              referrer: d.referrer || "", device: device() };
    for (var k in campaign) { p[k] = campaign[k]; }
    for (var j in extra || {}) { p[j] = extra[j]; }
    return p;
  }
  function send(type, extra, who, leaving) {
    var ev = { id: vid + "-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8),
               type: type, occurred_at: new Date().toISOString(), visitor_id: vid, properties: props(extra) };
    for (var k in who || {}) { ev[k] = who[k]; }
    var body = JSON.stringify(ev);
    // text/plain avoids a CORS preflight; sendBeacon survives the page being closed.
    if (w.navigator && w.navigator.sendBeacon &&
        w.navigator.sendBeacon(url, new w.Blob([body], { type: "text/plain" }))) { return; }
    if (w.fetch) { w.fetch(url, { method: "POST", body: body, keepalive: !!leaving,
                                  headers: { "Content-Type": "text/plain" } }); }
  }
  function timeOnSite(leaving) {
    var seconds = Math.round((Date.now() - started) / 1000);
    if (seconds - sentSeconds >= 5) {
      sentSeconds = seconds;
      send("time_on_site", { seconds: seconds }, null, leaving);
    }
  }
  function field(form, pattern) {
    var inputs = form.querySelectorAll("input");
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i], name = (el.name || "") + " " + (el.type || "") + " " + (el.id || "");
      if (pattern.test(name) && el.value) { return el.value; }
    }
    return null;
  }
  d.addEventListener("submit", function (e) {
    var form = e.target, who = {};
    if (!form || !form.querySelectorAll) { return; }
    var phone = field(form, /phone|tel|телефон/i), email = field(form, /mail/i), name = field(form, /name|fio|имя|фио/i);
    if (phone) { who.phone = phone; }
    if (email) { who.email = email; }
    if (name) { who.name = name; }
    send("form_submitted", { form: form.getAttribute("id") || form.getAttribute("name") || "" }, who, true);
  }, true);
  d.addEventListener("visibilitychange", function () {
    if (d.visibilityState === "hidden") { timeOnSite(true); }
  });
  w.setInterval(function () { timeOnSite(false); }, HEARTBEAT);
  w.kaskad = { goal: function (name, extra) {
    var p = { goal: String(name) };
    for (var k in extra || {}) { p[k] = extra[k]; }
    send("goal", p);
  }, visitorId: function () { return vid; } };
  send("page_view", {});
})(window, document);
'''
