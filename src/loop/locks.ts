/** Synchronization primitives: asyncio's `locks.py`, fairness included. */
import type { Coroutine } from "./coroutines.ts";
import { BrokenBarrierError, CancelledError, RuntimeError, ValueError } from "./exceptions.ts";
import type { Future } from "./futures.ts";
import { LoopBoundMixin } from "./mixins.ts";
import { _getRunningLoop } from "./events.ts";
import { _lockChanged, _locksWatched, noteWait } from "./instruments.ts";
import { Deque } from "./ring-deque.ts";

/** What `asyncWith` needs: the shape of Python's `_ContextManagerMixin` (Lock, Semaphore, Condition). */
export interface AsyncLock {
  acquire(): Coroutine<unknown>;
  release(): void;
}

/**
 * Run `body` holding `lock`: Python's `async with lock: ...`.
 *
 * Acquires (waiting if need be), runs `body`, and releases however `body` ends: by
 * returning, by throwing, or by being cancelled. If the acquire itself is cancelled,
 * `body` does not run and there is nothing to release. The result is `body`'s.
 *
 * Works with anything that has `acquire()` and `release()`: `Lock`, `Semaphore`,
 * `BoundedSemaphore`, `Condition`. (`async with barrier:` is just `yield* barrier.wait()`.)
 *
 * @example
 * ```ts
 * const lock = new asyncio.Lock();
 * function* worker(name: string): asyncio.Coroutine<void> {
 *   yield* asyncio.asyncWith(lock, function* () {
 *     console.log(name, "has the lock");
 *     yield* asyncio.sleep(0.1);
 *   });
 * }
 * ```
 */
export function* asyncWith<T>(lock: AsyncLock, body: () => Coroutine<T>): Coroutine<T> {
  yield* lock.acquire();
  try {
    return yield* body();
  } finally {
    lock.release();
  }
}

/**
 * A primitive lock, not owned by any task (Python: `asyncio.Lock`).
 *
 * A lock is either locked or unlocked; it is created unlocked. `acquire()` on an
 * unlocked lock locks it and returns at once; on a locked lock it waits until a
 * `release()` in another task hands the lock over. `release()` on an unlocked lock
 * throws `RuntimeError`.
 *
 * Fair: waiters are served in the order they started waiting, and a task that calls
 * `acquire()` while anyone is still queued queues behind them, even if the lock
 * happens to be free at that moment (it is being handed to the first waiter).
 *
 * @example
 * ```ts
 * const lock = new asyncio.Lock();
 * yield* lock.acquire();
 * try {
 *   // ...
 * } finally {
 *   lock.release();
 * }
 * // or, as Python's `async with lock:`
 * yield* asyncio.asyncWith(lock, function* () {
 *   // ...
 * });
 * ```
 */
export class Lock extends LoopBoundMixin implements AsyncLock {
  private _waiters: Deque<Future<boolean>> | null = null;
  private _locked = false;

  /** `<Lock [locked, waiters:2]>`: Python's `repr()`, without the address. */
  override toString(): string {
    let extra = this._locked ? "locked" : "unlocked";
    if (this._waiters !== null && this._waiters.length > 0) extra += `, waiters:${this._waiters.length}`;
    return `<Lock [${extra}]>`;
  }

  /** `true` if the lock is held. */
  locked(): boolean {
    return this._locked;
  }

