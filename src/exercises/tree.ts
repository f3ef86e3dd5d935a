/**
 * An exercise's file tree, built from the runner's own pieces (`snippetFiles` in
 * src/runner/compile/files.ts): the reader's code is the module `exercise.ts`, the check harness is
 * `check.ts`, and the entry (`snippet.js`) is either the exercise's checks or a two-line
 * program that runs the reader's `main` (Run). Nothing here transpiles or runs.
 */
import type { SnippetSource } from "../runner/compile/index.ts";

/** The reader's module, as checks and the run entry import it ("./exercise.js"). */
export const EXERCISE_FILE = "exercise.ts";
/** The check harness (./check-harness.ts), as checks import it ("./check.js"). */
export const HARNESS_FILE = "check.ts";

/** Run's entry: the reader's `main` on the real clock, as `asyncio.run(main())`. */
export const RUN_ENTRY = `import { runMain } from "./check.js";
import * as exercise from "./exercise.js";
await runMain(exercise);
`;

/** The sources for checking `code` with `check` (the exercise's ` ```ts check ` block). */
export function checkSource(check: string, code: string, harness: string): SnippetSource {
  return { code: check, files: [{ path: EXERCISE_FILE, code }, { path: HARNESS_FILE, code: harness }] };
}

/** The sources for running `code` (Run). */
export function runSource(code: string, harness: string): SnippetSource {
  return { code: RUN_ENTRY, files: [{ path: EXERCISE_FILE, code }, { path: HARNESS_FILE, code: harness }] };
}
