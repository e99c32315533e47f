/** Web Push in the browser: the subscription the server sends a resident's notifications to. */

export const pushSupported = (): boolean =>
  "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

/** The app's service worker once active; null where there is none (unsupported, or a dev server without it). */
async function activeRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (!pushSupported() || !(await navigator.serviceWorker.getRegistration())) return null;
  return navigator.serviceWorker.ready;
}

export async function currentPushSubscription(): Promise<PushSubscription | null> {
  const registration = await activeRegistration();
  return registration ? registration.pushManager.getSubscription() : null;
}

/**
 * Asks for permission to notify and subscribes with the installation's VAPID public key; the JSON is what the
 * server keeps. Refusal throws a DOMException named NotAllowedError.
 */
export async function subscribeToPush(publicKeyBase64Url: string): Promise<PushSubscriptionJSON> {
  const registration = await activeRegistration();
  if (!registration) throw new DOMException("Push is not available in this browser", "NotSupportedError");
  if ((await Notification.requestPermission()) !== "granted")
    throw new DOMException("Notifications are not allowed", "NotAllowedError");
  const applicationServerKey = fromBase64Url(publicKeyBase64Url);
  // A subscription made with an earlier key cannot be reused: subscribing again would throw InvalidStateError.
  const existing = await registration.pushManager.getSubscription();
  if (existing && !sameBytes(existing.options.applicationServerKey, applicationServerKey))
    await existing.unsubscribe();
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey,
  });
  return subscription.toJSON();
}

/** Ends this browser's subscription; false when there was none. */
export async function unsubscribeFromPush(): Promise<boolean> {
  const subscription = await currentPushSubscription();
  return subscription ? subscription.unsubscribe() : false;
}

function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(value.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function sameBytes(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false;
  const bytes = new Uint8Array(a);
  return bytes.every((byte, i) => byte === b[i]);
}