  /**
   * Acquire the lock, then return `true`.
   *
   * - Unlocked and no one waiting (or every waiter cancelled): locks and returns
   *   without yielding to the loop.
   * - Otherwise: waits its turn (FIFO). Cancelled while waiting: throws
   *   `CancelledError` and, if the lock is free, passes the wake-up on to the next
   *   waiter so that no hand-off is lost.
   */
  *acquire(): Coroutine<boolean> {
    if (!this._locked && (this._waiters === null || allCancelled(this._waiters))) {
      this._locked = true;
      if (_locksWatched.on) _lockChanged(_getRunningLoop(), "lockAcquired", this);
      return true;
    }
    if (this._waiters === null) this._waiters = new Deque();
    const fut = this._getLoop().createFuture<boolean>();
    noteWait(fut, this);
    this._waiters.push(fut);
    try {
      try {
        yield* fut;
      } finally {
        this._waiters.remove(fut);
      }
    } catch (error) {
      // Keep the invariant: a free lock with waiters always has its first waiter woken.
      if (error instanceof CancelledError && !this._locked) this._wakeUpFirst();
      throw error;
    }
    this._locked = true;
    if (_locksWatched.on) _lockChanged(_getRunningLoop(), "lockAcquired", this);
    return true;
  }

  /**
   * Release the lock.
   *
   * - Locked: unlocks it and wakes the first waiter, if any; that waiter takes the
   *   lock when it next runs. Returns nothing.
   * - Unlocked: throws `RuntimeError('Lock is not acquired.')`.
   */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    if (_locksWatched.on) _lockChanged(_getRunningLoop(), "lockReleased", this);
    this._wakeUpFirst();
  }

  private _wakeUpFirst(): void {
    const fut = this._waiters?.at(0);
    // A done future means that waiter has already been told to wake up.
    if (fut !== undefined && !fut.done()) fut.setResult(true);
  }
}

/**
 * A flag tasks can wait on (Python: `asyncio.Event`).
 *
 * Created unset. `set()` sets it and wakes every waiter; `clear()` unsets it;
 * `wait()` returns at once while it is set and otherwise waits for `set()`.
 */
export class Event extends LoopBoundMixin {
  private _waiters = new Deque<Future<boolean>>();
  private _value = false;

  /** `<Event [unset, waiters:2]>`: Python's `repr()`, without the address. */
  override toString(): string {
    let extra = this._value ? "set" : "unset";
    if (this._waiters.length > 0) extra += `, waiters:${this._waiters.length}`;
    return `<Event [${extra}]>`;
  }

  /** `true` if and only if the flag is set. */
  isSet(): boolean {
    return this._value;
  }

  /**
   * Set the flag and wake every task waiting on it, in the order they started waiting.
   * Tasks that call `wait()` while it stays set do not wait at all. Setting a set
   * event does nothing.
   */
  set(): void {
    if (this._value) return;
    this._value = true;
    const waiters = this._waiters;
    for (let i = 0; i < waiters.length; i++) {
      const fut = waiters.at(i)!;
      if (!fut.done()) fut.setResult(true);
    }
  }

  /** Unset the flag: later calls to `wait()` block until the next `set()`. */
  clear(): void {
    this._value = false;
  }

  /**
   * Wait until the flag is set, then return `true`.
   *
   * - Set on entry: returns `true` without yielding to the loop.
   * - Otherwise: waits for `set()`. A waiter woken by `set()` returns `true` even if
   *   `clear()` is called before it runs.
   */
  *wait(): Coroutine<boolean> {
    if (this._value) return true;
    const fut = this._getLoop().createFuture<boolean>();
    noteWait(fut, this);
    this._waiters.push(fut);
    try {
      yield* fut;
      return true;
    } finally {
      this._waiters.remove(fut);
    }
  }
}

/**
 * A condition variable (Python: `asyncio.Condition`): tasks wait, holding a lock,
 * until another task notifies them.
 *
 * It owns a `Lock` (a new one unless one is given) and exposes its `locked()`,
 * `acquire()` and `release()`; `wait()`, `notify()` and `notifyAll()` require it to be
 * held. Usable with `asyncWith` like a lock.
 *
 * @example
 * ```ts
 * const cond = new asyncio.Condition();
 * yield* asyncio.asyncWith(cond, function* () {
 *   yield* cond.waitFor(() => items.length > 0);
 *   items.shift();
 * });
 * ```
 */
export class Condition extends LoopBoundMixin implements AsyncLock {
  private readonly _lock: Lock;
  private _waiters = new Deque<Future<boolean>>();

