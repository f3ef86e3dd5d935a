/** A Future: a result that will be set later, awaited with `yield*` (CPython's `futures.py` and `base_futures.py`). */
import type { Awaitable, Yielded } from "./coroutines.ts";
import { type AbstractEventLoop, getEventLoop } from "./events.ts";
import { CancelledError, InvalidStateError, RuntimeError } from "./exceptions.ts";
import { functionName, repr, shortRepr } from "./format-helpers.ts";
import { _taskWaiting, _waitWatched } from "./instruments.ts";
import type { Task } from "./tasks.ts";

/** Future state: not done yet; the only state a future leaves (Python: `_PENDING`). */
export const _PENDING = 0;
/** Future state: done, cancelled; `result()` throws `CancelledError` (Python: `_CANCELLED`). */
export const _CANCELLED = 1;
/** Future state: done, with a result or an exception (Python: `_FINISHED`). */
export const _FINISHED = 2;
type State = typeof _PENDING | typeof _CANCELLED | typeof _FINISHED;
const STATE_NAMES = ["pending", "cancelled", "finished"] as const;

/** A done callback: called (through `callSoon`) with the future once it is done. */
export type DoneCallback<T> = (future: Future<T>) => void;

/**
 * A done-callback entry: a function, or a task waiting on the future (a task is its
 * own wake-up handle, so awaiting allocates no closure).
 */
// biome-ignore lint/suspicious/noExplicitAny: callbacks of any result type, so Future<T> stays covariant
type CallbackEntry<T> = DoneCallback<T> | Task<any>;

/**
 * Debug mode: the task whose coroutine name is read off the stack where it next waits
 * (a generator cannot tell its function otherwise). `enabled` stays `false` until a
 * loop enters debug mode, so the normal path pays one property check per wait.
 */
export const _nameProbe: { enabled: boolean; task: { _probeCoroutineName(): void } | null } = {
  enabled: false,
  task: null,
};

/** `_flags` bit: `_asyncioFutureBlocking`. */
export const _BLOCKING = 1;
/** `_flags` bit: `_logTraceback`. */
export const _LOG_TRACEBACK = 2;
/** `_flags` bit of a task: `_mustCancel`. */
export const _MUST_CANCEL = 4;
/** `_flags` bit of a task: its coroutine is a generator with the built-in `next` (see `Task._stepRunAndHandleResult`). */
export const _GENERATOR = 8;

/** A future's rarely used fields (`Future._rare`): one shape for futures and tasks. */
export class _Rare {
  cancelMessage: unknown = undefined;
  cancelledExc: CancelledError | null = null;
  /** A task's `cancelling()` count. */
  numCancelsRequested = 0;
  /** The exception a task's next scheduled step throws in (`undefined`: resume with `next()`). */
  stepExc: unknown = undefined;
}

/** Futures whose exception nobody has retrieved yet, per loop; reported when the loop closes. */
const unretrieved = new WeakMap<AbstractEventLoop, Set<Future<unknown>>>();

/**
 * The result of an operation that completes later (Python: `asyncio.Future`).
 *
 * A future is *pending*, then either *finished* (with a result or an exception) or
 * *cancelled*; it never changes again after that. Code waits for it with
 * `const value = yield* future;`, which returns the result or throws the exception
 * (`CancelledError` if cancelled). Done callbacks are always scheduled with the loop's
 * `callSoon`, in the order they were added, never called inline.
 *
 * Usually made by `loop.createFuture()`, and set by a callback or another task.
 *
 * @typeParam T - the type of the result.
 * @example
 * ```ts
 * function* main(): asyncio.Coroutine<void> {
 *   const loop = asyncio.getRunningLoop();
 *   const fut = loop.createFuture<string>();
 *   loop.callLater(0.1, () => fut.setResult("done"));
 *   console.log(yield* fut); // "done", after 0.1 s
 * }
 * ```
 */
export class Future<T = unknown> implements Awaitable<T> {
  // Fields are set in the constructor, not declared with initializers: V8 builds a
  // subclass (a Task) with initializers markedly slower.
  declare _state: State;
  declare _result: T | undefined;
  /** The exception, or `null` when there is none. */
  declare _exception: unknown;
  declare _loop: AbstractEventLoop;
  /**
   * The done callbacks: `null`, one entry, or an array of them (one slot covers the
   * common case of a single waiting task without allocating an array). Entries are
   * untyped so that Future<T> stays covariant in T.
   */
  // biome-ignore lint/suspicious/noExplicitAny: callbacks of any result type, so Future<T> stays covariant
  declare _callbacks: CallbackEntry<any> | CallbackEntry<any>[] | null;
  /** Bits: `_BLOCKING`, `_LOG_TRACEBACK`, and a task's `_MUST_CANCEL` and `_GENERATOR`. */
  declare _flags: number;
  /** What few futures ever need (cancellation's details), made on first use: a smaller future and task for it. */
  declare _rare: _Rare | null;

