/** What an exercise's `<script type="application/json" data-exercise-json>` holds: all the page needs. */
import type { CompiledCell } from "../runner/files.ts";

export interface ExerciseData {
  id: string;
  title: string;
  starter: string;
  solution: string;
  /** The checks' TypeScript (the entry of a check run). */
  check: string;
  /** The check harness's TypeScript (`check.ts` in the tree). */
  harness: string;
  /** Check and Run trees for the unedited starter, built at build time (no Sucrase needed). */
  compiled: { check: CompiledCell; run: CompiledCell };
  hints: number;
  timeoutMs: number;
}

/** Reads an exercise element's data. */
export function readExerciseData(section: HTMLElement): ExerciseData {
  return JSON.parse(section.querySelector("script[data-exercise-json]")!.textContent!) as ExerciseData;
}
