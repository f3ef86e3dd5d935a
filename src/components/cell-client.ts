/**
 * The cells' part of a chapter page's script (`notebook-client.ts`): it turns the static cells into controls and
 * loads the rest (`cell-actions.ts`: runner, editor, output) the first time it is needed, or when
 * the browser is idle, so the page stays light and Run is still quick.
 */
import type { Half } from "../notebook/index.ts";
import type { Action } from "./cell-actions.ts";
import { editName, loadEdit } from "./edit-store.ts";
import { enhanceTabs } from "./tabs.ts";
import { enableWired } from "./until-wired.ts";

const actions = () => import("./cell-actions.ts");

function act(cell: HTMLElement, action: Action, lang: Half = "ts"): void {
  void actions().then((module) => module.perform(cell, action, lang));
}

/** The half (TypeScript or Python tab) an element belongs to; else the one on show. */
function langOf(cell: HTMLElement, element: Element): Half {
  const panel = element.closest<HTMLElement>("[data-panel]") ?? cell.querySelector<HTMLElement>("[data-panel]:not([hidden])");
  return panel?.dataset.panel === "py" ? "py" : "ts";
}

function enhance(cell: HTMLElement): void {
  enhanceTabs(cell);
  for (const controls of cell.querySelectorAll<HTMLElement>("[data-controls]")) controls.hidden = false;
  enableWired(cell);
  cell.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
    if (button && !button.disabled) act(cell, button.dataset.action as Action, langOf(cell, button));
  });
  cell.addEventListener("keydown", (event) => {
    // The editor handles its own Ctrl+Enter (and marks the event handled).
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      act(cell, "run", langOf(cell, event.target as Element));
    }
  });
  // Python at once: opening the Python tab, or pointing at or focusing anything in its half
  // (editor, Run), starts loading Pyodide; a reader who never does loads none of it.
  const wantsPython = (event: Event): void => {
    const target = event.target as Element;
    const tab = target.closest('[role="tab"]');
    const half = tab ? document.getElementById(tab.getAttribute("aria-controls") ?? "") : target.closest("[data-panel]");
    if (half?.getAttribute("data-panel") === "py" && (tab === null || event.type !== "pointerover")) {
      void actions().then((module) => module.prewarmPython());
    }
  };
  for (const type of ["click", "focusin", "pointerover"]) cell.addEventListener(type, wantsPython);
  // The page shows the reader's saved edits of either half.
  if (loadEdit(editName(cell.id, "ts")) !== null || loadEdit(editName(cell.id, "py")) !== null) act(cell, "restore");
  cell.dataset.enhanced = "";
}

/** A figure comparing two cells' timelines (CompareTimelines.astro): its Run both runs them. */
function enhanceComparison(figure: HTMLElement): void {
  const controls = figure.querySelector<HTMLElement>("[data-controls]")!;
  controls.hidden = false;
  controls.addEventListener("click", () => {
    for (const pane of figure.querySelectorAll<HTMLElement>("[data-compare-pane]")) {
      const cell = document.getElementById(pane.dataset.comparePane!);
      if (cell) act(cell, "run");
    }
  });
  figure.dataset.enhanced = "";
}

// Runs on this page, and on each page the client router swaps in (this module runs once).
function init(): void {
  for (const cell of document.querySelectorAll<HTMLElement>("[data-cell]:not([data-enhanced])")) enhance(cell);
  for (const figure of document.querySelectorAll<HTMLElement>("[data-compare-timelines]:not([data-enhanced])")) enhanceComparison(figure);

  // A share link (#share/…, see src/share/link.ts) puts its code in its cell, not run.
  if (location.hash.startsWith("#share/")) void actions().then((module) => module.openShared(location.hash));

  // Warm up while the reader reads: fetch the run code and start a worker, so Run answers fast.
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  idle(() => void actions().then((module) => module.prewarm()));
}

init();
document.addEventListener("astro:page-load", init);
