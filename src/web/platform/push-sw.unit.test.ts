import { readFileSync } from "node:fs";
import vm from "node:vm";
import { describe, expect, it, vi } from "vitest";

const ORIGIN = "https://chungcu.example.vn";
const source = readFileSync(new URL("../public/push-sw.js", import.meta.url), "utf8");

/** Runs push-sw.js in a stand-in for the service worker's global scope. */
function serviceWorker(windows: { url: string }[] = []) {
  const listeners = new Map<string, (event: unknown) => void>();
  const clients = windows.map((w) => ({
    ...w,
    focus: vi.fn(async () => {}),
    navigate: vi.fn(async () => null),
  }));
  const self = {
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    registration: { showNotification: vi.fn(async () => {}) },
    location: { origin: ORIGIN },
    clients: { matchAll: vi.fn(async () => clients), openWindow: vi.fn(async () => null) },
  };
  vm.runInNewContext(source, { self, URL });
  const dispatch = async (type: string, event: object) => {
    const pending: Promise<unknown>[] = [];
    listeners.get(type)?.({ ...event, waitUntil: (p: Promise<unknown>) => pending.push(p) });
    await Promise.all(pending);
  };
  return { self, clients, dispatch };
}

const pushOf = (text: string) => ({ data: { json: () => JSON.parse(text), text: () => text } });
const clickOn = (url: string | undefined) => ({ notification: { data: { url }, close: vi.fn() } });

describe("push-sw.js", () => {
  it("shows the payload as a notification that remembers where to go", async () => {
    const { self, dispatch } = serviceWorker();
    const payload = {
      title: "Hoá đơn tháng 7",
      body: "1.250.000 ₫",
      url: "/app/invoices/1",
      tag: "invoice-1",
    };
    await dispatch("push", pushOf(JSON.stringify(payload)));
    expect(self.registration.showNotification).toHaveBeenCalledWith("Hoá đơn tháng 7", {
      body: "1.250.000 ₫",
      icon: "/icon-192.png",
      badge: "/icon-192.png",
      tag: "invoice-1",
      data: { url: "/app/invoices/1" },
    });
    await dispatch("push", pushOf("Mất nước tầng 12"));
    expect(self.registration.showNotification).toHaveBeenLastCalledWith(
      "Chungcu",
      expect.objectContaining({ body: "Mất nước tầng 12" }),
    );
  });

  it("on a tap, closes the notification and takes an open window of the app to its address", async () => {
    const { self, clients, dispatch } = serviceWorker([
      { url: "https://other.example/" },
      { url: `${ORIGIN}/app` },
    ]);
    const click = clickOn("/app/invoices/1");
    await dispatch("notificationclick", click);
    expect(click.notification.close).toHaveBeenCalled();
    expect(clients[1]?.focus).toHaveBeenCalled();
    expect(clients[1]?.navigate).toHaveBeenCalledWith(`${ORIGIN}/app/invoices/1`);
    expect(clients[0]?.navigate).not.toHaveBeenCalled();
    expect(self.clients.openWindow).not.toHaveBeenCalled();
  });

  it("opens a window when none is open, and never leaves the app's origin", async () => {
    for (const [url, opened] of [
      ["/app/tickets/7", `${ORIGIN}/app/tickets/7`],
      ["https://evil.example/phish", `${ORIGIN}/app`],
      ["javascript:alert(1)", `${ORIGIN}/app`],
      [undefined, `${ORIGIN}/app`],
    ] as const) {
      const { self, dispatch } = serviceWorker();
      await dispatch("notificationclick", clickOn(url));
      expect(self.clients.openWindow, String(url)).toHaveBeenCalledWith(opened);
    }
  });
});
