/** Tasks, and the functions that schedule and combine them (CPython's `tasks.py`). */
import {
  _generatorNext,
  type Awaitable,
  type AwaitedOf,
  type Coroutine,
  isAwaitable,
  isCoroutine,
  type Yielded,
} from "./coroutines.ts";
import { _getRunningLoop, type AbstractEventLoop, getEventLoop, getRunningLoop, type Runnable, TimerHandle } from "./events.ts";
import { CancelledError, InvalidStateError, RuntimeError, TimeoutError, ValueError } from "./exceptions.ts";
import { coroutineNameFromStack, formatCallback, repr } from "./format-helpers.ts";
import {
  _BLOCKING,
  _GENERATOR,
  _LOG_TRACEBACK,
  _MUST_CANCEL,
  _nameProbe,
  _PENDING,
  _setResultUnlessCancelled,
  Future,
  isFuture,
} from "./futures.ts";
import { _coroutineCreated, _creationsWatched, _eventTime, _taskWaiting, _waitWatched, noteWait } from "./instruments.ts";
import { timeout } from "./timeouts.ts";

let taskNameCounter = 0;

/** Coroutine names learnt so far (see `Task._coroutineName`); rarely filled, so kept off the tasks. */
const coroutineNames = new WeakMap<Task<unknown>, string>();
/** Tasks whose exception was raised in their own coroutine: its stack names the coroutine. */
const failedInOwnCoroutine = new WeakSet<Task<unknown>>();

/** A link of the list of pending tasks. */
interface TaskLink {
  _prevTask: TaskLink | null;
  _nextTask: TaskLink | null;
}

/**
 * Tasks not yet done, across loops (Python: `_scheduled_tasks`, a WeakSet): a circular
 * list threaded through the tasks, so that adding and removing allocate nothing.
 */
const pendingTasks: TaskLink = { _prevTask: null, _nextTask: null };
pendingTasks._prevTask = pendingTasks._nextTask = pendingTasks;

function addPending(task: Task<unknown>): void {
  const last = pendingTasks._prevTask!;
  task._prevTask = last;
  task._nextTask = pendingTasks;
  last._nextTask = task;
  pendingTasks._prevTask = task;
}

function removePending(task: Task<unknown>): void {
  if (task._prevTask === null) return;
  task._prevTask._nextTask = task._nextTask;
  task._nextTask!._prevTask = task._prevTask;
  task._prevTask = task._nextTask = null;
}

function* pendingIterator(): Generator<Task<unknown>> {
  for (let link = pendingTasks._nextTask!; link !== pendingTasks; ) {
    const next = link._nextTask!;
    yield link as Task<unknown>;
    link = next;
  }
}

/**
 * A coroutine wrapped in a Future, driven by the loop (Python: `asyncio.Task`).
 *
 * The task runs its coroutine one *step* at a time: a step resumes it (`next()`, or
 * `throw(error)` to deliver an exception) until it next yields. Yielding a Future (what
 * `yield* future` does) suspends the task until the future is done; yielding
 * `undefined` (`yield* sleep(0)`) lets the other ready callbacks run first. Yielding
 * anything else is a mistake the task throws back into the coroutine, as Python does:
 * `RuntimeError('Task got bad yield: 42')` for `yield 42`, and `RuntimeError('yield was
 * used instead of yield* for generator ...')` for `yield coro` (Python says `yield from`).
 * The first
 * step is scheduled with `callSoon` when the task is created, so the coroutine does
 * not start until the creator yields to the loop. When the coroutine returns, the task
 * finishes with its value; when it throws, with its exception; when it throws
 * `CancelledError`, the task is cancelled.
 *
 * Create tasks with `createTask()` (or `loop.createTask()`), not with `new`.
 *
 * @example
 * ```ts
 * function* child(): asyncio.Coroutine<number> {
 *   yield* asyncio.sleep(0.1);
 *   return 42;
 * }
 * function* main(): asyncio.Coroutine<void> {
 *   const task = asyncio.createTask(child());
 *   console.log(task.getName()); // "Task-2" (main is Task-1)
 *   console.log(yield* task); // 42
 * }
 * await asyncio.run(main());
 * ```
 */
export class Task<T = unknown> extends Future<T> implements Runnable, TaskLink {
  // Set in the constructor, as Future's are (see there).
  declare _coro: Coroutine<T>;
  /** The name, or the number of a default name `Task-<n>` not built yet. */
  declare _name: string | number;
  /**
   * The future the task waits on; `null` while a step is scheduled or running. When
   * the task runs with it set, the run is a wake-up (Python: `__wakeup(future)`).
   */
  declare _futWaiter: Future<unknown> | null;
  declare _prevTask: TaskLink | null;
  declare _nextTask: TaskLink | null;

