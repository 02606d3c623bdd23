// tagdrop's service worker: an offline shell, the shopper's loves for reading offline, and web
// push notifications. Served from /sw.js so its scope is the whole site.
"use strict";

const VERSION = "v1";
const SHELL = "tagdrop-shell-" + VERSION; // the offline page and static assets
const PAGES = "tagdrop-pages-" + VERSION; // pages kept for offline reading: /loves
const OFFLINE = "/offline";
const SHELL_ASSETS = [
  OFFLINE,
  "/static/style.css",
  "/static/typeahead.js",
  "/static/push.js",
  "/static/favicon.svg",
  "/static/icons/icon-192.png",
];
// Pages kept for offline reading after each successful visit. Personal: dropped at sign-out.
const KEPT_PAGES = new Set(["/loves"]);

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(SHELL_ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("tagdrop-") && name !== SHELL && name !== PAGES) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === "POST" && url.pathname === "/signout") {
    event.waitUntil(caches.delete(PAGES)); // the next person on this device must not read them
    return;
  }
  if (req.method !== "GET") return;
  if (req.mode === "navigate") {
    event.respondWith(page(req, url));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(asset(req));
  }
});

// page is network first: the live page when the network answers, else the copy kept for
// offline reading, else the offline page.
async function page(req, url) {
  const keep = KEPT_PAGES.has(url.pathname) && url.search === "";
  try {
    const resp = await fetch(req);
    if (keep) {
      const cache = await caches.open(PAGES);
      if (resp.ok && !resp.redirected) {
        await cache.put(url.pathname, resp.clone());
      } else if (resp.redirected) {
        await cache.delete(url.pathname); // signed out elsewhere: the page now asks to sign in
      }
    }
    return resp;
  } catch (err) {
    const kept = keep ? await caches.match(url.pathname, {cacheName: PAGES}) : undefined;
    return kept || (await caches.match(OFFLINE, {cacheName: SHELL})) || Response.error();
  }
}

// asset answers from the cache and refreshes the copy in the background.
async function asset(req) {
  const cache = await caches.open(SHELL);
  const cached = await cache.match(req);
  const fresh = fetch(req).then((resp) => {
    if (resp.ok) cache.put(req, resp.clone());
    return resp;
  });
  if (cached) {
    fresh.catch(() => {});
    return cached;
  }
  return fresh;
}

self.addEventListener("push", (event) => {
  let msg = {};
  try {
    msg = event.data ? event.data.json() : {};
  } catch (err) {
    msg = {title: "tagdrop", body: event.data ? event.data.text() : ""};
  }
  event.waitUntil(self.registration.showNotification(msg.title || "tagdrop", {
    body: msg.body || "",
    tag: msg.tag || undefined, // a re-sent message replaces the one shown
    icon: "/static/icons/icon-192.png",
    badge: "/static/icons/icon-192.png",
    data: {url: msg.url || "/loves"},
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  // Only paths on this site: a message can never send the shopper elsewhere.
  let target = new URL("/loves", self.location.origin);
  try {
    const u = new URL((event.notification.data && event.notification.data.url) || "/loves", self.location.origin);
    if (u.origin === self.location.origin) target = u;
  } catch (err) { /* keep /loves */ }
  event.waitUntil((async () => {
    const wins = await self.clients.matchAll({type: "window", includeUncontrolled: true});
    for (const w of wins) {
      if ("focus" in w && new URL(w.url).origin === self.location.origin) {
        await w.focus();
        return w.navigate(target.href);
      }
    }
    return self.clients.openWindow(target.href);
  })());
});
