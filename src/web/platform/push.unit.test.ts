import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { currentPushSubscription, subscribeToPush, unsubscribeFromPush } from "./push.js";

type FakeSubscription = {
  options: { applicationServerKey: ArrayBuffer };
  unsubscribe: () => Promise<boolean>;
  toJSON: () => PushSubscriptionJSON;
};

/** A browser with the app's service worker active, its push manager and its permission prompt. */
function fakeBrowser(opts: { registered?: boolean; permission?: NotificationPermission } = {}) {
  const browser = {
    current: null as FakeSubscription | null,
    subscribeCalls: [] as PushSubscriptionOptionsInit[],
    unsubscribed: 0,
  };
  const subscription = (key: ArrayBuffer): FakeSubscription => ({
    options: { applicationServerKey: key },
    unsubscribe: async () => {
      browser.unsubscribed++;
      browser.current = null;
      return true;
    },
    toJSON: () => ({ endpoint: "https://push.example/sub/1", keys: { p256dh: "p", auth: "a" } }),
  });
  const registration = {
    pushManager: {
      getSubscription: async () => browser.current,
      subscribe: async (options: PushSubscriptionOptionsInit) => {
        browser.subscribeCalls.push(options);
        const key = options.applicationServerKey as Uint8Array;
        browser.current ??= subscription(key.slice().buffer as ArrayBuffer);
        return browser.current;
      },
    },
  };
  const requestPermission = vi.fn(async () => opts.permission ?? "granted");
  vi.stubGlobal("window", { PushManager: class {}, Notification: { requestPermission } });
  vi.stubGlobal("Notification", { requestPermission });
  vi.stubGlobal("navigator", {
    serviceWorker: {
      getRegistration: async () => (opts.registered === false ? undefined : registration),
      ready: Promise.resolve(registration),
    },
  });
  return { browser, subscription, requestPermission };
}

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => vi.unstubAllGlobals());

describe("subscribeToPush", () => {
  it("subscribes with the VAPID public key's bytes, visible notifications only", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 100 }), async (key) => {
        const { browser } = fakeBrowser();
        const json = await subscribeToPush(Buffer.from(key).toString("base64url"));
        expect(json.endpoint).toBe("https://push.example/sub/1");
        expect(browser.subscribeCalls).toHaveLength(1);
        const options = browser.subscribeCalls[0]!;
        expect(options.userVisibleOnly).toBe(true);
        expect([...(options.applicationServerKey as Uint8Array)]).toEqual([...key]);
      }),
    );
  });

  it("replaces a subscription made with an earlier key and keeps one made with this key", async () => {
    const { browser, subscription } = fakeBrowser();
    const key = new Uint8Array(65).fill(4);
    browser.current = subscription(new Uint8Array(65).fill(9).buffer);
    await subscribeToPush(Buffer.from(key).toString("base64url"));
    expect(browser.unsubscribed).toBe(1);
    await subscribeToPush(Buffer.from(key).toString("base64url"));
    expect(browser.unsubscribed).toBe(1);
  });

  it("asks for permission and stops when it is refused", async () => {
    const { browser, requestPermission } = fakeBrowser({ permission: "denied" });
    await expect(subscribeToPush("BAAA")).rejects.toMatchObject({ name: "NotAllowedError" });
    expect(requestPermission).toHaveBeenCalledOnce();
    expect(browser.subscribeCalls).toEqual([]);
  });

  it("does without a service worker", async () => {
    fakeBrowser({ registered: false });
    await expect(subscribeToPush("BAAA")).rejects.toMatchObject({ name: "NotSupportedError" });
    expect(await currentPushSubscription()).toBeNull();
    expect(await unsubscribeFromPush()).toBe(false);
  });
});

describe("unsubscribeFromPush", () => {
  it("ends this browser's subscription", async () => {
    const { browser } = fakeBrowser();
    await subscribeToPush("BAAA");
    expect(await currentPushSubscription()).not.toBeNull();
    expect(await unsubscribeFromPush()).toBe(true);
    expect(browser.current).toBeNull();
  });
});
