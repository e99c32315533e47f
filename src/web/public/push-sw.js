// Push notifications, imported by the app's service worker (vite.config.ts, workbox.importScripts).
// The payload is the server's JSON: { title, body, url, tag? } (src/server/platform/messaging/push.ts).

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data.text() };
  }
  event.waitUntil(
    self.registration.showNotification(data.title || "Chungcu", {
      body: data.body,
      icon: "/icon-192.png",
      badge: "/icon-192.png",
      tag: data.tag,
      data: { url: data.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const origin = self.location.origin;
  const wanted = new URL(event.notification.data?.url || "/app", origin);
  const url = wanted.origin === origin ? wanted.href : `${origin}/app`;
  event.waitUntil(
    (async () => {
      // Only windows this worker controls can be navigated.
      const windows = await self.clients.matchAll({ type: "window" });
      const open = windows.find((client) => new URL(client.url).origin === origin);
      if (!open) return self.clients.openWindow(url);
      await open.focus();
      return open.navigate(url);
    })(),
  );
});
