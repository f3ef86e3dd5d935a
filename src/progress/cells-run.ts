/**
 * Which cells the reader has run, per chapter, kept in localStorage under one key so the chapter
 * lists can count every chapter's at once: for each cell, how its last run of each half ended
 * ("match", "differs", "error", "unavailable"). Storage can be unavailable or hold something
 * else (private modes, quota, an older edition): then nothing is remembered, and nothing breaks.
 */
import type { Half } from "../notebook/index.ts";
import { readStoredObject } from "./stored.ts";

export const RAN_KEY = "asyncio-notebook:ran";

/** Fired on `document` when the reader's progress changed (a cell ran, an exercise was solved). */
export const PROGRESS_EVENT = "notebook:progress";

type Store = Record<string, Record<string, Partial<Record<Half, string>>>>;

const isObject = (value: unknown): value is object => typeof value === "object" && value !== null;

function read(): Store {
  return readStoredObject<Store>(RAN_KEY) as Store;
}

/** Remembers how a run of one half of a cell ended, and tells the page. */
export function recordRun(chapterPath: string, cellId: string, half: Half, result: string): void {
  try {
    const store = read();
    // Entries that are not objects (an older edition's) are replaced, not spread.
    const chapter = isObject(store[chapterPath]) ? store[chapterPath] : (store[chapterPath] = {});
    chapter[cellId] = { ...(isObject(chapter[cellId]) ? chapter[cellId] : {}), [half]: result };
    localStorage.setItem(RAN_KEY, JSON.stringify(store));
  } catch {
    // Not remembered; the run's own verdict still shows.
  }
  if (typeof document !== "undefined") document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}

/**
 * Of a chapter's cells (by id), how many the reader ran (either half), and how many of those
 * last printed what the TypeScript cell expects. Ids the chapter no longer has do not count.
 */
export function countRun(chapterPath: string, ids: readonly string[]): { ran: number; matched: number } {
  const chapter = read()[chapterPath];
  let ran = 0;
  let matched = 0;
  for (const id of ids) {
    const cell = isObject(chapter) ? chapter[id] : undefined;
    if (!isObject(cell) || (cell.ts === undefined && cell.py === undefined)) continue;
    ran++;
    if (cell.ts === "match") matched++;
  }
  return { ran, matched };
}

/** "3 of 7 cells run, 2 matched", or "7 cells" before any. */
export function cellsText(ran: number, matched: number, total: number): string {
  const noun = total === 1 ? "cell" : "cells";
  if (ran === 0) return `${total} ${noun}, none run yet`;
  return `${ran === total ? `All ${total} ${noun}` : `${ran} of ${total} ${noun}`} run, ${matched} matched`;
}
