/** What Step through shows at each pause: plain data, sent from the worker to the page. */
import type { SourceLine } from "./events.ts";

export type { SourceLine } from "./events.ts";

export interface StepSnapshot {
  /** The loop's clock, seconds. */
  time: number;
  /** The loop's class, e.g. "VirtualTimeLoop". */
  loopKind: string;
  /** Loop iterations begun so far (1 for the first). */
  tick: number;
  /** Callbacks and task steps run so far. */
  ran: number;
  /** What runs next. */
  next: { what: string; line: SourceLine | null; lineNote: string };
  /** The ready queue behind it, in order. */
  ready: string[];
  /** Pending timers by deadline. */
  timers: Array<{ when: number; what: string }>;
  /** Every task so far, with its state: pending, running, waiting on X, done (…); null for a loop that keeps no list of them. */
  tasks: Array<{ name: string; state: string; id?: number }> | null;
}
