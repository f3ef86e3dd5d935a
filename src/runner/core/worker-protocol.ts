/**
 * Messages between the page and the worker runtime's Web Worker.
 *
 * A worker is created ahead of time (it loads what it needs and says `ready`), given one
 * `run`, and terminated when the program exits or is stopped; unless its `exit` says it is
 * `reusable`, when it waits for the next `run` instead.
 */
import type { LoadProgress, SyntaxErrorInfo } from "./python-protocol.ts";
import type { TimelineEvent } from "../../timeline/events.ts";
import type { StepSnapshot } from "../../timeline/step-snapshot.ts";
import type { FileTree } from "./runtime.ts";

/** 0 = stdout, 1 = stderr. */
export type Stream = 0 | 1;

export type ToWorker =
  /** Run `entry` of `files`; the library is the worker's own bundled copy. */
  {
    type: "run";
    files: FileTree;
    entry: string;
    /** Send the run's timeline events (off unless asked: recording costs nothing then). */
    record?: boolean;
    /**
     * Step through: run on the virtual-time loop and pause before each callback, waiting on
     * this buffer (an Int32Array over it; see src/timeline/step-control.ts).
     */
    step?: SharedArrayBuffer;
  }
  /**
   * The Python worker's interrupt buffer (an Int32Array over it), sent before any `run`: the
   * page writes a signal number to stop the program without ending the worker.
   */
  | { type: "interrupt"; buffer: SharedArrayBuffer };

export type FromWorker =
  /** The worker has loaded; it is ready to run. */
  | { type: "ready" }
  /** Output since the last message, in order. */
  | { type: "output"; chunks: Array<[Stream, string]> }
  /** Timeline events since the last message, in order (only when asked to record). */
  | { type: "timeline"; events: TimelineEvent[] }
  /** Step through: the loop is paused before a callback; output so far was sent before this. */
  | { type: "paused"; snapshot: StepSnapshot }
  /** The program printed more than the cap allows; everything up to the cap was sent. */
  | { type: "limit" }
  /** Loading progress (the Python worker, while Pyodide loads). */
  | { type: "status"; text: string; progress?: LoadProgress }
  /** The program is over: no pending work, or it threw, or it called `process.exit`. */
  | {
      type: "exit";
      code: number;
      syntaxError?: SyntaxErrorInfo;
      /** The worker is as fresh as a new one and can run another program (the Python worker). */
      reusable?: boolean;
    }
  /** The worker itself could not start. */
  | { type: "fatal"; message: string };