  /** @param lock - the lock to use; a new `Lock` by default. */
  constructor(lock?: Lock) {
    super();
    this._lock = lock ?? new Lock();
  }

  /** `<Condition [locked, waiters:2]>`: Python's `repr()`, without the address. */
  override toString(): string {
    let extra = this.locked() ? "locked" : "unlocked";
    if (this._waiters.length > 0) extra += `, waiters:${this._waiters.length}`;
    return `<Condition [${extra}]>`;
  }

  /** `true` if the underlying lock is held. */
  locked(): boolean {
    return this._lock.locked();
  }

  /** Acquire the underlying lock: see {@link Lock.acquire}. */
  acquire(): Coroutine<boolean> {
    return this._lock.acquire();
  }

  /** Release the underlying lock: see {@link Lock.release}. */
  release(): void {
    this._lock.release();
  }

  /**
   * Release the lock, wait until notified, re-acquire the lock, return `true`.
   *
   * - Lock not held: throws `RuntimeError('cannot wait on un-acquired lock')`.
   * - Cancelled: still re-acquires the lock before throwing `CancelledError`, so the
   *   caller's `finally` always runs holding it. Because a notification may have been
   *   delivered to this task just before it was cancelled, it is passed on to the next
   *   waiter; a waiter may therefore wake without a notify meant for it (a spurious
   *   wake-up, allowed by the protocol): re-check the state after `wait()`, or use
   *   `waitFor`.
   */
  *wait(): Coroutine<boolean> {
    if (!this.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
    const fut = this._getLoop().createFuture<boolean>();
    noteWait(fut, this);
    this.release();
    try {
      try {
        this._waiters.push(fut);
        try {
          yield* fut;
          return true;
        } finally {
          this._waiters.remove(fut);
        }
      } finally {
        // Re-acquire even if cancelled; only CancelledError is retried, so that
        // another error cannot make this spin.
        let cancelled: CancelledError | null = null;
        for (;;) {
          try {
            yield* this.acquire();
            break;
          } catch (error) {
            if (!(error instanceof CancelledError)) throw error;
            cancelled = error;
          }
        }
        if (cancelled !== null) throw cancelled;
      }
    } catch (error) {
      this._notify(1);
      throw error;
    }
  }

  /**
   * Wait until `predicate()` is truthy, re-checking it after each wake-up; return its
   * final value. Returns at once, without yielding, if it is already truthy. Same
   * lock requirement and cancellation behaviour as `wait()`.
   */
  *waitFor<T>(predicate: () => T): Coroutine<T> {
    let result = predicate();
    while (!result) {
      yield* this.wait();
      result = predicate();
    }
    return result;
  }

  /**
   * Wake up to `n` waiting tasks (default 1), first come first served; fewer if fewer
   * are waiting. A woken task returns from `wait()` only once it re-acquires the lock,
   * which `notify()` does not release.
   *
   * Lock not held: throws `RuntimeError('cannot notify on un-acquired lock')`.
   */
  notify(n = 1): void {
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    this._notify(n);
  }

  /** Wake up every waiting task; see `notify()`. */
  notifyAll(): void {
    this.notify(this._waiters.length);
  }

  private _notify(n: number): void {
    const waiters = this._waiters;
    let woken = 0;
    for (let i = 0; i < waiters.length && woken < n; i++) {
      const fut = waiters.at(i)!;
      if (!fut.done()) {
        woken++;
        fut.setResult(false);
      }
    }
  }
}

/**
 * A counter of available slots (Python: `asyncio.Semaphore`).
 *
 * `acquire()` takes a slot, waiting while there is none; `release()` gives one back
 * and wakes the first waiter. The count never goes below zero. Fair like `Lock`: a
 * newcomer queues behind existing waiters even when a slot is free.
 *
 * `release()` may be called more times than `acquire()`, raising the count above its
 * initial value; use `BoundedSemaphore` to forbid that.
 */
export class Semaphore extends LoopBoundMixin implements AsyncLock {
  protected _value: number;
  private _waiters: Deque<Future<boolean>> | null = null;