  /**
   * Wrap `coro` and schedule its first step on the loop.
   *
   * - `coro` is not a coroutine: `TypeError('a coroutine was expected, got ...')`.
   * - The loop is closed: `RuntimeError('Event loop is closed')`.
   *
   * @param options.loop - default: `getEventLoop()`.
   * @param options.name - default: `Task-<n>`, numbered across the process as in Python.
   * @param options.eagerStart - Python 3.12's `eager_start=True`: if the loop is running,
   *   run the first step now, inside this call, instead of scheduling it (see `eagerTaskFactory`).
   */
  constructor(
    coro: Coroutine<T>,
    options?: { loop?: AbstractEventLoop; name?: string | null; eagerStart?: boolean },
  ) {
    super(options);
    if (!isCoroutine(coro)) throw new TypeError(`a coroutine was expected, got ${repr(coro)}`);
    this._coro = coro;
    const name = options?.name;
    this._name = name === undefined || name === null ? ++taskNameCounter : String(name);
    this._futWaiter = null;
    this._prevTask = null;
    this._nextTask = null;
    if (coro.next === _generatorNext) this._flags = _GENERATOR;
    this._loop._hooks?.taskSpawned?.(this, _eventTime(this._loop));
    addPending(this);
    if (options?.eagerStart === true && this._loop.isRunning()) this._eagerStart();
    else this._loop._callSoonRunnable(this);
  }

  /** Set by `cancel()` when there was no future to cancel: the next step throws `CancelledError` in. */
  get _mustCancel(): boolean {
    return (this._flags & _MUST_CANCEL) !== 0;
  }

  set _mustCancel(value: boolean) {
    this._flags = value ? this._flags | _MUST_CANCEL : this._flags & ~_MUST_CANCEL;
  }

  /** The number of pending cancellation requests (see `cancelling()`). */
  get _numCancelsRequested(): number {
    return this._rare === null ? 0 : this._rare.numCancelsRequested;
  }

  set _numCancelsRequested(value: number) {
    if (this._rare !== null || value !== 0) this._getRare().numCancelsRequested = value;
  }

  /** The exception the next scheduled step throws in (`undefined`: resume with `next()`). */
  get _stepExc(): unknown {
    return this._rare === null ? undefined : this._rare.stepExc;
  }

  set _stepExc(value: unknown) {
    if (this._rare !== null || value !== undefined) this._getRare().stepExc = value;
  }

  /**
   * Python's `Task.__eager_start`: the first step runs now, as this task, in the middle of
   * the creator's step; the creator is the current task again afterwards. A task that
   * finishes in that step never reaches the ready queue.
   */
  private _eagerStart(): void {
    const loop = this._loop;
    const creator = loop._currentTask;
    const observed = loop._hooks !== null;
    loop._hooks?.beforeTaskStep?.(this, _eventTime(loop));
    loop._currentTask = this;
    try {
      this._stepRunAndHandleResult(undefined);
    } finally {
      loop._currentTask = creator;
    }
    if (observed) {
      loop._hooks?.afterTaskStep?.(this, _eventTime(loop));
      if (this.done()) loop._hooks?.taskExited?.(this, _eventTime(loop));
    }
  }

  override _className(): string {
    return "Task";
  }

  /** `<Task pending name='Task-1' coro=<main() running> wait_for=<Future pending cb=[Task.task_wakeup()]>>`. */
  override _reprInfo(): string[] {
    const info = super._reprInfo();
    if (this._numCancelsRequested > 0 && this._state === _PENDING) info[0] = "cancelling";
    info.splice(1, 0, `name=${repr(this.getName())}`);
    if (this._futWaiter !== null) info.splice(2, 0, `wait_for=${this._futWaiter}`);
    info.splice(2, 0, `coro=<${this._coroutineName()}() ${this._state === _PENDING ? "running" : "done"}>`);
    return info;
  }

  /**
   * The generator function's name, best effort: JavaScript cannot ask a generator
   * for its function, so it is read off a stack trace taken while the coroutine ran,
   * either the task's own exception or, in debug mode, a probe at its first wait.
   * `coroutine` when unknown.
   */
  _coroutineName(): string {
    let name = coroutineNames.get(this);
    if (name === undefined && failedInOwnCoroutine.has(this) && this._exception instanceof Error) {
      const stack = this._exception.stack;
      name = (typeof stack === "string" && coroutineNameFromStack(stack)) || undefined;
      if (name !== undefined) coroutineNames.set(this, name);
    }
    return name ?? "coroutine";
  }

  /** The wrapped coroutine. */
  getCoro(): Coroutine<T> {
    return this._coro;
  }

  /** The task's name: given at creation, set with `setName()`, or `Task-<n>`. */
  getName(): string {
    if (typeof this._name === "number") this._name = `Task-${this._name}`;
    return this._name;
  }

  /** Rename the task (the value is converted to a string). */
  setName(value: unknown): void {
    this._name = String(value);
  }

  /** Not supported: `RuntimeError`. A task's result is its coroutine's return value. */
  override setResult(result: T): never {
    void result;
    throw new RuntimeError("Task does not support set_result operation");
  }

