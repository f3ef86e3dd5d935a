/** The event loop implementation (CPython's `base_events.py`), driven by the host's own event loop. */
import type { Awaitable, Coroutine } from "./coroutines.ts";
import { isCoroutineFunction } from "./coroutines.ts";
import {
  _getRunningLoop,
  _setDefaultPolicyFactory,
  _setRunningLoop,
  AbstractEventLoop,
  BaseDefaultEventLoopPolicy,
  type ExceptionContext,
  type ExceptionHandler,
  Handle,
  type Runnable,
  type TaskFactory,
  TimerHandle,
} from "./events.ts";
import { RuntimeError, ValueError } from "./exceptions.ts";
import { formatException, repr } from "./format-helpers.ts";
import { _nameProbe, _reportUnretrieved, Future, isFuture } from "./futures.ts";
import { getHost, type Host } from "./host.ts";
import { _eventTime, _setInstruments, _watchWaits, _without, type Instrument } from "./instruments.ts";
import { logger } from "./log.ts";
import { Deque } from "./ring-deque.ts";
import { _forgetTasks, ensureFuture, Task } from "./tasks.ts";
import { _runInExecutor, _setDefaultExecutor, _shutdownDefaultExecutor } from "./threads.ts";
import { TimerHeap } from "./timer-heap.ts";

/** Rebuild the timer heap once it holds more than this many timers... */
const MIN_SCHEDULED_TIMER_HANDLES = 100;
/** ...of which more than this fraction are cancelled (Python's constants). */
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
/** The longest host timer armed at once, in seconds (Python: `MAXIMUM_SELECT_TIMEOUT`). */
const MAXIMUM_WAIT = 24 * 3600;
/** Hand control back to the host after a batch has run this long, in milliseconds... */
const BATCH_DURATION_MS = 5;
/** ...checking the clock once per this many callbacks run (reading it costs as much as a callback). */
const CALLBACKS_PER_CLOCK_CHECK = 16;

/**
 * The event loop (Python: `asyncio.BaseEventLoop`, with the role of the selector
 * played by the host's event loop).
 *
 * State: a FIFO *ready queue* of callbacks, and a heap of *timers* ordered by deadline
 * then scheduling order. Each iteration (`_runOnce`) drops cancelled timers, moves the
 * due ones to the ready queue, and runs exactly the callbacks that were ready when it
 * began; callbacks they schedule run in the next iteration. That is the only place
 * callbacks run.
 *
 * Unlike Python's, this loop does not block its thread: `runForever()` returns a
 * Promise. The loop runs iterations in batches on the host's event loop. Between
 * batches (after about 5 ms of work, so that the host stays responsive even under
 * `while (true) yield* sleep(0)`), it asks the host to call it back at once; when
 * nothing is ready, it arms one host timer for the next deadline, or none if there is
 * no timer (then only outside work, a `callSoonThreadsafe` from an I/O callback say,
 * wakes it). While a host timer is armed Node stays alive; after the loop stops,
 * nothing of it is left armed.
 *
 * @example
 * ```ts
 * const loop = new asyncio.BaseEventLoop();
 * loop.callLater(0.1, () => loop.stop());
 * await loop.runForever();
 * loop.close();
 * ```
 */
export class BaseEventLoop extends AbstractEventLoop {
  /** In debug mode, callbacks and task steps taking this long (seconds) are reported. */
  slowCallbackDuration = 0.1;
  _ready = new Deque<Runnable>();
  _scheduled = new TimerHeap();
  _timerCancelledCount = 0;
  /** Timers are due when their deadline is less than this far in the future (Python: `_clock_resolution`). */
  _clockResolution = 1e-6;
  _stopping = false;
  _closed = false;
  _running = false;
  _debug = false;
  _exceptionHandler: ExceptionHandler | null = null;
  _taskFactory: TaskFactory | null = null;
  private _timerSeq = 0;

