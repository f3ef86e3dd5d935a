/**
 * What the timeline recorder sends from the runtime to the page: plain, cloneable facts
 * about one run, in the order they happened. Times are each loop's own `time()`, seconds.
 */

/** What a task waits on between two steps. */
export type WaitKind =
  | "timer" // asyncio.sleep
  | "task" // another task
  | "gather" // gather's future over its children
  | "future" // any other future
  | "queue"
  | "lock" // Lock, Event, Condition, Semaphore, Barrier
  | "stream" // a StreamReader's read
  | "ready"; // a bare yield (sleep(0)): back on the ready queue

export type Outcome = "result" | "exception" | "cancelled";

/** A line of the reader's code: "snippet.ts" line 12 (1-based). */
export interface SourceLine {
  path: string;
  line: number;
}

/**
 * Lines read from stacks per recording (task creations and coroutines made): reading one
 * costs tens of microseconds, far more than a task, so a 10,000-task run reads its first
 * ones only and records at a task's usual cost after that.
 */
export const LINE_BUDGET = 500;

/** What made a task ready again: a step of another task (`task`: its id) or a plain callback or timer. */
export type Waker = { t: number; task: number } | { t: number; callback: string; timer: boolean };

/** Where asyncio's debug mode would speak up (see ./notes.ts). */
export type NoteKind = "slow" | "never-awaited" | "unretrieved";

export type TimelineEvent =
  /** A loop was seen for the first time (its tasks and callbacks carry its index). */
  | { k: "loop"; loop: number; kind: string; t: number }
  /** `at`: where the program created it (recorded in the worker, which can read stacks). */
  | { k: "spawn"; loop: number; t: number; id: number; name: string; parent: number | null; at?: SourceLine }
  /** The task was renamed (`createTask(coro, { name })` names it just after spawning). */
  | { k: "name"; id: number; name: string }
  /** A step begins; `cancel` when it begins by throwing `CancelledError` into the task. */
  | { k: "step"; loop: number; t: number; id: number; cancel?: true; woke?: Waker }
  /**
   * A step ended and the task now waits on `on` (`what` names the object); `targets` are
   * the ids of the tasks it awaits (one task, gather's children, a TaskGroup's tasks), and
   * `until` a sleep's deadline.
   */
  | { k: "wait"; loop: number; t: number; id: number; on: WaitKind; what: string; targets?: number[]; until?: number }
  /** The task is done; `detail` is a short result, the exception's type, or where the cancellation landed. */
  | { k: "exit"; loop: number; t: number; id: number; outcome: Outcome; detail: string }
  /** A plain callback (`callSoon`) or a due timer ran. */
  | { k: "callback"; loop: number; t: number; timer: boolean; name: string }
  /**
   * Stdout line `line` (0-based) was printed while task `id` ran, in the step that began at
   * loop time `t`; `id` and `t` are null outside any task (top-level code, a plain callback).
   */
  | { k: "print"; line: number; id: number | null; t: number | null }
  /** What asyncio's debug mode would report, at the moment `t`; `id` the task it concerns, if any. */
  | { k: "note"; loop: number; t: number; kind: NoteKind; id: number | null; text: string; at?: SourceLine }
  /**
   * A lock (`what`: "Lock 1") was taken by task `id` (null: by code outside any task), or
   * released (`id` undefined). asyncio's locks keep no owner; the library's hooks tell.
   */
  | { k: "hold"; t: number; what: string; id?: number | null }
  /** The loop closed. */
  | { k: "close"; loop: number; t: number };
