/**
 * What the Python worker reports beyond the worker runtime's protocol (./worker-protocol.ts):
 * loading progress, where a program failed to parse, and how the page stops a program.
 */

/**
 * The signal the page writes into a worker's interrupt buffer to stop its program (SIGTERM,
 * which Pyodide ignores unless a handler is installed: ./python-driver.ts installs one).
 */
export const STOP_SIGNAL = 15;

/** One step of getting Python ready, with the bytes fetched so far. */
export interface LoadProgress {
  /** downloading: fetching the files; compiling: the WebAssembly; starting: the interpreter. */
  stage: "downloading" | "compiling" | "starting";
  /** Bytes received so far (all files together). */
  loaded: number;
  /** Bytes expected, from the responses' Content-Length; grows as responses arrive. */
  total: number;
}

/** Where a program failed to parse, in its own coordinates (1-based), like `SnippetSyntaxError`. */
export interface SyntaxErrorInfo {
  /** Location first, like a compiler's: `main.py:2:7: invalid syntax`. */
  message: string;
  path: string;
  line: number;
  column: number;
}

/** The status line for a stage: "Downloading Python… 3.1 of 12.4 MB". */
export function progressText(progress: LoadProgress): string {
  const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(1);
  switch (progress.stage) {
    case "downloading":
      return progress.total > 0
        ? `Downloading Python… ${mb(progress.loaded)} of ${mb(Math.max(progress.total, progress.loaded))} MB`
        : `Downloading Python… ${mb(progress.loaded)} MB`;
    case "compiling":
      return `Compiling Python (${mb(progress.loaded)} MB fetched)…`;
    case "starting":
      return "Starting Python…";
  }
}