  /** Not supported: `RuntimeError`. A task's exception is what its coroutine throws. */
  override setException(exception: unknown): never {
    void exception;
    throw new RuntimeError("Task does not support set_exception operation");
  }

  /**
   * Ask the task to cancel itself: `CancelledError` is thrown into the coroutine at
   * its current `yield*` on the next step (the awaited future, if any, is cancelled
   * instead, which wakes the task with that error).
   *
   * - Done: returns `false`, changes nothing.
   * - Pending: returns `true` and counts one more cancellation request
   *   (`cancelling()`). The coroutine may catch the error and go on, so the task is
   *   not cancelled yet, and may never be: `cancelled()` turns `true` only when the
   *   coroutine ends by throwing `CancelledError`.
   *
   * @param msg - message of the `CancelledError`.
   */
  override cancel(msg?: unknown): boolean {
    if ((this._flags & _LOG_TRACEBACK) !== 0) this._retrieved();
    if (this._state !== _PENDING) return false;
    this._numCancelsRequested += 1;
    // Leave _futWaiter set: it may be a task that swallows the cancellation.
    if (this._futWaiter !== null && this._futWaiter.cancel(msg)) return true;
    this._mustCancel = true;
    this._cancelMessage = msg;
    return true;
  }

  /** The number of pending cancellation requests: `cancel()` adds one, `uncancel()` removes one. */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /**
   * Withdraw one cancellation request (never below zero) and return how many are
   * left. For the party that called `cancel()` and handled the result, like
   * `timeout()` and `taskGroup()` do.
   */
  uncancel(): number {
    if (this._numCancelsRequested > 0) this._numCancelsRequested -= 1;
    return this._numCancelsRequested;
  }

  /** One run from the ready queue: a wake-up if the awaited future is done, else a plain step. */
  _run(): void {
    const future = this._futWaiter;
    if (future === null) {
      const rare = this._rare;
      if (rare === null) {
        this._step(undefined);
        return;
      }
      const exc = rare.stepExc;
      rare.stepExc = undefined;
      this._step(exc);
      return;
    }
    let exc: unknown;
    try {
      future.result();
    } catch (error) {
      exc = error;
    }
    this._step(exc);
  }

  /** Schedule a step that throws `exc` in (or resumes, if `undefined`). */
  _scheduleStep(exc: unknown): void {
    this._stepExc = exc;
    this._loop._callSoonRunnable(this);
  }

  /** Python's `Task.__step`. */
  _step(exc: unknown): void {
    if (this._state !== _PENDING) {
      throw new InvalidStateError(`_step(): already done: ${this}, ${repr(exc)}`);
    }
    if ((this._flags & _MUST_CANCEL) !== 0) {
      if (!(exc instanceof CancelledError)) exc = this._makeCancelledError();
      this._flags &= ~_MUST_CANCEL;
    }
    this._futWaiter = null;
    const loop = this._loop;
    if (loop._currentTask !== null) {
      throw new RuntimeError(
        `Cannot enter into task ${this} while another task ${loop._currentTask} is being executed.`,
      );
    }
    loop._currentTask = this;
    if (_nameProbe.enabled && loop.getDebug() && !coroutineNames.has(this)) _nameProbe.task = this;
    try {
      this._stepRunAndHandleResult(exc);
    } finally {
      loop._currentTask = null;
      _nameProbe.task = null;
    }
  }

  private _stepRunAndHandleResult(exc: unknown): void {
    let step: IteratorResult<Yielded, T>;
    try {
      const coro = this._coro;
      // A generator that had the built-in `next` when the task was made is stepped by
      // calling that directly: reading `coro.next` meets a different shape for each
      // generator function (CPython's C task calls the type's `am_send` slot too).
      if (exc !== undefined) step = coro.throw(exc);
      else step = (this._flags & _GENERATOR) !== 0 ? (_generatorNext.call(coro) as IteratorResult<Yielded, T>) : coro.next();
    } catch (error) {
      if (error instanceof CancelledError) {
        // Kept so that result() rethrows the coroutine's own error.
        this._cancelledExc = error;
        super.cancel();
      } else {
        if (error !== exc) failedInOwnCoroutine.add(this);
        super.setException(error ?? new TypeError(`coroutine threw ${repr(error)}`));
      }
      removePending(this);
      return;
    }
    if (step.done) {
      if ((this._flags & _MUST_CANCEL) !== 0) {
        // Cancelled right before the coroutine returned.
        this._flags &= ~_MUST_CANCEL;
        super.cancel(this._cancelMessage);
      } else {
        super.setResult(step.value);
      }
      removePending(this);
      return;
    }
    const result = step.value;
    if (result instanceof Future) {
      if (result._loop !== this._loop) {
        this._scheduleStep(new RuntimeError(`Task ${this} got Future ${result} attached to a different loop`));
      } else if ((result._flags & _BLOCKING) === 0) {
        this._scheduleStep(
          new RuntimeError(`yield was used instead of yield* in task ${this} with ${result}`),
        );
      } else if (result === this) {
        this._scheduleStep(new RuntimeError(`Task cannot await on itself: ${this}`));
      } else {
        result._flags &= ~_BLOCKING;
        result._addWaiter(this);
        this._futWaiter = result;
        if ((this._flags & _MUST_CANCEL) !== 0 && result.cancel(this._cancelMessage)) this._flags &= ~_MUST_CANCEL;
      }
    } else if (result === undefined) {
      // A bare yield gives up the loop for one iteration.
      this._scheduleStep(undefined);
    } else {
      this._scheduleStep(new RuntimeError(badYieldMessage(this, result)));
    }
  }