  // Driving the loop from the host.
  /** Running, out of a batch, and not yet woken: new work must wake the loop. */
  private _idle = false;
  private _hostImmediate: unknown = null;
  private _hostTimer: unknown = null;
  /** The host that armed `_hostImmediate`/`_hostTimer` (the host may be swapped meanwhile). */
  private _armedBy: Host | null = null;
  private readonly _onWake: () => void;
  private _settleRun: ((error: unknown, failed: boolean) => void) | null = null;

  constructor() {
    super();
    this._onWake = () => this._wakeUp();
  }

  /** `<BaseEventLoop running=False closed=False debug=False>`. */
  override toString(): string {
    const b = (v: boolean) => (v ? "True" : "False");
    return `<${this.constructor.name} running=${b(this._running)} closed=${b(this._closed)} debug=${b(this._debug)}>`;
  }

  // Running and stopping.

  /**
   * Run until `stop()` is called; resolves once the loop has stopped, rejects if the
   * loop itself fails (an error in a callback goes to the exception handler instead).
   *
   * - Closed: throws `RuntimeError('Event loop is closed')` synchronously.
   * - Already running: `RuntimeError('This event loop is already running')`.
   * - Another loop running: `RuntimeError('Cannot run the event loop while another loop is running')`.
   *
   * The loop counts as running (`isRunning()`, `getRunningLoop()`) from this call until
   * it stops, including while it waits for a timer.
   */
  override runForever(): Promise<void> {
    this._checkClosed();
    this._checkRunning();
    if (this._debug) _nameProbe.enabled = true;
    const done = new Promise<void>((resolve, reject) => {
      this._settleRun = (error, failed) => (failed ? reject(error) : resolve());
    });
    this._running = true;
    _setRunningLoop(this);
    this._hooks?.beforeRun?.(this, _eventTime(this));
    this._armImmediate(getHost());
    return done;
  }

  /**
   * Run until `future` is done and resolve with its result, or reject with its
   * exception (`CancelledError` if cancelled). A coroutine is wrapped in a Task.
   *
   * Throws synchronously like `runForever()`, and `TypeError` if `future` is not
   * awaitable. If the loop is stopped before the future is done, rejects with
   * `RuntimeError('Event loop stopped before Future completed.')`.
   */
  override runUntilComplete<T>(future: Awaitable<T>): Promise<T> {
    this._checkClosed();
    this._checkRunning();
    const newTask = !isFuture(future);
    const fut = ensureFuture(future, this);
    fut.addDoneCallback(runUntilCompleteCallback);
    return this.runForever().then(
      () => {
        fut.removeDoneCallback(runUntilCompleteCallback);
        if (!fut.done()) throw new RuntimeError("Event loop stopped before Future completed.");
        return fut.result();
      },
      (error: unknown) => {
        // The caller cannot reach a task made here: consume its exception.
        if (newTask && fut.done() && !fut.cancelled()) fut.exception();
        fut.removeDoneCallback(runUntilCompleteCallback);
        throw error;
      },
    );
  }

  /**
   * Stop after the current iteration: the callbacks already running in it finish, the
   * ones they schedule wait for the next run. Called before `runForever()`, the next
   * run does one iteration and stops.
   */
  override stop(): void {
    this._stopping = true;
    if (this._idle) this._wake();
  }

  override isRunning(): boolean {
    return this._running;
  }

  override isClosed(): boolean {
    return this._closed;
  }

  /**
   * Close the loop. Futures whose exception was never retrieved are reported first
   * (see `Future.setException`); then pending callbacks and timers are dropped, and
   * any further work throws `RuntimeError('Event loop is closed')`.
   *
   * - Running: `RuntimeError('Cannot close a running event loop')`.
   * - Already closed: does nothing.
   */
  override close(): void {
    if (this._running) throw new RuntimeError("Cannot close a running event loop");
    if (this._closed) return;
    _reportUnretrieved(this);
    this._closed = true;
    this._ready.clear();
    this._scheduled.clear();
    this._timerCancelledCount = 0;
    _forgetTasks(this);
    const hooks = this._closeHooks;
    this._closeHooks = null;
    if (hooks !== null) for (const hook of hooks) hook();
  }

