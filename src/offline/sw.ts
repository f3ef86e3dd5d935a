/// <reference lib="webworker" />
/**
 * The site's one service worker (one scope, one worker), two jobs:
 * - offline: every file of the built site is precached (the list is injected at build time by
 *   workbox-build, see ./service-worker-integration.ts), so after one visit every page, the
 *   library, the worker, the editor and the search index work without a network;
 * - isolation: responses get COOP/COEP (and the CSP) where the host did not send them, so
 *   pages are cross-origin isolated even on hosts that cannot send headers.
 */
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import { withSiteHeaders } from "./isolation.ts";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

const siteHeaders = {
  cachedResponseWillBeUsed: async ({ cachedResponse }: { cachedResponse?: Response }) =>
    cachedResponse && withSiteHeaders(cachedResponse),
  fetchDidSucceed: async ({ response }: { response: Response }) => withSiteHeaders(response),
};

addPlugins([siteHeaders]);
precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: "index.html",
  cleanURLs: true,
  // Pagefind asks for pagefind-entry.json?ts=<now> to dodge stale HTTP caches; ours is versioned.
  ignoreURLParametersMatching: [/^ts$/, /^utm_/, /^fbclid$/],
});
cleanupOutdatedCaches();

// Pyodide (15 MB, fetched on the first Python run only): cached when first used, never
// precached. Its directory is named after its version, so a cached file never goes stale (the
// bytecode of our own modules in its standard library may: it is checked against their source
// and set aside when it no longer matches).
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith("/pyodide/"),
  new CacheFirst({ cacheName: "pyodide", plugins: [siteHeaders] }),
);

// Anything of ours not in the precache (a page added since): the network, the cache offline.
registerRoute(
  ({ url }) => url.origin === self.location.origin,
  new NetworkFirst({ cacheName: "site-runtime", plugins: [siteHeaders] }),
);

// A new build takes over at once: its precache is complete before it activates.
self.addEventListener("install", () => void self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
