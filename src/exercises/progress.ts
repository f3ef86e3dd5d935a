/**
 * Which exercises the reader has solved, kept in localStorage under one key so the home page
 * can count every chapter's at once. An exercise is named by its chapter's path and its id
 * ("/01-why-asyncio/#three-downloads"), not by language: solved in TypeScript or in Python,
 * it counts once. Storage can be unavailable (private modes, quota): then nothing is
 * remembered, and nothing breaks.
 */
import { PROGRESS_EVENT } from "../progress/cells-run.ts";
import { readStoredObject } from "../progress/stored.ts";

export const SOLVED_KEY = "asyncio-notebook:solved";

/** The name an exercise is remembered by. */
export function exerciseKey(chapterPath: string, id: string): string {
  return `${chapterPath}#${id}`;
}

function read(): Record<string, string> {
  return readStoredObject<Record<string, string>>(SOLVED_KEY) as Record<string, string>;
}

/** True once the exercise was solved. */
export function isSolved(chapterPath: string, id: string): boolean {
  return exerciseKey(chapterPath, id) in read();
}

/** Remembers that the exercise was solved (with when). */
export function markSolved(chapterPath: string, id: string): void {
  try {
    const solved = read();
    solved[exerciseKey(chapterPath, id)] ??= new Date().toISOString();
    localStorage.setItem(SOLVED_KEY, JSON.stringify(solved));
  } catch {
    // Not remembered; the verdict still shows.
  }
  if (typeof document !== "undefined") document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}

/** How many of a chapter's exercises (by id) are solved: ids no longer in the chapter do not count. */
export function countSolved(chapterPath: string, ids: readonly string[]): number {
  const solved = read();
  return ids.filter((id) => exerciseKey(chapterPath, id) in solved).length;
}

/** "1 of 2 exercises solved", or "2 exercises" before any. */
export function progressText(solved: number, total: number): string {
  const noun = total === 1 ? "exercise" : "exercises";
  if (solved === 0) return `${total} ${noun}, none solved yet`;
  if (solved === total) return `All ${total} ${noun} solved`;
  return `${solved} of ${total} ${noun} solved`;
}
