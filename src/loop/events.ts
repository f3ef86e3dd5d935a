/** Event loop and event loop policy: the specification (CPython's `events.py`). `BaseEventLoop` implements it. */
import type { Awaitable, Coroutine } from "./coroutines.ts";
import { NotImplementedError, RuntimeError } from "./exceptions.ts";
import { formatCallback } from "./format-helpers.ts";
import type { Future } from "./futures.ts";
import { _compileHooks, type _Hooks, _newLoopInstruments, type Instrument } from "./instruments.ts";
import type { Task } from "./tasks.ts";

/** What the loop's exception handler receives (Python: the `context` dict). */
export interface ExceptionContext {
  /** What went wrong, e.g. `Exception in callback f()` or `Task exception was never retrieved`. */
  message: string;
  /** The error, if there is one. */
  exception?: unknown;
  /** The future (or task) whose exception was never retrieved. */
  future?: Future<unknown>;
  /** The task concerned. */
  task?: Task<unknown>;
  /** The callback handle that raised. */
  handle?: Handle;
  [key: string]: unknown;
}

/** A custom exception handler: `(loop, context) => void` (Python: `loop.set_exception_handler(handler)`). */
export type ExceptionHandler = (loop: AbstractEventLoop, context: ExceptionContext) => void;

/** Builds the task for `loop.createTask(coro)` (Python: a task factory). */
export type TaskFactory = <T>(loop: AbstractEventLoop, coro: Coroutine<T>) => Task<T>;

/** Something the loop's ready queue can run: a `Handle`, or a `Task` scheduling its own step. */
export interface Runnable {
  _run(): void;
}

/** Debug mode: the reprs of cancelled handles, taken before their callback was dropped (Python: `Handle._repr`). */
const cancelledReprs = new WeakMap<Handle, string>();

/**
 * A callback scheduled with `callSoon()` (Python: `asyncio.Handle`). `cancel()` it to
 * keep it from running; cancelling after it ran, or twice, does nothing.
 */
export class Handle implements Runnable {
  /** The callback, `null` once cancelled. */
  _callback: ((...args: never[]) => unknown) | null;
  /** Its arguments, `null` once cancelled. */
  _args: readonly unknown[] | null;
  _cancelled = false;
  _loop: AbstractEventLoop;

  constructor(callback: (...args: never[]) => unknown, args: readonly unknown[], loop: AbstractEventLoop) {
    this._callback = callback;
    this._args = args;
    this._loop = loop;
  }

  /** `<Handle print('hi', 1)>`, `<Handle cancelled>`. */
  toString(): string {
    if (this._cancelled) {
      const saved = cancelledReprs.get(this);
      if (saved !== undefined) return saved;
    }
    return `<${this._reprInfo().join(" ")}>`;
  }

  protected _reprInfo(): string[] {
    const info = ["Handle"];
    if (this._cancelled) info.push("cancelled");
    if (this._callback !== null) info.push(formatCallback(this._callback, this._args));
    return info;
  }

  /** Keep the callback from running. Does nothing if it already ran or was cancelled. */
  cancel(): void {
    if (this._cancelled) return;
    this._cancelled = true;
    // Keep a readable repr in debug mode, for "Executing <Handle ...> took 0.2 seconds".
    if (this._loop.getDebug()) cancelledReprs.set(this, this.toString());
    this._callback = null;
    this._args = null;
  }

  /** `true` once `cancel()` was called. */
  cancelled(): boolean {
    return this._cancelled;
  }

  /** Run the callback; an error it throws goes to the loop's exception handler. */
  _run(): void {
    if (this._cancelled) return;
    const callback = this._callback as (...args: unknown[]) => unknown;
    const args = this._args!;
    try {
      switch (args.length) {
        case 0:
          callback();
          break;
        case 1:
          callback(args[0]);
          break;
        case 2:
          callback(args[0], args[1]);
          break;
        default:
          callback(...args);
      }
    } catch (exception) {
      this._loop.callExceptionHandler({
        message: `Exception in callback ${formatCallback(callback, args)}`,
        exception,
        handle: this,
      });
    }
  }
}

/**
 * A callback scheduled for a loop time with `callLater()`/`callAt()` (Python:
 * `asyncio.TimerHandle`). Timers with the same deadline run in the order they were
 * scheduled (asyncio leaves that order unspecified; this library promises FIFO).
 */
export class TimerHandle extends Handle {
  _when: number;
  /** `true` while in the loop's timer heap. */
  _scheduled = false;
  /** Scheduling order, the tie-break between equal deadlines. */
  _seq = 0;

