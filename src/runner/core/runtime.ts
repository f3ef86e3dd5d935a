/** The one interface every snippet runtime implements: files in, output out. */

import type { LoadProgress, SyntaxErrorInfo } from "./python-protocol.ts";
import type { TimelineEvent } from "../../timeline/events.ts";
import type { StepSnapshot } from "../../timeline/step-snapshot.ts";

/** A snippet as a small project: path -> source text (already JavaScript). */
export type FileTree = Record<string, string>;

export interface RunRequest {
  /** Every file the program needs, keyed by path relative to the project root. */
  files: FileTree;
  /** The file to start, e.g. "snippet.js". */
  entry: string;
  /** Wall-clock limit; the runtime kills the program when it passes. */
  timeoutMs: number;
  /** Aborting it is Stop: the runtime kills the program at once. */
  signal: AbortSignal;
  /** Report the loop's timeline as `timeline` events (default off: then a run costs what it did). */
  record?: boolean;
  /** Step through (the worker runtime and the Python runtime): the control buffer the page drives the paused loop with. */
  step?: SharedArrayBuffer;
}

/** What a runtime reports while a program runs, in order. */
export type RunEvent =
  | { type: "status"; text: string; progress?: LoadProgress } // progress: booting, mounting, starting
  | { type: "stdout"; text: string } // one chunk of output (may hold several lines)
  | { type: "stderr"; text: string }
  | { type: "timeline"; events: TimelineEvent[] } // when `record` is set
  | { type: "paused"; snapshot: StepSnapshot }; // when `step` is set

export interface RunResult {
  /** Process exit code; null when killed. */
  code: number | null;
  /** Why it ended when it did not exit by itself. */
  reason?: "stopped" | "timeout" | "output-limit";
  elapsedMs: number;
  /** The program did not compile (Python: it is reported when it runs), and where. */
  syntaxError?: SyntaxErrorInfo;
}

/** `Name`: the TypeScript runtimes by default; the Python runtime is a `Runtime<"pyodide">`. */
export interface Runtime<Name extends string = "webcontainer" | "worker"> {
  readonly name: Name;
  /**
   * True when the runtime cannot tell stderr from stdout (the WebContainer's terminal merges
   * them) and reports both as `stdout` events. Absent means false.
   */
  readonly mergesStderr?: boolean;
  run(request: RunRequest, onEvent: (event: RunEvent) => void): Promise<RunResult>;
}
