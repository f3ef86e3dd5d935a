/**
 * Registers the site's service worker (./sw.ts: offline precache + isolation headers). Its
 * install downloads the whole site (3 MB), so where the page is already cross-origin isolated
 * it waits until a few seconds after load, out of the way of a first Run. On a host that cannot
 * send COOP/COEP, a chapter page is not isolated until the worker serves it: there it registers
 * at once and reloads the page once, as coi-serviceworker did.
 */
const RELOADED = "asyncio-notebook:isolation-reload";
const AFTER_LOAD_MS = 3000;

function register(needsIsolation: boolean): void {
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

if ("serviceWorker" in navigator && import.meta.env.PROD) {
  const needsIsolation = !crossOriginIsolated && document.querySelector("[data-cell]") !== null;
  // A module script runs before the load event.
  if (needsIsolation) register(true);
  else addEventListener("load", () => setTimeout(() => register(false), AFTER_LOAD_MS), { once: true });
}
