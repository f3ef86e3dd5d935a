/**
 * Wires the notebook bar: Run all and the runtime switch. The work itself is in
 * `cell-actions.ts`, loaded on first use like the rest of the cell code.
 */
import { readRuntimeChoice, type RuntimeChoice } from "./runtime-choice.ts";

const bar = document.querySelector<HTMLElement>("[data-notebook-bar]");
if (bar) {
  const actions = () => import("./cell-actions.ts");
  const select = bar.querySelector<HTMLSelectElement>("[data-runtime-select]")!;
  const runAll = bar.querySelector<HTMLButtonElement>("[data-run-all]")!;
  select.value = readRuntimeChoice();
  select.addEventListener("change", () => {
    void actions().then((module) => module.chooseRuntime(select.value as RuntimeChoice));
  });
  runAll.addEventListener("click", () => void actions().then((module) => module.runAll(runAll)));
  bar.hidden = false;
}
