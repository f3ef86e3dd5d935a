/**
 * Page-to-page navigation without a page load, through Astro's client router
 * (`astro:transitions/client`: history, scroll restoration, the swap, `astro:page-load`).
 * Loaded on idle by load-router.ts. Links only: the site has no forms that navigate.
 *
 * The WebContainer lives in an iframe on <body>: it is carried across each swap as a
 * persisted element, which Astro moves with `moveBefore()` (state kept). A browser without
 * `moveBefore()` would reload the frame and lose the WebContainer, so there a page with a
 * booted WebContainer navigates the ordinary way.
 */
import { navigate } from "astro:transitions/client";
import { routedHref } from "./links.ts";

const FRAME = 'iframe[src^="https://stackblitz.com/"]';
const PERSIST = "data-astro-transition-persist";
const canMoveFrames = typeof (document.documentElement as { moveBefore?: unknown }).moveBefore === "function";

document.addEventListener("click", (event) => {
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement)) return;
  const href = routedHref(event, link, new URL(location.href));
  if (href === null) return;
  if (!canMoveFrames && document.querySelector(FRAME)) return;
  event.preventDefault();
  void navigate(href);
});

document.addEventListener("astro:before-swap", (event) => {
  const frame = document.querySelector(FRAME);
  if (!frame) return;
  frame.setAttribute(PERSIST, "webcontainer");
  const slot = event.newDocument.createElement("div");
  slot.setAttribute(PERSIST, "webcontainer");
  slot.hidden = true;
  event.newDocument.body.append(slot);
});