  /** Run once at close; see {@link AbstractEventLoop._onClose}. */
  _closeHooks: (() => void)[] | null = null;

  override _onClose(callback: () => void): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
    (this._closeHooks ??= []).push(callback);
  }

  override _timerHandleCancelled(handle: TimerHandle): void {
    if (handle._scheduled) this._timerCancelledCount += 1;
  }

  // Scheduling.

  /**
   * Schedule `callback(...args)` to run on the next iteration, after the callbacks
   * already scheduled (FIFO). Returns a `Handle` that can cancel it.
   *
   * - Closed loop: `RuntimeError('Event loop is closed')`.
   * - `callback` not a function: `TypeError`; in debug mode also a generator function.
   */
  override callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    this._checkClosed();
    this._checkCallback(callback, "callSoon");
    const handle = new Handle(callback as (...args: never[]) => unknown, args, this);
    this._ready.push(handle);
    if (this._idle) this._wake();
    this._hooks?.callbackScheduled?.(handle, _eventTime(this));
    return handle;
  }

  /** `callSoon` that also wakes the loop from outside its callbacks; the same here, since any `callSoon` wakes an idle loop. */
  override callSoonThreadsafe<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    return this.callSoon(callback, ...args);
  }

  override _callSoonRunnable(runnable: Runnable): void {
    this._checkClosed();
    this._ready.push(runnable);
    if (this._idle) this._wake();
    this._hooks?.taskScheduled?.(runnable, _eventTime(this));
  }

  /**
   * Schedule `callback(...args)` after `delay` seconds (a float); a delay of zero or
   * less runs it on the next iteration that checks timers. Timers with equal
   * deadlines run in the order they were scheduled.
   *
   * - NaN: `ValueError`. Closed loop: `RuntimeError`.
   */
  override callLater<A extends unknown[]>(delay: number, callback: (...args: A) => unknown, ...args: A): TimerHandle {
    if (delay === null || delay === undefined) throw new TypeError("delay must not be None");
    if (Number.isNaN(delay)) throw new ValueError("Invalid delay: NaN (not a number)");
    return this._callAt(this.time() + delay, callback, args);
  }

  /** Schedule `callback(...args)` at loop time `when` (seconds, as `time()`). NaN: `ValueError`. */
  override callAt<A extends unknown[]>(when: number, callback: (...args: A) => unknown, ...args: A): TimerHandle {
    if (when === null || when === undefined) throw new TypeError("when cannot be None");
    if (Number.isNaN(when)) throw new ValueError("Invalid when: NaN (not a number)");
    return this._callAt(when, callback, args);
  }

  private _callAt<A extends unknown[]>(when: number, callback: (...args: A) => unknown, args: A): TimerHandle {
    this._checkClosed();
    this._checkCallback(callback, "callAt");
    const timer = new TimerHandle(when, callback as (...args: never[]) => unknown, args, this);
    this._scheduleTimer(timer);
    return timer;
  }

  override _scheduleTimer(timer: TimerHandle): void {
    this._checkClosed();
    timer._seq = ++this._timerSeq;
    this._scheduled.push(timer);
    timer._scheduled = true;
    // The host timer armed for an earlier deadline may now be too late.
    if (this._idle) this._wake();
    this._hooks?.timerScheduled?.(timer, _eventTime(this));
  }

  /** The loop's clock: the host's monotonic clock, in seconds. */
  override time(): number {
    return getHost().now() / 1000;
  }

  /** A new Future on this loop. */
  override createFuture<T = unknown>(): Future<T> {
    return new Future<T>({ loop: this });
  }

  /**
   * Wrap `coro` in a Task (or what the task factory makes) and schedule its first step.
   * Closed loop: `RuntimeError('Event loop is closed')`.
   */
  override createTask<T>(coro: Coroutine<T>, options?: { name?: string | null }): Task<T> {
    this._checkClosed();
    const name = options?.name ?? null;
    if (this._taskFactory === null) return new Task(coro, { loop: this, name });
    const task = this._taskFactory(this, coro);
    if (name !== null) task.setName(name);
    return task;
  }

  override setTaskFactory(factory: TaskFactory | null): void {
    if (factory !== null && typeof factory !== "function") {
      throw new TypeError("task factory must be a callable or None");
    }
    this._taskFactory = factory;
  }

  override getTaskFactory(): TaskFactory | null {
    return this._taskFactory;
  }

  // Executors (implemented, platform-free, in threads.ts).

  /** Run `fn(...args)` in `executor` (the default worker pool if `null`); see `_runInExecutor` and `toThread()`. */
  override runInExecutor<A extends unknown[], R>(executor: unknown, fn: (...args: A) => R, ...args: A): Future<R> {
    return _runInExecutor(this, executor, fn, args) as Future<R>;
  }

  override setDefaultExecutor(executor: unknown): void {
    _setDefaultExecutor(this, executor);
  }

  override shutdownDefaultExecutor(timeout: number | null = null): Coroutine<void> {
    return _shutdownDefaultExecutor(this, timeout);
  }

  // Error handling.

  override getExceptionHandler(): ExceptionHandler | null {
    return this._exceptionHandler;
  }

  /** Use `handler(loop, context)` for errors nobody else can handle; `null` restores the default. */
  override setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== "function") {
      throw new TypeError(`A callable object or None is expected, got ${repr(handler)}`);
    }
    this._exceptionHandler = handler;
  }

  /**
   * Log `context` to stderr the way asyncio's logger does: the message, then one
   * `key: repr(value)` line per other key (sorted), then the error's stack.
   *
   * @example
   * ```text
   * Task exception was never retrieved
   * future: <Task finished name='Task-2' coro=<fails() done> exception=Error('boom')>
   * Error: boom
   *     at fails (file:///snippet.js:2:9)
   * ```
   */
  override defaultExceptionHandler(context: ExceptionContext): void {
    const lines = [context.message || "Unhandled exception in event loop"];
    for (const key of Object.keys(context).sort()) {
      if (key === "message" || key === "exception") continue;
      lines.push(`${key}: ${repr(context[key])}`);
    }
    if (context.exception !== undefined && context.exception !== null) lines.push(formatException(context.exception));
    logger.error(lines.join("\n"));
  }

  /**
   * Report an error: to the custom handler if one is set (falling back to the default
   * one if it throws), else to `defaultExceptionHandler`. Never throws.
   */
  override callExceptionHandler(context: ExceptionContext): void {
    if (this._exceptionHandler === null) {
      try {
        this.defaultExceptionHandler(context);
      } catch (error) {
        logger.error(`Exception in default exception handler\n${formatException(error)}`);
      }
      return;
    }
    try {
      this._exceptionHandler(this, context);
    } catch (exception) {
      try {
        this.defaultExceptionHandler({ message: "Unhandled error in exception handler", exception, context });
      } catch (error) {
        logger.error(
          "Exception in default exception handler while handling an unexpected error " +
            `in custom exception handler\n${formatException(error)}`,
        );
      }
    }
  }

  // Debug mode and instruments.

  override getDebug(): boolean {
    return this._debug;
  }

  /**
   * Debug mode: callbacks and task steps slower than `slowCallbackDuration` (100 ms)
   * are reported on stderr (`Executing <Task ...> took 0.150 seconds`, measured on the
   * host's clock, so also on virtual time), generator functions passed to `callSoon`
   * are refused, and task reprs name their coroutine.
   */
  override setDebug(enabled: boolean): void {
    this._debug = Boolean(enabled);
    if (this._debug) _nameProbe.enabled = true;
  }

  /** Install `instrument` (once; adding it again does nothing). */
  override addInstrument(instrument: Instrument): void {
    _watchWaits(instrument);
    // Copy-on-write: a hook running now iterates the old list undisturbed.
    if (this._instruments === null) _setInstruments(this, [instrument]);
    else if (!this._instruments.includes(instrument)) _setInstruments(this, [...this._instruments, instrument]);
  }

  /** Remove `instrument`; `ValueError` if it is not installed. */
  override removeInstrument(instrument: Instrument): void {
    if (this._instruments === null || !this._instruments.includes(instrument)) {
      throw new ValueError("instrument is not installed");
    }
    _setInstruments(this, _without(this._instruments, instrument));
  }

  // The loop proper.

  /**
   * One iteration: drop cancelled timers, move due timers to the ready queue, then run
   * the callbacks that are ready now (not the ones they schedule). The only place
   * callbacks are called. Returns how many callbacks it ran.
   */
  _runOnce(): number {
    const scheduled = this._scheduled;
    if (
      scheduled.size > MIN_SCHEDULED_TIMER_HANDLES &&
      this._timerCancelledCount / scheduled.size > MIN_CANCELLED_TIMER_HANDLES_FRACTION
    ) {
      scheduled.removeCancelled();
      this._timerCancelledCount = 0;
    } else {
      this._dropCancelledTimers();
    }
    if (scheduled.size > 0) {
      const end = this.time() + this._clockResolution;
      for (let timer = scheduled.peek(); timer !== undefined && timer._when < end; timer = scheduled.peek()) {
        scheduled.pop();
        timer._scheduled = false;
        this._ready.push(timer);
      }
    }
    const ready = this._ready;
    const ntodo = ready.length;
    if (this._debug || this._hooks !== null) {
      this._runReadyObserved(ntodo);
      return ntodo;
    }
    for (let i = 0; i < ntodo; i++) ready.shift()!._run();
    return ntodo;
  }

  /** The ready callbacks, run with debug timing and instrument hooks. */
  private _runReadyObserved(ntodo: number): void {
    const ready = this._ready;
    // One clock reading between two callbacks: the end of one is the start of the next.
    let time = this._hooks !== null ? this.time() : Number.NaN;
    while (ntodo-- > 0) {
      const runnable = ready.shift()!;
      const isTask = runnable instanceof Task;
      if (!isTask && (runnable as Handle)._cancelled) continue;
      let hooks = this._hooks;
      if (hooks !== null) {
        if (Number.isNaN(time)) time = this.time(); // instrumented from within the batch
        this._callbackTime = time;
        if (isTask) hooks.beforeTaskStep?.(runnable, time);
        else hooks.beforeCallback?.(runnable, time);
      }
      if (this._debug) {
        const host = getHost();
        const t0 = host.now();
        runnable._run();
        const dt = (host.now() - t0) / 1000;
        if (dt >= this.slowCallbackDuration) {
          logger.warning(`Executing ${String(runnable)} took ${dt.toFixed(3)} seconds`);
        }
      } else {
        runnable._run();
      }
      this._callbackTime = Number.NaN;
      hooks = this._hooks;
      if (hooks !== null) {
        time = this.time();
        if (!isTask) hooks.afterCallback?.(runnable, time);
        else {
          hooks.afterTaskStep?.(runnable, time);
          // The hook may have removed an instrument.
          if ((runnable as Task<unknown>).done()) this._hooks?.taskExited?.(runnable, time);
        }
      }
    }
  }

  private _dropCancelledTimers(): void {
    const scheduled = this._scheduled;
    for (let timer = scheduled.peek(); timer !== undefined && timer._cancelled; timer = scheduled.peek()) {
      this._timerCancelledCount -= 1;
      scheduled.pop();
      timer._scheduled = false;
    }
  }

  /**
   * Nothing is ready and the next timer is due at `when`: may the loop go on now?
   * The real-time loop says no (it waits on a host timer); a virtual-time loop moves
   * its clock to `when` and says yes.
   */
  protected _advanceClock(when: number): boolean {
    void when;
    return false;
  }

  /** One batch of iterations, run from a host callback. */
  private _drive(): void {
    const host = getHost();
    const start = host.now();
    let uncheckedRuns = 0;
    this._idle = false;
    try {
      for (;;) {
        uncheckedRuns += this._runOnce() + 1;
        if (this._stopping) break;
        if (this._ready.length === 0) {
          this._dropCancelledTimers();
          const next = this._scheduled.peek();
          if (next === undefined || !Number.isFinite(next._when)) {
            this._idle = true; // only outside work can wake us now
            return;
          }
          const delay = next._when - this.time();
          if (delay >= this._clockResolution && !this._advanceClock(next._when)) {
            this._armTimer(host, delay);
            return;
          }
        }
        if (uncheckedRuns >= CALLBACKS_PER_CLOCK_CHECK) {
          uncheckedRuns = 0;
          if (host.now() - start >= BATCH_DURATION_MS) {
            this._armImmediate(host);
            return;
          }
        }
      }
    } catch (error) {
      this._finishRun(error, true);
      return;
    }
    this._finishRun(undefined, false);
  }

  private _finishRun(error: unknown, failed: boolean): void {
    this._callbackTime = Number.NaN; // a callback may have failed the run midway
    this._stopping = false;
    this._running = false;
    this._idle = false;
    this._disarm();
    _setRunningLoop(null);
    this._hooks?.afterRun?.(this, _eventTime(this));
    const settle = this._settleRun;
    this._settleRun = null;
    settle?.(error, failed);
  }

  private _wakeUp(): void {
    this._hostImmediate = null;
    this._hostTimer = null;
    this._armedBy = null;
    if (this._running) this._drive();
  }

  /** New work (or `stop()`) while idle: run a batch as soon as the host can. */
  private _wake(): void {
    this._disarm();
    this._armImmediate(getHost());
  }

  private _armImmediate(host: Host): void {
    this._idle = false;
    this._armedBy = host;
    this._hostImmediate = host.setImmediate(this._onWake);
  }

  private _armTimer(host: Host, delay: number): void {
    this._idle = true;
    this._armedBy = host;
    this._hostTimer = host.setTimeout(this._onWake, Math.ceil(Math.min(delay, MAXIMUM_WAIT) * 1000));
  }

  private _disarm(): void {
    const host = this._armedBy;
    if (host === null) return;
    if (this._hostImmediate !== null) host.clearImmediate(this._hostImmediate);
    if (this._hostTimer !== null) host.clearTimeout(this._hostTimer);
    this._hostImmediate = null;
    this._hostTimer = null;
    this._armedBy = null;
  }

  _checkClosed(): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
  }

  private _checkRunning(): void {
    if (this._running) throw new RuntimeError("This event loop is already running");
    if (_getRunningLoop() !== null) {
      throw new RuntimeError("Cannot run the event loop while another loop is running");
    }
  }

  private _checkCallback(callback: unknown, method: string): void {
    if (typeof callback !== "function") {
      throw new TypeError(`a callable object was expected by ${method}(), got ${repr(callback)}`);
    }
    if (this._debug && isCoroutineFunction(callback)) {
      throw new TypeError(`coroutines cannot be used with ${method}()`);
    }
  }
}

function runUntilCompleteCallback(fut: Future<unknown>): void {
  // Python reads the exception here (to let SystemExit through), which marks it retrieved.
  if (!fut.cancelled()) fut.exception();
  fut.getLoop().stop();
}

/**
 * The default policy: its loops are `BaseEventLoop`s unless a `loopFactory` says
 * otherwise (Python: `DefaultEventLoopPolicy`).
 */
export class DefaultEventLoopPolicy extends BaseDefaultEventLoopPolicy {
  /** @param loopFactory - makes the policy's loops; default `() => new BaseEventLoop()`. */
  constructor(loopFactory: (() => AbstractEventLoop) | null = null) {
    super(loopFactory ?? (() => new BaseEventLoop()));
  }
}

/**
 * Make `DefaultEventLoopPolicy` the policy `getEventLoopPolicy()` creates when none is
 * set. Done when this module loads; `run()` calls it too, so that a bundler dropping
 * this module's top-level statement (the package declares no side effects) changes nothing.
 */
export function _installDefaultPolicy(): void {
  _setDefaultPolicyFactory(() => new DefaultEventLoopPolicy());
}

_installDefaultPolicy();
