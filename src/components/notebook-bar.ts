/**
 * Wires the notebook bar: Run all and the runtime switch. The work itself is in
 * `cell-actions.ts`, loaded on first use like the rest of the cell code.
 */
import { readRuntimeChoice, type RuntimeChoice } from "./runtime-choice.ts";

const actions = () => import("./cell-actions.ts");

// Runs on this page, and on each page the client router swaps in (this module runs once).
function init(): void {
  const bar = document.querySelector<HTMLElement>("[data-notebook-bar]:not([data-wired])");
  if (!bar) return;
  bar.dataset.wired = "";
  const select = bar.querySelector<HTMLSelectElement>("[data-runtime-select]")!;
  const runAll = bar.querySelector<HTMLButtonElement>("[data-run-all]")!;
  select.value = readRuntimeChoice();
  select.addEventListener("change", () => {
    void actions().then((module) => module.chooseRuntime(select.value as RuntimeChoice));
  });
  runAll.addEventListener("click", () => void actions().then((module) => module.runAll(runAll)));
  bar.hidden = false;
}

init();
document.addEventListener("astro:page-load", init);
