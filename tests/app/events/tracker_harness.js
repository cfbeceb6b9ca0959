// Runs the generated tracker in a tiny DOM stub and prints what it would send, as JSON lines.
"use strict";
const fs = require("fs");
const vm = require("vm");
const code = fs.readFileSync(process.argv[2], "utf8");
const sent = [];
const handlers = {};
let now = 1764000000000;
const realNow = Date.now;
Date.now = () => now;
const store = new Map();
const win = {
  localStorage: { getItem: (k) => (store.has(k) ? store.get(k) : null), setItem: (k, v) => store.set(k, String(v)) },
  navigator: {
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile",
    sendBeacon: (url, blob) => { sent.push({ url, blob }); return true; },
  },
  location: { href: "https://shop.example/price?utm_source=vk&utm_campaign=autumn+sale", pathname: "/price",
              search: "?utm_source=vk&utm_campaign=autumn+sale" },
  setInterval: () => 1,
  Blob: Blob,
};
const doc = {
  title: "Цены", referrer: "https://vk.com/", visibilityState: "visible",
  addEventListener: (name, fn) => { (handlers[name] = handlers[name] || []).push(fn); },
};
function input(name, type, value) { return { name, type, id: "", value }; }
globalThis.window = win;
globalThis.document = doc;
vm.runInThisContext(code);
const form = {
  querySelectorAll: () => [input("fio", "text", "Петрова Анна"), input("tel", "tel", "8 912 000-11-22"),
                           input("mail", "email", "anna@x.ru"), input("comment", "text", "")],
  getAttribute: (a) => (a === "id" ? "callback" : null),
};
handlers.submit.forEach((fn) => fn({ target: form }));
win.kaskad.goal("cart", { amount_hint: 2 });
now += 65000;
doc.visibilityState = "hidden";
handlers.visibilitychange.forEach((fn) => fn());
handlers.visibilitychange.forEach((fn) => fn());  // a second hide without new time sends nothing
Date.now = realNow;
(async () => {
  for (const item of sent) {
    console.log(JSON.stringify({ url: item.url, type: item.blob.type, body: await item.blob.text() }));
  }
  console.log(JSON.stringify({ visitor: win.kaskad.visitorId(), stored: store.get("kaskad_vid") }));
})();
