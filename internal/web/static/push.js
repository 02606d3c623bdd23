// tagdrop as an installable app and web push: registers the service worker (/sw.js) on every
// page, and on /settings runs the "Notifications on this device" section. Progressive
// enhancement: without JavaScript, service workers or the Push API the site works the same and
// the section says why notifications are not available.
"use strict";
(() => {
  const section = document.getElementById("push-settings");
  const status = section && document.getElementById("push-status");
  const say = (text) => { if (status) status.textContent = text; };
  if (!("serviceWorker" in navigator)) {
    say("This browser cannot show notifications from tagdrop. Your alerts still reach you by e-mail.");
    return;
  }
  navigator.serviceWorker.register("/sw.js").catch(() => { /* the site works without it */ });

  // The server side of a subscription, as the settings section uses it (and tests call it).
  const post = async (path, body) => {
    const r = await fetch(path, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    if (!r.ok) {
      let msg = "the server answered " + r.status;
      try { msg = (await r.json()).error || msg; } catch (_) { /* keep the status */ }
      throw new Error(msg);
    }
    return r;
  };
  const api = {
    save: (sub) => post("/push/subscriptions", sub),
    remove: (endpoint) => post("/push/unsubscribe", {endpoint}),
  };
  window.tagdropPush = api;
  if (!section) return;

  const on = document.getElementById("push-on");
  const off = document.getElementById("push-off");
  if (!("PushManager" in window) || !("Notification" in window)) {
    say("This browser cannot receive push notifications. Your alerts still reach you by e-mail.");
    return;
  }
  const keyBytes = (b64) => {
    const s = atob(b64.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((b64.length + 3) % 4));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  };
  let sub = null;
  const render = () => {
    on.hidden = !!sub;
    off.hidden = !sub;
    if (sub) say("Notifications are on for this device: price drops, target prices and sizes back in stock on your loves.");
    else if (Notification.permission === "denied") say("Notifications are blocked for this site. Allow them in your browser's site settings, then turn them on here.");
    else say("Notifications are off for this device.");
  };
  (async () => {
    const reg = await navigator.serviceWorker.ready;
    sub = await reg.pushManager.getSubscription();
    if (sub) api.save(sub.toJSON()).catch(() => { /* shown as on; the next visit tries again */ });
    render();
    on.addEventListener("click", async () => {
      on.disabled = true;
      try {
        if (await Notification.requestPermission() !== "granted") {
          render();
          return;
        }
        const key = await (await fetch("/push/key")).json();
        sub = await reg.pushManager.subscribe({userVisibleOnly: true, applicationServerKey: keyBytes(key.public_key)});
        await api.save(sub.toJSON());
        render();
      } catch (err) {
        say("Notifications could not be turned on: " + err.message);
      } finally {
        on.disabled = false;
      }
    });
    off.addEventListener("click", async () => {
      off.disabled = true;
      try {
        if (sub) {
          await api.remove(sub.endpoint).catch(() => { /* already gone on the server */ });
          await sub.unsubscribe();
        }
        sub = null;
        render();
      } catch (err) {
        say("Notifications could not be turned off: " + err.message);
      } finally {
        off.disabled = false;
      }
    });
  })();
})();
