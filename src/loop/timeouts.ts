/** Deadlines for a block of code: `timeout()`, Python's `async with asyncio.timeout(s):` (CPython's `timeouts.py`). */
import type { Coroutine } from "./coroutines.ts";
import { getRunningLoop, type Handle } from "./events.ts";
import { CancelledError, RuntimeError, TimeoutError } from "./exceptions.ts";
import type { Task } from "./tasks.ts";
import { currentTask } from "./tasks.ts";

type State = "created" | "active" | "expiring" | "expired" | "finished";

/**
 * A deadline on a block of code (Python: `asyncio.Timeout`), made by `timeout()` or
 * `timeoutAt()` and handed to the block, which may move it.
 *
 * When the deadline passes, the task running the block is cancelled; as the
 * `CancelledError` leaves the block, it becomes a `TimeoutError` (with the
 * `CancelledError` as `cause`). A cancellation that does not come from the deadline
 * (someone else cancelled the task too) goes through unchanged.
 */
export class Timeout {
  private _state: State = "created";
  private _when: number | null;
  private _timeoutHandler: Handle | null = null;
  private _task: Task<unknown> | null = null;
  private _cancelling = 0;

  /** @param when - loop time of the deadline, or `null` for none. Use `timeout()`/`timeoutAt()` instead. */
  constructor(when: number | null) {
    this._when = when;
  }

  /** The deadline (loop time, seconds), or `null` if there is none. */
  when(): number | null {
    return this._when;
  }

  /**
   * Move the deadline to loop time `when` (`null`: no deadline). A deadline already
   * past fires on the next iteration.
   *
   * Outside the block (not entered, or already left): `RuntimeError`.
   */
  reschedule(when: number | null): void {
    if (this._state !== "active") {
      if (this._state === "created") throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    this._when = when;
    if (this._timeoutHandler !== null) this._timeoutHandler.cancel();
    if (when === null) {
      this._timeoutHandler = null;
    } else {
      const loop = getRunningLoop();
      const onTimeout = () => this._onTimeout();
      this._timeoutHandler = when <= loop.time() ? loop.callSoon(onTimeout) : loop.callAt(when, onTimeout);
    }
  }

  /** `true` if the deadline passed while the block ran. */
  expired(): boolean {
    return this._state === "expiring" || this._state === "expired";
  }

  /** `<Timeout [active] when=12.5>`. */
  toString(): string {
    const info = [""];
    if (this._state === "active") {
      info.push(`when=${this._when === null ? "None" : Math.round(this._when * 1000) / 1000}`);
    }
    return `<Timeout [${this._state}]${info.join(" ")}>`;
  }

  /**
   * Run `body(this)` within the deadline and return its result (Python: `async with`).
   * May be used once.
   *
   * - Entered twice: `RuntimeError('Timeout has already been entered')`.
   * - Outside a task: `RuntimeError('Timeout should be used inside a task')`.
   */
  *run<T>(body: (timeout: Timeout) => Coroutine<T>): Coroutine<T> {
    this._enter();
    let exited = false;
    try {
      const result = yield* body(this);
      exited = true;
      this._exit(undefined, false);
      return result;
    } catch (error) {
      if (exited) throw error;
      exited = true;
      this._exit(error, true);
      throw error;
    } finally {
      // Closed from outside (generator return()): leave without raising.
      if (!exited) this._exit(undefined, false);
    }
  }

  private _enter(): void {
    if (this._state !== "created") throw new RuntimeError("Timeout has already been entered");
    const task = currentTask();
    if (task === null) throw new RuntimeError("Timeout should be used inside a task");
    this._state = "active";
    this._task = task;
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
  }

  /** Python's `__aexit__`: throws `TimeoutError` in place of the deadline's `CancelledError`. */
  private _exit(error: unknown, failed: boolean): void {
    if (this._timeoutHandler !== null) {
      this._timeoutHandler.cancel();
      this._timeoutHandler = null;
    }
    if (this._state === "expiring") {
      this._state = "expired";
      // No other cancellation request since we entered: the CancelledError is ours.
      if (this._task!.uncancel() <= this._cancelling && failed && error instanceof CancelledError) {
        throw new TimeoutError(undefined, { cause: error });
      }
    } else if (this._state === "active") {
      this._state = "finished";
    }
  }

  private _onTimeout(): void {
    this._task!.cancel();
    this._state = "expiring";
    this._timeoutHandler = null;
  }
}

/**
 * Run `body` with a deadline `delay` seconds from now (`null`: none), and return its
 * result (Python: `async with asyncio.timeout(delay) as cm:`). The block receives the
 * `Timeout`, to read or move the deadline.
 *
 * - Done in time: returns what `body` returns.
 * - Deadline passed: the task is cancelled inside `body`; if `body` lets the
 *   `CancelledError` out, `timeout()` throws `TimeoutError` instead.
 * - Not in a task: `RuntimeError`; no running loop: `RuntimeError`.
 *
 * @example
 * ```ts
 * try {
 *   yield* asyncio.timeout(0.5, function* () {
 *     yield* asyncio.sleep(10);
 *   });
 * } catch (e) {
 *   if (!(e instanceof asyncio.TimeoutError)) throw e;
 *   console.log("took too long");
 * }
 * ```
 */
export function* timeout<T>(delay: number | null, body: (timeout: Timeout) => Coroutine<T>): Coroutine<T> {
  const loop = getRunningLoop();
  return yield* new Timeout(delay === null ? null : loop.time() + delay).run(body);
}

/** `timeout()` with an absolute deadline: loop time `when` (seconds, as `loop.time()`), or `null`. */
export function* timeoutAt<T>(when: number | null, body: (timeout: Timeout) => Coroutine<T>): Coroutine<T> {
  return yield* new Timeout(when).run(body);
}
