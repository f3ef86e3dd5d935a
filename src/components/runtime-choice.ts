import type { RuntimePreference } from "../runner/index.ts";

/**
 * The reader's runtime choice, remembered across pages: "auto" (WebContainer when the page can
 * run it, else the in-page worker), "webcontainer" or "worker": the runner's `RuntimePreference`
 * (a type-only import, so this module still loads no runner code). Tests and readers who want
 * the worker without touching the switch can set
 * `localStorage["asyncio-notebook:runtime"] = "worker"`.
 */
export type RuntimeChoice = RuntimePreference;

/**
 * The localStorage key holding the choice: the runner's `RUNTIME_STORAGE_KEY`, repeated here so
 * the page's first script does not load the runner (runtime-choice.test.ts keeps them equal).
 */
export const RUNTIME_KEY = "asyncio-notebook:runtime";

/** The stored choice; "auto" when none is stored or storage is unavailable. */
export function readRuntimeChoice(): RuntimeChoice {
  let value: string | null = null;
  try {
    value = localStorage.getItem(RUNTIME_KEY);
  } catch {
    // No storage: the default.
  }
  return value === "webcontainer" || value === "worker" ? value : "auto";
}
