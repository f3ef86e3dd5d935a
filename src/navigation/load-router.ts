/** Loads the client router once the page is idle; see Router.astro. */
const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
idle(() => void import("./router.ts"));