  /** @param options.loop - the loop to attach to; by default `getEventLoop()`. */
  constructor(options?: { loop?: AbstractEventLoop }) {
    this._state = _PENDING;
    this._result = undefined;
    this._exception = null;
    this._loop = options?.loop ?? getEventLoop();
    this._callbacks = null;
    this._flags = 0;
    this._rare = null;
  }

  /** Set while the future is being yielded to a task by `yield*` (Python: `_asyncio_future_blocking`). */
  get _asyncioFutureBlocking(): boolean {
    return (this._flags & _BLOCKING) !== 0;
  }

  set _asyncioFutureBlocking(value: boolean) {
    this._flags = value ? this._flags | _BLOCKING : this._flags & ~_BLOCKING;
  }

  /** `true` while an exception is set and nobody has looked at it. */
  get _logTraceback(): boolean {
    return (this._flags & _LOG_TRACEBACK) !== 0;
  }

  set _logTraceback(value: boolean) {
    this._flags = value ? this._flags | _LOG_TRACEBACK : this._flags & ~_LOG_TRACEBACK;
  }

  /** The message `cancel(msg)` was given (`undefined` if none). */
  get _cancelMessage(): unknown {
    return this._rare === null ? undefined : this._rare.cancelMessage;
  }

  set _cancelMessage(value: unknown) {
    if (this._rare !== null || value !== undefined) this._getRare().cancelMessage = value;
  }

  /** The `CancelledError` a task's coroutine raised, kept so that `result()` rethrows that very object. */
  get _cancelledExc(): CancelledError | null {
    return this._rare === null ? null : this._rare.cancelledExc;
  }

  set _cancelledExc(value: CancelledError | null) {
    if (this._rare !== null || value !== null) this._getRare().cancelledExc = value;
  }

  _getRare(): _Rare {
    return this._rare ?? (this._rare = new _Rare());
  }

  /** `<Future pending cb=[...]>`, `<Future finished result=42>`, `<Future cancelled>`. */
  toString(): string {
    return `<${this._className()} ${this._reprInfo().join(" ")}>`;
  }

  _className(): string {
    return "Future";
  }

  _reprInfo(): string[] {
    const info: string[] = [STATE_NAMES[this._state]];
    if (this._state === _FINISHED) {
      if (this._exception !== null) info.push(`exception=${repr(this._exception)}`);
      else info.push(`result=${shortRepr(this._result)}`);
    }
    const callbacks = callbackList(this._callbacks);
    if (callbacks.length > 0) info.push(formatCallbacks(callbacks));
    return info;
  }

  /** The loop the future is attached to. */
  getLoop(): AbstractEventLoop {
    return this._loop;
  }

  /**
   * The result.
   *
   * - Finished with a result: returns it.
   * - Finished with an exception: throws it.
   * - Cancelled: throws `CancelledError`.
   * - Pending: throws `InvalidStateError('Result is not set.')`.
   */
  result(): T {
    if (this._state === _CANCELLED) throw this._makeCancelledError();
    if (this._state !== _FINISHED) throw new InvalidStateError("Result is not set.");
    if ((this._flags & _LOG_TRACEBACK) !== 0) this._retrieved();
    if (this._exception !== null) throw this._exception;
    return this._result as T;
  }

  /**
   * The exception.
   *
   * - Finished: returns the exception, or `null` if it finished with a result.
   * - Cancelled: throws `CancelledError`.
   * - Pending: throws `InvalidStateError('Exception is not set.')`.
   */
  exception(): unknown {
    if (this._state === _CANCELLED) throw this._makeCancelledError();
    if (this._state !== _FINISHED) throw new InvalidStateError("Exception is not set.");
    if ((this._flags & _LOG_TRACEBACK) !== 0) this._retrieved();
    return this._exception;
  }

  /** `true` once finished or cancelled. */
  done(): boolean {
    return this._state !== _PENDING;
  }

  /** `true` if cancelled. */
  cancelled(): boolean {
    return this._state === _CANCELLED;
  }