  constructor(when: number, callback: (...args: never[]) => unknown, args: readonly unknown[], loop: AbstractEventLoop) {
    super(callback, args, loop);
    this._when = when;
  }

  /** `<TimerHandle when=12.5 print()>`. */
  protected override _reprInfo(): string[] {
    const info = super._reprInfo();
    info[0] = "TimerHandle";
    info.splice(this._cancelled ? 2 : 1, 0, `when=${this._when}`);
    return info;
  }

  /** The loop time at which the callback is (or was) due, in seconds. */
  when(): number {
    return this._when;
  }

  override cancel(): void {
    if (!this._cancelled) this._loop._timerHandleCancelled(this);
    super.cancel();
  }
}

function notImplemented(method: string): never {
  throw new NotImplementedError(`${method}() is not implemented by this event loop`);
}

/**
 * The event loop specification (Python: `asyncio.AbstractEventLoop`). Every method
 * throws `NotImplementedError`; `BaseEventLoop` is the implementation, and an
 * alternative loop (asyncio's uvloop) is another subclass. Tasks and futures use
 * only these methods, plus the few underscored fields declared here, which every
 * loop has.
 */
export abstract class AbstractEventLoop {
  /** The task whose step is running on this loop, if any (Python keeps `_current_tasks[loop]`). */
  _currentTask: Task<unknown> | null = null;
  /** Installed instruments, or `null` when none (so that the hot path checks one field). */
  _instruments: Instrument[] | null = _newLoopInstruments.list;
  /** The instruments' hooks, compiled (see `_Hooks`); `null` exactly when `_instruments` is. */
  _hooks: _Hooks | null = _compileHooks(this, this._instruments);
  /** While instruments watch a callback run: the loop time it started, which events during it report (else NaN). */
  _callbackTime = Number.NaN;

  // Running and stopping.

  /**
   * Run until `stop()` is called. Resolves when the loop has stopped.
   *
   * - Closed: throws `RuntimeError('Event loop is closed')`, synchronously.
   * - Already running, or another loop running: throws `RuntimeError`, synchronously.
   */
  runForever(): Promise<void> {
    notImplemented("runForever");
  }

  /**
   * Run until `future` (a Future, Task or coroutine, which is wrapped in a Task) is
   * done, then resolve with its result or reject with its exception.
   */
  runUntilComplete<T>(future: Awaitable<T>): Promise<T> {
    notImplemented("runUntilComplete");
  }

  /** Stop the loop after the callbacks of the current iteration have run. */
  stop(): void {
    notImplemented("stop");
  }

  /** `true` from `runForever()` until the loop stops (including while it waits for a timer). */
  isRunning(): boolean {
    notImplemented("isRunning");
  }

  /** `true` once `close()` was called. */
  isClosed(): boolean {
    notImplemented("isClosed");
  }

  /**
   * Close the loop: pending callbacks are dropped and any further work is refused.
   * A running loop cannot be closed (`RuntimeError`); closing twice does nothing.
   */
  close(): void {
    notImplemented("close");
  }

  /** Wait for the default executor's workers to finish, then shut it down. */
  shutdownDefaultExecutor(timeout?: number | null): Coroutine<void> {
    notImplemented("shutdownDefaultExecutor");
  }

  /**
   * Run `callback` once, when the loop closes. I/O backends use it to let go of host
   * handles (a Node socket left open must not keep the process alive after `run()`, as
   * a Python socket does not keep its interpreter alive).
   */
  _onClose(callback: () => void): void {
    notImplemented("_onClose");
  }

  /** Notification that a scheduled `TimerHandle` was cancelled. */
  _timerHandleCancelled(handle: TimerHandle): void {
    notImplemented("_timerHandleCancelled");
  }

  /**
   * Put a ready-made timer (its `_when` set) in the timer heap: what `callAt` does after
   * making it. `sleep()` schedules its own timer handle this way, so a loop must
   * implement it (as it must `_timerHandleCancelled`).
   */
  _scheduleTimer(timer: TimerHandle): void {
    notImplemented("_scheduleTimer");
  }

  // Scheduling callbacks.

