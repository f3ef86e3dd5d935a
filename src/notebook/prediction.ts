/**
 * Predict, then run: the reader puts a cell's expected output lines in order before running
 * it, and the run grades that order. The lines are offered shuffled, the same way on every
 * visit (a shuffle seeded by the cell's id); a `…` line (lines that vary) is one of them, to
 * be placed like the others. Grading is the one judge's (./output-judge.ts): the reader's
 * order is the expectation, and the run's output is judged against it. No DOM.
 */
import { OutputJudge } from "./output-judge.ts";
import { WILDCARD, splitLines } from "./expected.ts";
import type { Ran } from "./outcome.ts";

/** The lines to put in order: the cell's expected stdout, line by line. */
export function predictionLines(expected: string): string[] {
  return splitLines(expected);
}

/** FNV-1a: a string's 32-bit hash, the shuffle's seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator in [0, 1). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `lines` shuffled, the same for the same `seed` (Fisher–Yates). `attempt` gives another
 * shuffle of the same lines (Predict again). Never the lines' own order when another exists.
 */
export function shuffled(lines: readonly string[], seed: string, attempt = 0): string[] {
  const random = generator(hash(`${seed}#${attempt}`));
  const order = [...lines];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  if (sameOrder(order, lines)) {
    // Still as printed (likely with two lines): the first line that differs from its neighbour goes last.
    const at = order.findIndex((line, i) => i + 1 < order.length && line !== order[i + 1]);
    if (at >= 0) order.push(...order.splice(at, 1));
  }
  return order;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

/** `order` moved: the line at `from` now stands at `to`. */
export function move(order: readonly string[], from: number, to: number): string[] {
  const result = [...order];
  if (from < 0 || from >= result.length) return result;
  const [line] = result.splice(from, 1);
  result.splice(Math.max(0, Math.min(result.length, to)), 0, line!);
  return result;
}

/** How a run graded a prediction. */
export type PredictionGrade =
  | { right: true }
  | {
      right: false;
      /** 1-based line of the run's stdout where it departs from the prediction. */
      line: number;
      /** What the program printed there; undefined when it printed no more lines. */
      printed?: string;
      /** What the reader put there, when that is one line (not a `…` before it). */
      predicted?: string;
    };

export interface GradeOptions {
  /** The runtime reported stderr as stdout (then the cell's expected stderr is interleaved). */
  mergedStderr?: boolean;
  expectedStderr?: string;
}

/** Grades the reader's `order` against what a complete run printed, through the one judge. */
export function gradePrediction(order: readonly string[], ran: Pick<Ran, "stdout" | "stderr">, options: GradeOptions = {}): PredictionGrade {
  const merged = options.mergedStderr === true;
  // Only the order of stdout is predicted: stderr is not judged, unless it arrives inside stdout.
  const judge = new OutputJudge(order.join("\n"), merged ? (options.expectedStderr ?? "") : WILDCARD, { mergedStderr: merged });
  judge.write("stdout", ran.stdout);
  judge.write("stderr", ran.stderr);
  const { verdict } = judge.finish(true);
  if (verdict.matches || verdict.departedStream !== "stdout" || verdict.departedLine === undefined) return { right: true };
  const line = verdict.departedLine;
  const printed = splitLines(ran.stdout)[line - 1];
  const before = order.slice(0, line - 1);
  const predicted = before.includes(WILDCARD) ? undefined : order[line - 1];
  return {
    right: false,
    line,
    ...(printed !== undefined && !verdict.endedEarly ? { printed } : {}),
    ...(predicted !== undefined && predicted !== WILDCARD ? { predicted } : {}),
  };
}