  /**
   * @param value - the initial count; default 1. Negative: throws
   *   `ValueError('Semaphore initial value must be >= 0')`.
   */
  constructor(value = 1) {
    super();
    if (value < 0) throw new ValueError("Semaphore initial value must be >= 0");
    this._value = value;
  }

  /** `<Semaphore [unlocked, value:2]>` or `<Semaphore [locked, waiters:1]>`: Python's `repr()`, without the address. */
  override toString(): string {
    let extra = this.locked() ? "locked" : `unlocked, value:${this._value}`;
    if (this._waiters !== null && this._waiters.length > 0) extra += `, waiters:${this._waiters.length}`;
    return `<${this.constructor.name} [${extra}]>`;
  }

  /**
   * `true` if `acquire()` would wait: the count is zero, or tasks are queued ahead
   * (fairness: they must be served first).
   */
  locked(): boolean {
    return this._value === 0 || (this._waiters !== null && !allCancelled(this._waiters));
  }

  /**
   * Take a slot, then return `true`.
   *
   * - Not `locked()`: decrements the count and returns without yielding to the loop.
   * - Otherwise: waits its turn (FIFO). If cancelled after being handed a slot but
   *   before running, gives the slot back, so the count is conserved.
   */
  *acquire(): Coroutine<boolean> {
    if (!this.locked()) {
      this._value--;
      return true;
    }
    if (this._waiters === null) this._waiters = new Deque();
    const fut = this._getLoop().createFuture<boolean>();
    noteWait(fut, this);
    this._waiters.push(fut);
    try {
      try {
        yield* fut;
      } finally {
        this._waiters.remove(fut);
      }
    } catch (error) {
      // Woken by _wakeUpNext (which took the slot for us) but cancelled before we ran.
      if (error instanceof CancelledError && fut.done() && !fut.cancelled()) this._value++;
      throw error;
    } finally {
      // Newcomers may have queued behind us while slots were free: wake as many as fit.
      while (this._value > 0) {
        if (!this._wakeUpNext()) break;
      }
    }
    return true;
  }

  /** Give a slot back: increment the count and wake the first waiter, if any. */
  release(): void {
    this._value++;
    this._wakeUpNext();
  }

  /** Hand a slot to the first waiter not already woken; `false` if there is none. */
  private _wakeUpNext(): boolean {
    const waiters = this._waiters;
    if (waiters === null) return false;
    for (let i = 0; i < waiters.length; i++) {
      const fut = waiters.at(i)!;
      if (!fut.done()) {
        this._value--;
        fut.setResult(true);
        return true;
      }
    }
    return false;
  }
}

/**
 * A `Semaphore` whose count may not exceed its initial value (Python:
 * `asyncio.BoundedSemaphore`): one `release()` too many throws
 * `ValueError('BoundedSemaphore released too many times')` and changes nothing.
 */
export class BoundedSemaphore extends Semaphore {
  private readonly _boundValue: number;

  /** @param value - the initial count and its bound; default 1. */
  constructor(value = 1) {
    super(value);
    this._boundValue = value;
  }

  override release(): void {
    if (this._value >= this._boundValue) throw new ValueError("BoundedSemaphore released too many times");
    super.release();
  }
}

type BarrierState = "filling" | "draining" | "resetting" | "broken";

/**
 * A meeting point for a fixed number of tasks (Python: `asyncio.Barrier`).
 *
 * Tasks call `wait()`; once `parties` of them are waiting, all are released together
 * and each gets a distinct index from 0 to `parties - 1` (the last to arrive gets
 * `parties - 1`). The barrier then drains (late arrivals wait for it to finish) and
 * fills again, so it can be reused.
 *
 * `reset()` sends `BrokenBarrierError` to the current waiters and returns the barrier
 * to its initial state; `abort()` breaks it for good: every current and future
 * `wait()` throws `BrokenBarrierError`.
 *
 * @example
 * ```ts
 * const barrier = new asyncio.Barrier(3);
 * function* party(name: string): asyncio.Coroutine<void> {
 *   const index = yield* barrier.wait();
 *   console.log(name, "passed as", index);
 * }
 * ```
 */
export class Barrier extends LoopBoundMixin {
  private readonly _cond = new Condition();
  private readonly _parties: number;
  private _state: BarrierState = "filling";
  private _count = 0;