  /** Schedule `callback(...args)` on the next iteration; callbacks run in FIFO order. */
  callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    notImplemented("callSoon");
  }

  /** Schedule `callback(...args)` after `delay` seconds of loop time. */
  callLater<A extends unknown[]>(delay: number, callback: (...args: A) => unknown, ...args: A): TimerHandle {
    notImplemented("callLater");
  }

  /** Schedule `callback(...args)` at loop time `when` (seconds). */
  callAt<A extends unknown[]>(when: number, callback: (...args: A) => unknown, ...args: A): TimerHandle {
    notImplemented("callAt");
  }

  /** The loop's monotonic clock, in seconds (a float). */
  time(): number {
    notImplemented("time");
  }

  /** A new Future attached to this loop. */
  createFuture<T = unknown>(): Future<T> {
    notImplemented("createFuture");
  }

  /** Wrap `coro` in a Task scheduled on this loop. */
  createTask<T>(coro: Coroutine<T>, options?: { name?: string | null }): Task<T> {
    notImplemented("createTask");
  }

  /** Like `callSoon`, but callable from outside the loop's own callbacks (a host event, a worker message): it wakes an idle loop. */
  callSoonThreadsafe<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    notImplemented("callSoonThreadsafe");
  }

  /** Run `fn(...args)` in `executor` (the default one if `null`), as a Future. */
  runInExecutor<A extends unknown[], R>(executor: unknown, fn: (...args: A) => R, ...args: A): Future<R> {
    notImplemented("runInExecutor");
  }

  /** Set the executor `runInExecutor(null, ...)` uses. */
  setDefaultExecutor(executor: unknown): void {
    notImplemented("setDefaultExecutor");
  }

  // Network I/O (streams build on these).

  /** Open a TCP connection to `host:port`. */
  createConnection(protocolFactory: () => unknown, host: string, port: number, options?: object): Coroutine<unknown> {
    notImplemented("createConnection");
  }

  /** Listen for TCP connections on `host:port`. */
  createServer(protocolFactory: () => unknown, host: string | null, port: number, options?: object): Coroutine<unknown> {
    notImplemented("createServer");
  }

  // Task factory.

  /** Use `factory` to build tasks in `createTask()`, or the `Task` class if `null`. */
  setTaskFactory(factory: TaskFactory | null): void {
    notImplemented("setTaskFactory");
  }

  /** The task factory, or `null` for the default. */
  getTaskFactory(): TaskFactory | null {
    notImplemented("getTaskFactory");
  }

  // Error handlers.

  /** The custom exception handler, or `null` for the default one. */
  getExceptionHandler(): ExceptionHandler | null {
    notImplemented("getExceptionHandler");
  }

  /** Set the exception handler (`null` restores the default). */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    notImplemented("setExceptionHandler");
  }

  /** The default handler: log `context` to stderr. */
  defaultExceptionHandler(context: ExceptionContext): void {
    notImplemented("defaultExceptionHandler");
  }

  /** Report `context` to the exception handler (the custom one if set, else the default). */
  callExceptionHandler(context: ExceptionContext): void {
    notImplemented("callExceptionHandler");
  }

  // Debug flag and instruments.

  /** `true` in debug mode. */
  getDebug(): boolean {
    notImplemented("getDebug");
  }

  /** Turn debug mode on or off. */
  setDebug(enabled: boolean): void {
    notImplemented("setDebug");
  }

  /** Install an instrument (trio-style hooks); see `Instrument`. */
  addInstrument(instrument: Instrument): void {
    notImplemented("addInstrument");
  }

  /** Remove an instrument; `ValueError` if it is not installed. */
  removeInstrument(instrument: Instrument): void {
    notImplemented("removeInstrument");
  }

  /** Put a task step (or any `Runnable`) on the ready queue; the default goes through `callSoon`. */
  _callSoonRunnable(runnable: Runnable): void {
    this.callSoon(() => runnable._run());
  }
}

/** Creates, sets and gets the event loop of the (single) thread (Python: `asyncio.AbstractEventLoopPolicy`). */
export abstract class AbstractEventLoopPolicy {
  /** The current event loop; created on first use by the default policy. */
  abstract getEventLoop(): AbstractEventLoop;
  /** Set the current event loop (`null` to unset it). */
  abstract setEventLoop(loop: AbstractEventLoop | null): void;
  /** Create a new event loop, as this policy's loop class. */
  abstract newEventLoop(): AbstractEventLoop;
}

/**
 * The default policy's behaviour (Python: `BaseDefaultEventLoopPolicy`): one current
 * loop, created by `newEventLoop()` on first `getEventLoop()` unless `setEventLoop()`
 * was called. Subclasses set the loop class through `loopFactory`.
 */
export class BaseDefaultEventLoopPolicy extends AbstractEventLoopPolicy {
  private _loop: AbstractEventLoop | null = null;
  private _setCalled = false;
  protected readonly _loopFactory: (() => AbstractEventLoop) | null;

