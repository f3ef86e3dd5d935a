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

export type TimelineEvent =
  /** A loop was seen for the first time (its tasks and callbacks carry its index). */
  | { k: "loop"; loop: number; kind: string; t: number }
  | { k: "spawn"; loop: number; t: number; id: number; name: string; parent: number | null }
  /** The task was renamed (`createTask(coro, { name })` names it just after spawning). */
  | { k: "name"; id: number; name: string }
  /** A step begins; `cancel` when it begins by throwing `CancelledError` into the task. */
  | { k: "step"; loop: number; t: number; id: number; cancel?: true }
  /** A step ended and the task now waits on `on` (`what` names the object). */
  | { k: "wait"; loop: number; t: number; id: number; on: WaitKind; what: string }
  /** The task is done; `detail` is a short result, the exception's type, or where the cancellation landed. */
  | { k: "exit"; loop: number; t: number; id: number; outcome: Outcome; detail: string }
  /** A plain callback (`callSoon`) or a due timer ran. */
  | { k: "callback"; loop: number; t: number; timer: boolean; name: string }
  /**
   * Stdout line `line` (0-based) was printed while task `id` ran, in the step that began at
   * loop time `t`; `id` and `t` are null outside any task (top-level code, a plain callback).
   */
  | { k: "print"; line: number; id: number | null; t: number | null };