  /**
   * Cancel the future and schedule its callbacks.
   *
   * - Pending: becomes cancelled, returns `true`. `msg` becomes the message of the
   *   `CancelledError` that awaiting it throws.
   * - Done: changes nothing, returns `false`.
   */
  cancel(msg?: unknown): boolean {
    if ((this._flags & _LOG_TRACEBACK) !== 0) this._retrieved();
    if (this._state !== _PENDING) return false;
    this._state = _CANCELLED;
    this._cancelMessage = msg;
    this._scheduleCallbacks();
    return true;
  }

  /**
   * Finish with `result` and schedule the callbacks.
   * Already done: throws `InvalidStateError('invalid state')`.
   */
  setResult(result: T): void {
    if (this._state !== _PENDING) throw new InvalidStateError("invalid state");
    this._result = result;
    this._state = _FINISHED;
    this._scheduleCallbacks();
  }

  /**
   * Finish with `exception` and schedule the callbacks. An error class is
   * instantiated. Already done: throws `InvalidStateError('invalid state')`;
   * `undefined`/`null`: throws `TypeError('invalid exception object')`.
   *
   * If nobody retrieves the exception (`result()`, `exception()`, `yield*`) before
   * the loop closes, the loop reports "Future exception was never retrieved".
   */
  setException(exception: unknown): void {
    if (this._state !== _PENDING) throw new InvalidStateError("invalid state");
    if (exception === undefined || exception === null) throw new TypeError("invalid exception object");
    if (typeof exception === "function" && (exception === Error || exception.prototype instanceof Error)) {
      exception = new (exception as new () => Error)();
    }
    this._exception = exception;
    this._state = _FINISHED;
    this._scheduleCallbacks();
    this._logTraceback = true;
    let set = unretrieved.get(this._loop);
    if (set === undefined) unretrieved.set(this._loop, (set = new Set()));
    set.add(this);
  }

  /**
   * Call `callback(future)` once the future is done, through the loop's `callSoon`
   * (right away, i.e. on the next iteration, if it is already done).
   */
  addDoneCallback(callback: DoneCallback<T>): void {
    if (this._state !== _PENDING) this._loop.callSoon(callback, this);
    else this._pushCallback(callback);
  }

  /** Remove every registration of `callback`; returns how many were removed. */
  removeDoneCallback(callback: DoneCallback<T>): number {
    const callbacks = callbackList(this._callbacks);
    const kept = callbacks.filter((entry) => entry !== callback);
    const removed = callbacks.length - kept.length;
    if (removed > 0) this._callbacks = kept.length === 0 ? null : kept.length === 1 ? kept[0]! : kept;
    return removed;
  }

  /**
   * Wake `task` once done: the task's own `__wakeup` done callback (the task finds the
   * future in its `_futWaiter`).
   */
  // biome-ignore lint/suspicious/noExplicitAny: callbacks of any result type, so Future<T> stays covariant
  _addWaiter(task: Task<any>): void {
    if (this._state !== _PENDING) this._loop._callSoonRunnable(task);
    else this._pushCallback(task);
  }

  // biome-ignore lint/suspicious/noExplicitAny: callbacks of any result type, so Future<T> stays covariant
  private _pushCallback(entry: CallbackEntry<any>): void {
    const callbacks = this._callbacks;
    if (callbacks === null) this._callbacks = entry;
    else if (Array.isArray(callbacks)) callbacks.push(entry);
    else this._callbacks = [callbacks, entry];
  }

  _scheduleCallbacks(): void {
    const callbacks = this._callbacks;
    if (callbacks === null) return;
    this._callbacks = null;
    if (!Array.isArray(callbacks)) {
      this._scheduleCallback(callbacks);
      return;
    }
    for (let i = 0; i < callbacks.length; i++) this._scheduleCallback(callbacks[i]!);
  }

  // biome-ignore lint/suspicious/noExplicitAny: callbacks of any result type, so Future<T> stays covariant
  private _scheduleCallback(entry: CallbackEntry<any>): void {
    if (typeof entry === "function") this._loop.callSoon(entry, this);
    else this._loop._callSoonRunnable(entry);
  }

  /** The `CancelledError` to throw for a cancelled future (the coroutine's own, once, if a task saved it). */
  _makeCancelledError(): CancelledError {
    const saved = this._cancelledExc;
    if (saved !== null) {
      this._cancelledExc = null;
      return saved;
    }
    return this._cancelMessage === undefined || this._cancelMessage === null
      ? new CancelledError()
      : new CancelledError(String(this._cancelMessage));
  }

