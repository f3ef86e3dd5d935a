/**
 * The reader's predictions, per chapter, kept in localStorage like cells run: for each cell
 * with a Predict step, the order last put together (so nothing is lost on leaving) and how
 * its first graded prediction went (later tries are practice: they show, but do not count);
 * and Step through's guesses of what runs next, counted. Storage that is missing or holds
 * something else remembers nothing and breaks nothing.
 */
import { PROGRESS_EVENT } from "./cells-run.ts";
import { readStoredObject } from "./stored.ts";

export const PREDICTIONS_KEY = "asyncio-notebook:predictions";

export type Graded = "right" | "wrong";

export interface CellPrediction {
  /** The order the reader last put the lines in. */
  order?: string[];
  /** The first graded prediction. */
  first?: Graded;
  /** The latest graded prediction. */
  last?: Graded;
}

interface ChapterPredictions {
  cells?: Record<string, CellPrediction>;
  /** Step through's guesses of the next callback. */
  guesses?: { tried: number; right: number };
}

type Store = Record<string, ChapterPredictions>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isGraded = (value: unknown): value is Graded => value === "right" || value === "wrong";
const count = (value: unknown): number => (typeof value === "number" && Number.isInteger(value) && value > 0 ? value : 0);

function chapterOf(store: Store, path: string): ChapterPredictions {
  if (!isObject(store[path])) store[path] = {};
  return store[path]!;
}

function cellOf(chapter: ChapterPredictions, id: string): CellPrediction {
  if (!isObject(chapter.cells)) chapter.cells = {};
  if (!isObject(chapter.cells[id])) chapter.cells[id] = {};
  return chapter.cells[id]!;
}

function update(change: (store: Store) => void): void {
  try {
    const store = readStoredObject<Store>(PREDICTIONS_KEY) as Store;
    change(store);
    localStorage.setItem(PREDICTIONS_KEY, JSON.stringify(store));
  } catch {
    // Not remembered; the page still grades.
  }
  if (typeof document !== "undefined") document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}

/** What the reader did with one cell's prediction, as far as storage says. */
export function loadPrediction(chapterPath: string, cellId: string): CellPrediction {
  const chapter = readStoredObject<Store>(PREDICTIONS_KEY)[chapterPath];
  const cell = isObject(chapter) && isObject(chapter.cells) ? chapter.cells[cellId] : undefined;
  if (!isObject(cell)) return {};
  const order = Array.isArray(cell.order) && cell.order.every((line) => typeof line === "string") ? (cell.order as string[]) : undefined;
  return {
    ...(order ? { order } : {}),
    ...(isGraded(cell.first) ? { first: cell.first } : {}),
    ...(isGraded(cell.last) ? { last: cell.last } : {}),
  };
}

/** Keeps the order the reader is putting together (no progress event: nothing was graded). */
export function saveOrder(chapterPath: string, cellId: string, order: readonly string[]): void {
  try {
    const store = readStoredObject<Store>(PREDICTIONS_KEY) as Store;
    cellOf(chapterOf(store, chapterPath), cellId).order = [...order];
    localStorage.setItem(PREDICTIONS_KEY, JSON.stringify(store));
  } catch {
    // Not remembered.
  }
}

/** A run graded the cell's prediction. */
export function recordPrediction(chapterPath: string, cellId: string, grade: Graded): void {
  update((store) => {
    const cell = cellOf(chapterOf(store, chapterPath), cellId);
    if (!isGraded(cell.first)) cell.first = grade;
    cell.last = grade;
  });
}

/** Next told whether the reader's guess of the next callback was right. */
export function recordGuess(chapterPath: string, right: boolean): void {
  update((store) => {
    const chapter = chapterOf(store, chapterPath);
    const guesses = isObject(chapter.guesses) ? chapter.guesses : { tried: 0, right: 0 };
    chapter.guesses = { tried: count(guesses.tried) + 1, right: count(guesses.right) + (right ? 1 : 0) };
  });
}

/** Of a chapter's Predict cells (by id): how many the reader predicted, how many right the first time; and Step through's guesses. */
export function countPredictions(chapterPath: string, ids: readonly string[]): { predicted: number; right: number; guesses: { tried: number; right: number } } {
  const chapter = readStoredObject<Store>(PREDICTIONS_KEY)[chapterPath];
  let predicted = 0;
  let right = 0;
  for (const id of ids) {
    const first = loadPrediction(chapterPath, id).first;
    if (first === undefined) continue;
    predicted++;
    if (first === "right") right++;
  }
  const guesses = isObject(chapter) && isObject(chapter.guesses) ? chapter.guesses : {};
  const tried = count(guesses.tried);
  return { predicted, right, guesses: { tried, right: Math.min(tried, count(guesses.right)) } };
}

/** "2 of 3 predictions made, 1 right first time; 4 of 6 step guesses right", or "3 predictions to make". */
export function predictionsText(predicted: number, right: number, total: number, guesses = { tried: 0, right: 0 }): string {
  const noun = total === 1 ? "prediction" : "predictions";
  const made = predicted === 0 ? `${total} ${noun} to make` : `${predicted === total ? `All ${total} ${noun}` : `${predicted} of ${total} ${noun}`} made, ${right} right first time`;
  if (guesses.tried === 0) return made;
  return `${made}; ${guesses.right} of ${guesses.tried} step ${guesses.tried === 1 ? "guess" : "guesses"} right`;
}