  /** @param parties - how many tasks must wait to trip it; below 1 throws `ValueError('parties must be > 0')`, Python's message. */
  constructor(parties: number) {
    super();
    if (parties < 1) throw new ValueError("parties must be > 0");
    this._parties = parties;
  }

  /** `<Barrier [filling, waiters:1/3]>` or `<Barrier [broken]>`: Python's `repr()`, without the address. */
  override toString(): string {
    let extra: string = this._state;
    if (!this.broken) extra += `, waiters:${this.nWaiting}/${this.parties}`;
    return `<Barrier [${extra}]>`;
  }

  /**
   * Wait until `parties` tasks are waiting, then return this task's index.
   *
   * - Draining or resetting on entry: first waits for that to finish.
   * - Broken (on entry or while waiting), or reset while waiting: throws
   *   `BrokenBarrierError`.
   * - Cancelled while waiting: throws `CancelledError` and no longer counts as waiting.
   */
  *wait(): Coroutine<number> {
    yield* this._cond.acquire();
    try {
      yield* this._block();
      try {
        const index = this._count;
        this._count++;
        if (index + 1 === this._parties) {
          this._release();
        } else {
          yield* this._wait();
        }
        return index;
      } finally {
        this._count--;
        this._exit();
      }
    } finally {
      this._cond.release();
    }
  }

  /** Return to the initial state; tasks waiting now get `BrokenBarrierError`. */
  *reset(): Coroutine<void> {
    yield* this._cond.acquire();
    try {
      // With tasks inside, they must leave (with BrokenBarrierError) before it refills.
      this._state = this._count > 0 ? "resetting" : "filling";
      this._cond.notifyAll();
    } finally {
      this._cond.release();
    }
  }

  /** Break the barrier: current and future `wait()` calls throw `BrokenBarrierError`. */
  *abort(): Coroutine<void> {
    yield* this._cond.acquire();
    try {
      this._state = "broken";
      this._cond.notifyAll();
    } finally {
      this._cond.release();
    }
  }

  /** How many tasks must wait to trip the barrier. */
  get parties(): number {
    return this._parties;
  }

  /** How many tasks are waiting while it fills (0 while draining, resetting or broken). */
  get nWaiting(): number {
    return this._state === "filling" ? this._count : 0;
  }

  /** `true` if the barrier is broken. */
  get broken(): boolean {
    return this._state === "broken";
  }

  // Wait while the barrier drains or resets; throw if it is broken.
  private *_block(): Coroutine<void> {
    yield* this._cond.waitFor(() => this._state !== "draining" && this._state !== "resetting");
    if (this._state === "broken") throw new BrokenBarrierError("Barrier aborted");
  }

  // The last party in: start draining, release everyone.
  private _release(): void {
    this._state = "draining";
    this._cond.notifyAll();
  }

  // Wait to be released; throw if reset or broken meanwhile.
  private *_wait(): Coroutine<void> {
    yield* this._cond.waitFor(() => this._state !== "filling");
    if (this._state === "broken" || this._state === "resetting") {
      throw new BrokenBarrierError("Abort or reset of barrier");
    }
  }

  // The last task out ends the drain or the reset and wakes those blocked in _block().
  private _exit(): void {
    if (this._count === 0) {
      if (this._state === "resetting" || this._state === "draining") this._state = "filling";
      this._cond.notifyAll();
    }
  }
}

function allCancelled(waiters: Deque<Future<boolean>>): boolean {
  for (let i = 0; i < waiters.length; i++) if (!waiters.at(i)!.cancelled()) return false;
  return true;
}
