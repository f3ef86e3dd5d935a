/** What an exercise's `<script type="application/json" data-exercise-json>` holds: all the page needs. */
export interface ExerciseData {
  id: string;
  title: string;
  starter: string;
  solution: string;
  /** The checks' TypeScript (the entry of a check run). */
  check: string;
  /** The Python half: what the reader starts from, a solution, and the same checks in Python. */
  python: { starter: string; solution: string; check: string };
  hints: number;
  timeoutMs: number;
}

/** Reads an exercise element's data. */
export function readExerciseData(section: HTMLElement): ExerciseData {
  return JSON.parse(section.querySelector("script[data-exercise-json]")!.textContent!) as ExerciseData;
}
