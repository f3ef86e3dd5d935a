/**
 * Registers the site's service worker (./sw.ts: offline precache + isolation headers). On a
 * host that cannot send COOP/COEP, a chapter page is not cross-origin isolated until the
 * worker serves it: then it reloads once, as coi-serviceworker did.
 */
const RELOADED = "asyncio-notebook:isolation-reload";

if ("serviceWorker" in navigator && import.meta.env.PROD) {
  const needsIsolation = !crossOriginIsolated && document.querySelector("[data-cell]") !== null;
  void navigator.serviceWorker.register("/sw.js").then(() => {
    if (!needsIsolation || sessionStorage.getItem(RELOADED)) return;
    const reload = () => {
      sessionStorage.setItem(RELOADED, "1");
      location.reload();
    };
    if (navigator.serviceWorker.controller) reload();
    else navigator.serviceWorker.addEventListener("controllerchange", reload, { once: true });
  }, () => undefined);
}