  /** @param loopFactory - how `newEventLoop()` makes a loop, e.g. `() => new VirtualTimeLoop()`. */
  constructor(loopFactory: (() => AbstractEventLoop) | null = null) {
    super();
    this._loopFactory = loopFactory;
  }

  /**
   * The current loop. With none set and `setEventLoop()` never called, creates one
   * and makes it current. After `setEventLoop(null)`: `RuntimeError`.
   */
  getEventLoop(): AbstractEventLoop {
    if (this._loop === null && !this._setCalled) this.setEventLoop(this.newEventLoop());
    if (this._loop === null) throw new RuntimeError("There is no current event loop in thread 'MainThread'.");
    return this._loop;
  }

  /** Set the current loop; `TypeError` if `loop` is neither a loop nor `null`. */
  setEventLoop(loop: AbstractEventLoop | null): void {
    this._setCalled = true;
    if (loop !== null && !(loop instanceof AbstractEventLoop)) {
      throw new TypeError(`loop must be an instance of AbstractEventLoop or None, not '${typeName(loop)}'`);
    }
    this._loop = loop;
  }

  /** A new loop from the factory. */
  newEventLoop(): AbstractEventLoop {
    if (this._loopFactory === null) throw new NotImplementedError("this policy has no loop factory");
    return this._loopFactory();
  }
}

function typeName(value: unknown): string {
  if (value === null) return "NoneType";
  if (typeof value === "object") return (value as object).constructor?.name ?? "object";
  return typeof value;
}

let runningLoop: AbstractEventLoop | null = null;
let policy: AbstractEventLoopPolicy | null = null;
let defaultPolicyFactory: (() => AbstractEventLoopPolicy) | null = null;

/**
 * The running event loop (Python: `asyncio.get_running_loop()`).
 *
 * Throws `RuntimeError('no running event loop')` when none is running, e.g. at
 * module level or after `run()` has returned.
 */
export function getRunningLoop(): AbstractEventLoop {
  if (runningLoop === null) throw new RuntimeError("no running event loop");
  return runningLoop;
}

/** The running loop or `null` (Python: `asyncio._get_running_loop()`). */
export function _getRunningLoop(): AbstractEventLoop | null {
  return runningLoop;
}

/** Set (or clear, with `null`) the running loop; loops call this as they start and stop. */
export function _setRunningLoop(loop: AbstractEventLoop | null): void {
  runningLoop = loop;
}

/**
 * The running loop if there is one, else the policy's current loop, created on first
 * use (Python: `asyncio.get_event_loop()`; 3.12 warns in that case, this does not).
 */
export function getEventLoop(): AbstractEventLoop {
  return runningLoop ?? getEventLoopPolicy().getEventLoop();
}

/** Make `loop` the policy's current loop (Python: `asyncio.set_event_loop()`). */
export function setEventLoop(loop: AbstractEventLoop | null): void {
  getEventLoopPolicy().setEventLoop(loop);
}

/** A new loop from the policy (Python: `asyncio.new_event_loop()`). */
export function newEventLoop(): AbstractEventLoop {
  return getEventLoopPolicy().newEventLoop();
}

/** The current policy; the default one makes `BaseEventLoop`s. */
export function getEventLoopPolicy(): AbstractEventLoopPolicy {
  if (policy === null) {
    if (defaultPolicyFactory === null) throw new RuntimeError("no default event loop policy is registered");
    policy = defaultPolicyFactory();
  }
  return policy;
}

/**
 * Replace the policy (`null` restores the default): how another loop class is plugged
 * in, the way uvloop is in Python.
 *
 * @example
 * ```ts
 * asyncio.setEventLoopPolicy(new asyncio.DefaultEventLoopPolicy(() => new asyncio.VirtualTimeLoop()));
 * await asyncio.run(main()); // runs on virtual time
 * ```
 */
export function setEventLoopPolicy(newPolicy: AbstractEventLoopPolicy | null): void {
  if (newPolicy !== null && !(newPolicy instanceof AbstractEventLoopPolicy)) {
    throw new TypeError(`policy must be an instance of AbstractEventLoopPolicy or None, not '${typeName(newPolicy)}'`);
  }
  policy = newPolicy;
}

/** Registers how to build the default policy (the implementation module does, avoiding an import cycle). */
export function _setDefaultPolicyFactory(factory: () => AbstractEventLoopPolicy): void {
  defaultPolicyFactory = factory;
}