  /** Debug mode: learn the coroutine's name from the stack of its first wait (see `_coroutineName`). */
  _probeCoroutineName(): void {
    _nameProbe.task = null;
    // Deep `yield*` chains need more than V8's default 10 frames to reach `_step`.
    const errorClass = Error as { stackTraceLimit?: number };
    const limit = errorClass.stackTraceLimit;
    errorClass.stackTraceLimit = 100;
    const stack = new Error().stack;
    if (limit === undefined) delete errorClass.stackTraceLimit;
    else errorClass.stackTraceLimit = limit;
    const name = typeof stack === "string" ? coroutineNameFromStack(stack) : null;
    if (name !== null) coroutineNames.set(this, name);
  }
}

function badYieldMessage(task: Task<unknown>, value: unknown): string {
  if (isCoroutine(value)) {
    return `yield was used instead of yield* for generator in task ${task} with ${repr(value)}`;
  }
  let message = `Task got bad yield: ${repr(value)}`;
  if (typeof (value as { then?: unknown } | null)?.then === "function") {
    message += " (a Promise is not awaitable in a coroutine: wrap it in a Future)";
  }
  return message;
}

/**
 * Wrap `coro` in a Task scheduled on the running loop, and return it (Python:
 * `asyncio.create_task`). The coroutine starts when the caller next yields to the loop.
 *
 * - No running loop: `RuntimeError('no running event loop')`.
 * - `coro` is not a coroutine: `TypeError`.
 */
export function createTask<T>(coro: Coroutine<T>, options?: { name?: string | null }): Task<T> {
  const loop = getRunningLoop();
  const task = loop.createTask(coro);
  if (options?.name !== undefined && options.name !== null) task.setName(options.name);
  return task;
}

/** The task running on `loop` (default: the running loop), or `null` outside any task (Python: `asyncio.current_task`). */
export function currentTask(loop?: AbstractEventLoop): Task<unknown> | null {
  return (loop ?? getRunningLoop())._currentTask;
}

/** The tasks of `loop` (default: the running loop) that are not done yet (Python: `asyncio.all_tasks`). */
export function allTasks(loop?: AbstractEventLoop): Set<Task<unknown>> {
  const target = loop ?? getRunningLoop();
  const result = new Set<Task<unknown>>();
  for (const task of pendingIterator()) if (task._loop === target && task._state === _PENDING) result.add(task);
  return result;
}

/** Forget the pending tasks of a closed loop: they can never run. */
export function _forgetTasks(loop: AbstractEventLoop): void {
  for (const task of pendingIterator()) if (task._loop === loop) removePending(task);
}

/**
 * A Future for `aw` (Python: `asyncio.ensure_future`): a Future or Task is returned as
 * is; a coroutine is wrapped in a new Task; another awaitable, in a Task awaiting it.
 *
 * - Not awaitable: `TypeError` naming it.
 * - A future of a loop other than `loop`: `ValueError`.
 */
export function ensureFuture<T>(aw: Awaitable<T>, loop?: AbstractEventLoop | null): Future<T> {
  if (isFuture(aw)) {
    if (loop !== undefined && loop !== null && loop !== aw._loop) {
      throw new ValueError("The future belongs to a different loop than the one specified as the loop argument");
    }
    return aw as Future<T>;
  }
  let coro: Coroutine<T>;
  let shouldClose = true;
  if (isCoroutine(aw)) {
    coro = aw as Coroutine<T>;
  } else if (isAwaitable(aw)) {
    coro = wrapAwaitable(aw);
    shouldClose = false;
  } else {
    throw new TypeError(`An asyncio.Future, a coroutine or an awaitable is required, got ${repr(aw)}`);
  }
  const target = loop ?? getEventLoop();
  try {
    return target.createTask(coro);
  } catch (error) {
    if (shouldClose && error instanceof RuntimeError) coro.return(undefined as T);
    throw error;
  }
}

function* wrapAwaitable<T>(aw: Awaitable<T>): Coroutine<T> {
  return yield* aw;
}

const YIELD_NOTHING: IteratorYieldResult<undefined> = Object.freeze({ done: false, value: undefined });
/** `sleep(0)`'s return, shared: the common `sleep(0)` returns nothing, and allocates nothing for it. */
const DONE_NOTHING: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * `sleep(0)`: one bare yield, the cheapest way to let the loop run everything else
 * that is ready. A hand-written iterator rather than a generator: it is smaller and
 * faster, and `sleep(0)` is the hot path of cooperative code.
 */
