/**
 * A Python exercise's files, the counterpart of ./tree.ts: the reader's code is the module
 * `exercise.py`, the Python check harness (./check_harness.py) is `check.py`, and `main.py` is
 * the exercise's ` ```python check ` block (Check); Run runs `exercise.py` itself (it ends in
 * its own `asyncio.run(main())`). They run like any Python cell (src/runner/python/runtime.ts),
 * and the checks print the same `::check::` lines as the TypeScript harness, so
 * src/notebook/exercise-verdict.ts reads both.
 */
import type { FileTree } from "../runner/core/index.ts";

/** The reader's module, as the checks load it (`load()` imports "exercise"). */
export const PYTHON_EXERCISE_FILE = "exercise.py";
/** The harness, as the checks import it (`from check import …`). */
export const PYTHON_HARNESS_FILE = "check.py";
/** What runs. */
export const PYTHON_CHECK_ENTRY = "main.py";

/** The files for checking `code` with `check` (the exercise's ` ```python check ` block). */
export function pythonCheckFiles(check: string, code: string, harness: string): FileTree {
  return { [PYTHON_CHECK_ENTRY]: check, [PYTHON_EXERCISE_FILE]: code, [PYTHON_HARNESS_FILE]: harness };
}

/** The files and entry for running the reader's code (Run): the module alone, as `python3 exercise.py`. */
export function pythonRunFiles(code: string): { files: FileTree; entry: string } {
  return { files: { [PYTHON_EXERCISE_FILE]: code }, entry: PYTHON_EXERCISE_FILE };
}
