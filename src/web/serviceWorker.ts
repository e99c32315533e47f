/**
 * Registers the app's service worker (the offline shell and Web Push, `sw.js` from vite-plugin-pwa) once the
 * first screen is painted, the page has loaded and the browser is idle. Its installation downloads every file of
 * the app (≈ 180, 680 kB): registered at the page's load event, as the plugin's own script did, that download
 * took the phone's link and CPU while the first screen was still loading its code and data.
 */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // No service worker (a private window, a development server): the app works without one.
    });
  };
  const whenIdle = () => {
    if ("requestIdleCallback" in window) requestIdleCallback(register, { timeout: 5_000 });
    else setTimeout(register, 1_000);
  };
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
}
