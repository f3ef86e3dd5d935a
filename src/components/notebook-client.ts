/**
 * A chapter page's one script before interaction: the cells and the notebook bar get their
 * controls at once; the exercises, further down every chapter, and the chapter list's
 * progress, when the browser is idle. One
 * entry rather than one per component, so the page ships one table of what the on-demand code
 * needs, not three. Everything else loads on idle or on use.
 */
import "./cell-client.ts";
import "./notebook-bar.ts";

function exercises(): void {
  // Once loaded, exercise-client.ts enhances the exercises of every later page itself.
  if (document.querySelector("[data-exercise]:not([data-enhanced])")) void import("./exercise-client.ts");
}

(window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200)))(() => {
  exercises();
  void import("./chapter-progress.ts");
});
document.addEventListener("astro:page-load", exercises);
