/**
 * What an exercise loads up front: tabs, the controls, hints closed until asked for, the
 * "Solved" mark. Everything else (runner, editor) comes with `exercise-actions.ts`, loaded on
 * the first button press.
 */
import { isSolved } from "../exercises/progress.ts";
import type { ExerciseAction } from "./exercise-actions.ts";
import { loadEdit } from "./edit-store.ts";
import { enhanceTabs } from "./tabs.ts";
import { enableWired } from "./until-wired.ts";

const actions = () => import("./exercise-actions.ts");

function act(section: HTMLElement, action: ExerciseAction): void {
  void actions().then((module) => module.perform(section, action));
}

function enhance(section: HTMLElement): void {
  enhanceTabs(section);
  for (const hint of section.querySelectorAll<HTMLElement>("[data-hint]")) hint.hidden = true;
  section.querySelector<HTMLElement>("[data-solved]")!.hidden = !isSolved(location.pathname, section.id);
  section.querySelector<HTMLElement>("[data-controls]")!.hidden = false;
  enableWired(section);
  section.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
    if (button && !button.disabled) act(section, button.dataset.action as ExerciseAction);
  });
  section.addEventListener("keydown", (event) => {
    // The editor handles its own Ctrl+Enter (and marks the event handled).
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      act(section, "check");
    }
  });
  // Reset follows the selected tab's edits; opening the Python tab starts loading Python.
  for (const tab of section.querySelectorAll<HTMLElement>('[role="tab"]')) {
    tab.addEventListener("click", () => act(section, "tab"));
    tab.addEventListener("keydown", (event) => {
      if (event.key === "ArrowLeft" || event.key === "ArrowRight") act(section, "tab");
    });
  }
  if (loadEdit(`exercise:${section.id}`) !== null || loadEdit(`exercise:${section.id}:py`) !== null) act(section, "restore");
  section.dataset.enhanced = "";
}

// Runs on this page, and on each page the client router swaps in (this module runs once).
function init(): void {
  for (const section of document.querySelectorAll<HTMLElement>("[data-exercise]:not([data-enhanced])")) enhance(section);
}

init();
document.addEventListener("astro:page-load", init);