class Sleep0<T> implements Iterator<Yielded, T, unknown> {
  private _state = 0;
  private readonly _result: T;

  constructor(result: T) {
    this._result = result;
  }

  /** Whether it was ever stepped (see `coroutineStarted`). */
  get _started(): boolean {
    return this._state !== 0;
  }

  next(): IteratorResult<Yielded, T> {
    if (this._state === 0) {
      this._state = 1;
      if (_nameProbe.task !== null) _nameProbe.task._probeCoroutineName();
      if (_waitWatched.on) _taskWaiting(_getRunningLoop());
      return YIELD_NOTHING;
    }
    this._state = 2;
    const result = this._result;
    return result === undefined ? (DONE_NOTHING as IteratorReturnResult<T>) : { done: true, value: result };
  }

  throw(error: unknown): IteratorResult<Yielded, T> {
    this._state = 2;
    throw error;
  }

  return(value: T): IteratorResult<Yielded, T> {
    this._state = 2;
    return { done: true, value };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

const NO_ARGS: readonly unknown[] = Object.freeze([]);

/**
 * `sleep(delay)` with `delay > 0`: await a future that a timer sets. The iterator is
 * the timer handle itself, so a sleeping task costs one object here, not an iterator,
 * a handle and an arguments array. Until the first `next()`, `_when` holds the delay.
 */
class SleepHandle<T> extends TimerHandle implements Iterator<Yielded, T, unknown> {
  private readonly _result: T;
  private _future: Future<T> | null = null;
  private _started = false;

  constructor(delay: number, result: T) {
    // The loop is only known once the coroutine runs.
    super(delay, _setResultUnlessCancelled, NO_ARGS, null as unknown as AbstractEventLoop);
    this._result = result;
  }

  next(): IteratorResult<Yielded, T> {
    if (!this._started) return this._start();
    const future = this._future;
    if (future === null) return { done: true, value: undefined as T };
    this._finish();
    if (future._state === _PENDING) throw new RuntimeError("await wasn't used with future");
    return { done: true, value: future.result() };
  }

  private _start(): IteratorResult<Yielded, T> {
    this._started = true;
    const delay = this._when;
    if (typeof delay !== "number") throw new TypeError(`delay must be a number, not ${repr(delay)}`);
    if (Number.isNaN(delay)) throw new ValueError("Invalid delay: NaN (not a number)");
    const loop = getRunningLoop();
    const future = loop.createFuture<T>();
    this._loop = loop;
    this._when = loop.time() + delay;
    loop._scheduleTimer(this);
    this._future = future;
    noteWait(future, this, delay);
    if (_nameProbe.task !== null) _nameProbe.task._probeCoroutineName();
    if (_waitWatched.on) _taskWaiting(loop);
    future._flags |= _BLOCKING;
    return { done: false, value: future };
  }

  throw(error: unknown): IteratorResult<Yielded, T> {
    this._finish();
    throw error;
  }

  return(value: T): IteratorResult<Yielded, T> {
    this._finish();
    return { done: true, value };
  }

  /** Drop the timer (it may have fired already); the iterator is exhausted from now on. */
  private _finish(): void {
    if (this._future !== null) this.cancel();
    this._future = null;
    this._started = true;
  }

  /** The timer's callback: `_setResultUnlessCancelled(future, result)`. */
  override _run(): void {
    if (this._cancelled || this._future === null) return;
    _setResultUnlessCancelled(this._future, this._result);
  }

  protected override _reprInfo(): string[] {
    const info = super._reprInfo();
    if (!this._cancelled) info[info.length - 1] = formatCallback(_setResultUnlessCancelled, [this._future, this._result]);
    return info;
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/**
 * Suspend the current task for `delay` seconds, then return `result` (Python:
 * `asyncio.sleep`).
 *
 * - `delay <= 0`: yields to the loop exactly once (one bare yield, no timer), so
 *   every other ready callback runs first.
 * - NaN: `ValueError('Invalid delay: NaN (not a number)')`; not a number: `TypeError`.
 * - Cancelled while sleeping: throws `CancelledError` and drops its timer.
 *
 * @example
 * ```ts
 * const value = yield* asyncio.sleep(0.5, "late"); // "late", half a second later
 * ```
 */
export function sleep(delay: number): Coroutine<void>;
export function sleep<T>(delay: number, result: T): Coroutine<T>;
export function sleep<T>(delay: number, result?: T): Coroutine<T | undefined> {
  // Like Python's `async def sleep`, a bad delay throws when awaited, not here.
  const iterator = typeof delay === "number" && delay <= 0 ? new Sleep0(result) : new SleepHandle(delay, result);
  if (_creationsWatched.on) _coroutineCreated(_getRunningLoop(), iterator);
  return iterator as unknown as Coroutine<T | undefined>;
}

/** The options `gather()` takes as its last argument. */
export interface GatherOptions {
  /** Deliver exceptions as results instead of failing on the first one (default `false`). */
  returnExceptions?: boolean;
}

/** The results of `gather(...aws)`, in argument order. */
export type GatherResults<A extends readonly unknown[]> = { -readonly [K in keyof A]: AwaitedOf<A[K]> };

/** The results of `gather(...aws, { returnExceptions: true })`: a result or the error, per argument. */
export type GatherResultsOrErrors<A extends readonly unknown[]> = {
  -readonly [K in keyof A]: AwaitedOf<A[K]> | Error;
};

/**
 * The future `gather()` returns: cancelling it cancels the children that are not done
 * (Python: `_GatheringFuture`).
 */
class GatheringFuture<T> extends Future<T> {
  _children: Future<unknown>[];
  _cancelRequested = false;

  constructor(children: Future<unknown>[], loop: AbstractEventLoop) {
    super({ loop });
    this._children = children;
  }

  override _className(): string {
    return "_GatheringFuture";
  }

  /**
   * Cancel every child that is not done; returns `true` if any was. The gathering
   * future itself ends cancelled once the children are done.
   */
  override cancel(msg?: unknown): boolean {
    if (this._state !== _PENDING) return false;
    let cancelled = false;
    for (const child of this._children) if (child.cancel(msg)) cancelled = true;
    // A child cancelled on our behalf must cancel the gather, whatever returnExceptions says.
    if (cancelled) this._cancelRequested = true;
    return cancelled;
  }
}

/**
 * Run awaitables concurrently and collect their results, in argument order (Python:
 * `asyncio.gather`). Coroutines are wrapped in tasks, scheduled in argument order.
 * The last argument may be `{ returnExceptions: true }`.
 *
 * - All succeed: the future's result is the list of results.
 * - One fails (and `returnExceptions` is not set): the future fails with that error at
 *   once; the other children keep running.
 * - `returnExceptions`: errors (and `CancelledError` for cancelled children) take
 *   their place in the list.
 * - Cancelling the returned future cancels the children not yet done; it then ends
 *   cancelled. A child cancelled by itself counts as having failed with
 *   `CancelledError`, and does not cancel the others.
 * - No awaitables: a future already finished with `[]`.
 *
 * @example
 * ```ts
 * const [a, b] = yield* asyncio.gather(fetch("a"), fetch("b"));
 * const results = yield* asyncio.gather(ok(), fails(), { returnExceptions: true });
 * ```
 */
export function gather<A extends readonly Awaitable<unknown>[]>(...aws: A): Future<GatherResults<A>>;
export function gather<A extends readonly Awaitable<unknown>[]>(
  ...args: [...A, GatherOptions & { returnExceptions: true }]
): Future<GatherResultsOrErrors<A>>;
export function gather<A extends readonly Awaitable<unknown>[]>(
  ...args: [...A, GatherOptions]
): Future<GatherResults<A> | GatherResultsOrErrors<A>>;
export function gather(...args: unknown[]): Future<unknown[]> {
  let returnExceptions = false;
  const last = args[args.length - 1];
  if (args.length > 0 && isGatherOptions(last)) {
    returnExceptions = last.returnExceptions === true;
    args = args.slice(0, -1);
  }
  if (args.length === 0) {
    const outer = getEventLoop().createFuture<unknown[]>();
    outer.setResult([]);
    return outer;
  }

  let outer: GatheringFuture<unknown[]> | null = null;
  const children: Future<unknown>[] = [];
  let nfuts = 0;
  let nfinished = 0;

  const doneCallback = (fut: Future<unknown>): void => {
    nfinished += 1;
    if (outer === null || outer.done()) {
      // Mark the exception retrieved: nobody else will look at it.
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(fut._makeCancelledError());
        return;
      }
      const exc = fut.exception();
      if (exc !== null) {
        outer.setException(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results: unknown[] = [];
      for (const child of children) {
        if (child.cancelled()) {
          results.push(new CancelledError(child._cancelMessage == null ? "" : String(child._cancelMessage)));
        } else {
          const exc = child.exception();
          results.push(exc !== null ? exc : child.result());
        }
      }
      if (outer._cancelRequested) {
        // Cancelling the gather cancels it whatever returnExceptions says.
        outer.setException(fut._makeCancelledError());
      } else {
        outer.setResult(results);
      }
    }
  };

  const argToFut = new Map<unknown, Future<unknown>>();
  const doneFuts: Future<unknown>[] = [];
  let loop: AbstractEventLoop | null = null;
  for (const arg of args) {
    let fut = argToFut.get(arg);
    if (fut === undefined) {
      fut = ensureFuture(arg as Awaitable<unknown>, loop);
      if (loop === null) loop = fut._loop;
      nfuts += 1;
      argToFut.set(arg, fut);
      if (fut.done()) doneFuts.push(fut);
      else fut.addDoneCallback(doneCallback);
    }
    children.push(fut);
  }
  outer = new GatheringFuture<unknown[]>(children, loop!);
  // Futures already done report now, so that an all-done gather is done at once.
  for (const fut of doneFuts) doneCallback(fut);
  return outer;
}

function isGatherOptions(value: unknown): value is GatherOptions {
  return (
    typeof value === "object" &&
    value !== null &&
    !isAwaitable(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/** `wait()` returns when any future finishes or is cancelled. */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/** `wait()` returns when any future fails (with an exception; cancelled does not count), or all are done. */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/** `wait()` returns when all futures are done. */
export const ALL_COMPLETED = "ALL_COMPLETED";
/** When `wait()` returns. */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** The options of `wait()`. */
export interface WaitOptions {
  /** Seconds to wait at most; `null`/absent waits as long as needed. No `TimeoutError`: pending futures come back pending. */
  timeout?: number | null;
  /** When to return (default `ALL_COMPLETED`). */
  returnWhen?: ReturnWhen;
}

/**
 * Wait for futures or tasks until `returnWhen` says so or `timeout` expires, and
 * return `[done, pending]` (Python: `asyncio.wait`). The futures are not cancelled.
 *
 * - Not an iterable of futures, or a coroutine among them: `TypeError` (wrap
 *   coroutines in tasks first).
 * - Empty: `ValueError('Set of Tasks/Futures is empty.')`.
 *
 * @example
 * ```ts
 * const [done, pending] = yield* asyncio.wait([t1, t2], { returnWhen: asyncio.FIRST_COMPLETED });
 * ```
 */
export function* wait<F extends Future<unknown>>(
  fs: Iterable<F>,
  options: WaitOptions = {},
): Coroutine<[Set<F>, Set<F>]> {
  if (isFuture(fs) || isCoroutine(fs) || typeof (fs as Partial<Iterable<F>>)?.[Symbol.iterator] !== "function") {
    throw new TypeError(`expect a list of futures, not ${repr(fs)}`);
  }
  const set = new Set(fs);
  if (set.size === 0) throw new ValueError("Set of Tasks/Futures is empty.");
  const returnWhen = options.returnWhen ?? ALL_COMPLETED;
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new ValueError(`Invalid return_when value: ${String(returnWhen)}`);
  }
  for (const f of set) {
    if (isCoroutine(f)) throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
    if (!isFuture(f)) throw new TypeError(`expect a list of futures, got ${repr(f)} in it`);
  }
  const loop = getRunningLoop();
  return yield* waitInternal(set, options.timeout ?? null, returnWhen, loop);
}

function* waitInternal<F extends Future<unknown>>(
  fs: Set<F>,
  timeoutSeconds: number | null,
  returnWhen: ReturnWhen,
  loop: AbstractEventLoop,
): Coroutine<[Set<F>, Set<F>]> {
  const waiter = loop.createFuture<void>();
  noteWait(waiter, fs, "wait");
  let timeoutHandle: TimerHandle | null = null;
  if (timeoutSeconds !== null) timeoutHandle = loop.callLater(timeoutSeconds, releaseWaiter, waiter);
  let counter = fs.size;

  const onCompletion = (f: Future<unknown>): void => {
    counter -= 1;
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== null)
    ) {
      timeoutHandle?.cancel();
      if (!waiter.done()) waiter.setResult(undefined);
    }
  };

  for (const f of fs) f.addDoneCallback(onCompletion);
  try {
    yield* waiter;
  } finally {
    timeoutHandle?.cancel();
    for (const f of fs) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<F>();
  const pending = new Set<F>();
  for (const f of fs) (f.done() ? done : pending).add(f);
  return [done, pending];
}

function releaseWaiter(waiter: Future<void>): void {
  if (!waiter.done()) waiter.setResult(undefined);
}

/**
 * Wait for `aw` with a deadline (Python 3.12's `asyncio.wait_for`, built on `timeout()`).
 *
 * - Done in time: returns its result (or throws its exception).
 * - Timed out: cancels it, waits for it to end, then throws `TimeoutError` (with the
 *   `CancelledError` as `cause`). A coroutine is awaited in the current task, not
 *   wrapped in a new one, so cancelling means cancelling the current task's wait.
 * - `timeout` is `null`: waits as long as needed.
 * - `timeout <= 0`: the awaitable does not start; it is cancelled at once (unless it
 *   is already done) and `TimeoutError` is thrown.
 * - The wait itself cancelled: `aw` is cancelled too.
 */
export function* waitFor<T>(aw: Awaitable<T>, timeoutSeconds: number | null): Coroutine<T> {
  if (!isAwaitable(aw)) {
    throw new TypeError(`An asyncio.Future, a coroutine or an awaitable is required, got ${repr(aw)}`);
  }
  if (timeoutSeconds !== null && timeoutSeconds <= 0) {
    const fut = ensureFuture(aw);
    if (fut.done()) return fut.result();
    yield* cancelAndWait(fut);
    try {
      return fut.result();
    } catch (error) {
      if (error instanceof CancelledError) throw new TimeoutError(undefined, { cause: error });
      throw error;
    }
  }
  return yield* timeout(timeoutSeconds, function* () {
    return yield* aw;
  });
}

/** Cancel `fut` and wait until it is done, itself staying cancellable. */
function* cancelAndWait(fut: Future<unknown>): Coroutine<void> {
  const loop = getRunningLoop();
  const waiter = loop.createFuture<void>();
  const callback = () => releaseWaiter(waiter);
  fut.addDoneCallback(callback);
  try {
    fut.cancel();
    // Not `yield* fut`: waiting on the waiter keeps this wait cancellable.
    yield* waiter;
  } finally {
    fut.removeDoneCallback(callback);
  }
}

/**
 * Protect `aw` from cancellation (Python: `asyncio.shield`): cancelling the task that
 * awaits `shield(aw)` throws `CancelledError` in that task, but `aw` keeps running.
 * If `aw` itself is cancelled, so is the shield.
 *
 * @example
 * ```ts
 * const task = asyncio.createTask(save());
 * try {
 *   yield* asyncio.shield(task);
 * } catch (e) {
 *   if (!(e instanceof asyncio.CancelledError)) throw e;
 *   // we were cancelled; `task` goes on
 * }
 * ```
 */
export function shield<T>(aw: Awaitable<T>): Future<T> {
  const inner = ensureFuture(aw);
  if (inner.done()) return inner;
  const outer = inner._loop.createFuture<T>();

  const innerDone = (fut: Future<T>): void => {
    if (outer.cancelled()) {
      // Mark inner's exception retrieved: nobody is left to look at it.
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (fut.cancelled()) {
      outer.cancel();
    } else {
      const exc = fut.exception();
      if (exc !== null) outer.setException(exc);
      else outer.setResult(fut.result());
    }
  };
  const outerDone = (): void => {
    if (!inner.done()) inner.removeDoneCallback(innerDone);
  };

  inner.addDoneCallback(innerDone);
  outer.addDoneCallback(outerDone);
  return outer;
}

/**
 * Iterate over awaitables in the order they complete (Python: `asyncio.as_completed`):
 * each item is a coroutine that waits for the next one to finish and returns its
 * result (or throws its exception). Nothing starts until iteration begins.
 *
 * - `timeout`: once it expires, every remaining item throws `TimeoutError`.
 * - A Future or coroutine passed instead of an iterable: `TypeError`.
 *
 * @example
 * ```ts
 * for (const next of asyncio.asCompleted([fetch("a"), fetch("b")])) {
 *   console.log(yield* next); // the fastest first
 * }
 * ```
 */
export function asCompleted<T>(
  fs: Iterable<Awaitable<T>>,
  options: { timeout?: number | null } = {},
): Iterable<Coroutine<T>> {
  if (isFuture(fs) || isCoroutine(fs)) throw new TypeError(`expect an iterable of futures, not ${repr(fs)}`);
  const generator = asCompletedIterator(fs, options.timeout ?? null);
  return { [Symbol.iterator]: () => generator };
}

function* asCompletedIterator<T>(fs: Iterable<Awaitable<T>>, timeoutSeconds: number | null): Generator<Coroutine<T>> {
  const loop = getEventLoop();
  // The "done" queue: completed futures, or null for a timeout (Python uses a Queue).
  const done: (Future<T> | null)[] = [];
  const getters: Future<void>[] = [];
  const todo = new Set<Future<T>>();
  for (const f of new Set(fs)) todo.add(ensureFuture(f, loop));
  let timeoutHandle: TimerHandle | null = null;

  const put = (item: Future<T> | null): void => {
    done.push(item);
    wakeupNext();
  };
  const wakeupNext = (): void => {
    while (getters.length > 0) {
      const getter = getters.shift()!;
      if (!getter.done()) {
        getter.setResult(undefined);
        break;
      }
    }
  };
  const onTimeout = (): void => {
    for (const f of todo) {
      f.removeDoneCallback(onCompletion);
      put(null);
    }
    todo.clear();
  };
  const onCompletion = (f: Future<T>): void => {
    if (todo.size === 0) return; // onTimeout was here first
    todo.delete(f);
    put(f);
    if (todo.size === 0 && timeoutHandle !== null) timeoutHandle.cancel();
  };
  function* waitForOne(): Coroutine<T> {
    while (done.length === 0) {
      const getter = loop.createFuture<void>();
      getters.push(getter);
      try {
        yield* getter;
      } catch (error) {
        getter.cancel();
        const index = getters.indexOf(getter);
        if (index >= 0) getters.splice(index, 1);
        if (done.length > 0 && !getter.cancelled()) wakeupNext();
        throw error;
      }
    }
    const f = done.shift()!;
    if (f === null) throw new TimeoutError();
    return f.result();
  }

  for (const f of todo) f.addDoneCallback(onCompletion);
  if (todo.size > 0 && timeoutSeconds !== null) timeoutHandle = loop.callLater(timeoutSeconds, onTimeout);
  const n = todo.size;
  for (let i = 0; i < n; i++) yield waitForOne();
}