  _retrieved(): void {
    this._logTraceback = false;
    unretrieved.get(this._loop)?.delete(this);
  }

  /** `yield* future`: suspend the task until the future is done, then return its result or throw (Python: `__await__`). */
  [Symbol.iterator](): Iterator<Yielded, T, unknown> {
    return new FutureIter(this);
  }
}

const STARTED = 1;
const EXHAUSTED = 2;

/**
 * The iterator `yield* future` drives: yields the future once, then returns its result.
 * It is its own result object too (`next()` returns the iterator with `done` and `value`
 * set), so that awaiting allocates one object, not two: `yield*` reads a result as soon as
 * it gets it, and awaiting is the hottest path there is (the spawn benchmark awaits 100k
 * tasks in one step).
 */
class FutureIter<T> implements Iterator<Yielded, T, unknown> {
  done = false;
  value: unknown = undefined;
  private _state = 0;
  private readonly _future: Future<T>;

  constructor(future: Future<T>) {
    this._future = future;
  }

  next(): IteratorResult<Yielded, T> {
    const future = this._future;
    if (this._state === EXHAUSTED) return { done: true, value: undefined as T };
    if (future._state === _PENDING) {
      if (this._state === STARTED) {
        this._state = EXHAUSTED;
        throw new RuntimeError("await wasn't used with future");
      }
      this._state = STARTED;
      if (_nameProbe.task !== null) _nameProbe.task._probeCoroutineName();
      if (_waitWatched.on) _taskWaiting(future._loop);
      future._flags |= _BLOCKING;
      this.value = future;
      return this as IteratorResult<Yielded, T>;
    }
    this._state = EXHAUSTED;
    this.value = future.result();
    this.done = true;
    return this as IteratorResult<Yielded, T>;
  }

  throw(error: unknown): IteratorResult<Yielded, T> {
    this._state = EXHAUSTED;
    throw error;
  }

  return(value?: T): IteratorResult<Yielded, T> {
    this._state = EXHAUSTED;
    return { done: true, value: value as T };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** `true` if `value` is a Future (or Task) of this library (Python: `asyncio.isfuture`). */
export function isFuture(value: unknown): value is Future<unknown> {
  return value instanceof Future;
}

/** Set `future`'s result unless it was cancelled meanwhile (what `sleep()`'s timer calls). */
export function _setResultUnlessCancelled<T>(future: Future<T>, result: T): void {
  if (future._state === _CANCELLED) return;
  future.setResult(result);
}

/**
 * Report, through the loop's exception handler, every future of `loop` whose
 * exception was never retrieved: "Task exception was never retrieved".
 *
 * Python reports such a future when it is garbage-collected, often right after it
 * fails. JavaScript has no deterministic finalizer, so the loop calls this when it
 * closes (`run()` closes its loop), and the report comes at the end instead.
 */
export function _reportUnretrieved(loop: AbstractEventLoop): void {
  const set = unretrieved.get(loop);
  if (set === undefined) return;
  unretrieved.delete(loop);
  for (const future of set) {
    if (!future._logTraceback) continue;
    future._logTraceback = false;
    loop.callExceptionHandler({
      message: `${future._className()} exception was never retrieved`,
      exception: future._exception,
      future,
    });
  }
}

// biome-ignore lint/suspicious/noExplicitAny: callbacks of any result type, so Future<T> stays covariant
function callbackList(callbacks: CallbackEntry<any> | CallbackEntry<any>[] | null): CallbackEntry<any>[] {
  if (callbacks === null) return [];
  return Array.isArray(callbacks) ? callbacks : [callbacks];
}

// biome-ignore lint/suspicious/noExplicitAny: callbacks of any result type, so Future<T> stays covariant
function formatCallbacks(callbacks: readonly CallbackEntry<any>[]): string {
  const format = (entry: CallbackEntry<unknown>) =>
    typeof entry === "function" ? `${functionName(entry)}()` : "Task.task_wakeup()";
  const n = callbacks.length;
  let text: string;
  if (n === 1) text = format(callbacks[0]!);
  else if (n === 2) text = `${format(callbacks[0]!)}, ${format(callbacks[1]!)}`;
  else text = `${format(callbacks[0]!)}, <${n - 2} more>, ${format(callbacks[n - 1]!)}`;
  return `cb=[${text}]`;
}
