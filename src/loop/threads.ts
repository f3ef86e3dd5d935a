/**
 * Threads: `toThread()`, `loop.runInExecutor()`, the executor abstraction and the
 * default worker pool (CPython's `threads.py`, `concurrent.futures.ThreadPoolExecutor`
 * and the executor half of `base_events.py`).
 *
 * JavaScript threads share no memory of objects, so a function given to a thread
 * travels as its source text and runs in a worker's global scope; its arguments and
 * result travel by structured clone. This module is platform-free: the worker itself
 * comes from a registered `ThreadPlatform` (`node/threads.ts` on `worker_threads`,
 * `web/threads.ts` on Web Workers).
 */
import type { Coroutine } from "./coroutines.ts";
import { type AbstractEventLoop, getRunningLoop } from "./events.ts";
import { CancelledError, InvalidStateError, RuntimeError, ValueError } from "./exceptions.ts";
import { errorName, functionName } from "./format-helpers.ts";
import type { Future } from "./futures.ts";
import { logger } from "./log.ts";

/**
 * Run `fn(...args)` in a worker thread and return its result (Python:
 * `asyncio.to_thread`): a coroutine, so nothing starts until it is awaited or wrapped
 * in a task. The loop goes on serving other tasks meanwhile; this is how blocking or
 * CPU-heavy code stays off the loop. It uses the loop's default executor, a pool of at
 * most `min(32, cpus + 4)` workers.
 *
 * `fn` must be self-contained, because it is sent as source text:
 * - it may use its parameters and globals (`Atomics`, `crypto`, `fetch`; under Node
 *   also `require` and `process`), not variables of the code around it; one that does
 *   fails with the thread's `ReferenceError`, with a hint;
 * - a native or bound function cannot be sent: `TypeError`, at once;
 * - arguments and result are structured-cloned: a function, a symbol or an object
 *   with methods among them fails with `DataCloneError`.
 * An `async` function is awaited in the thread. Errors keep their name, message and
 * stack (the thread's).
 *
 * Cancelling the awaiting task cancels the Future at once, as in asyncio, but a call
 * that has started is not interrupted: the thread runs it to the end and the result is
 * dropped. A call still queued for a free worker never starts.
 *
 * @example
 * ```ts
 * function fib(n: number): number {
 *   return n < 2 ? n : fib(n - 1) + fib(n - 2); // a named function may call itself
 * }
 * function* main(): asyncio.Coroutine<void> {
 *   const [result] = yield* asyncio.gather(asyncio.toThread(fib, 30), ticker());
 *   console.log(result); // 832040, while ticker() kept ticking
 * }
 * ```
 */
export function* toThread<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Coroutine<Awaited<R>> {
  const loop = getRunningLoop();
  return (yield* loop.runInExecutor(null, fn, ...args)) as Awaited<R>;
}

// The executor abstraction.

/**
 * Runs functions and hands back their outcome as a `ConcurrentFuture` (Python:
 * `concurrent.futures.Executor`). `ThreadPoolExecutor` is the one this library
 * provides; `loop.runInExecutor(executor, fn, ...args)` accepts any.
 */
export interface Executor {
  /** Schedule `fn(...args)`. After `shutdown()`: `RuntimeError`. */
  submit<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): ConcurrentFuture<Awaited<R>>;
  /**
   * Accept no more work. Queued calls still run unless `cancelFutures`; the promise
   * settles when every worker is gone (at once if `wait` is false).
   */
  shutdown(options?: { wait?: boolean; cancelFutures?: boolean }): Promise<void>;
}

const PENDING = 0;
const RUNNING = 1;
const CANCELLED = 2;
const FINISHED = 3;

/**
 * The outcome of a call handed to an executor (Python: `concurrent.futures.Future`):
 * pending (queued), running, then finished or cancelled. Only a pending call can be
 * cancelled. Done callbacks run synchronously when it completes, in the executor's
 * own callback (wrap it with `loop.runInExecutor()` to await it).
 */
export class ConcurrentFuture<T> {
  private _state = PENDING;
  private _result: T | undefined = undefined;
  private _exception: unknown = null;
  private _callbacks: ((future: ConcurrentFuture<T>) => void)[] = [];

  /** `<ConcurrentFuture running>`. */
  toString(): string {
    return `<ConcurrentFuture ${["pending", "running", "cancelled", "finished"][this._state]}>`;
  }

  /** Cancel a pending call: `true` if it is (or already was) cancelled, `false` if running or done. */
  cancel(): boolean {
    if (this._state === RUNNING || this._state === FINISHED) return false;
    if (this._state === CANCELLED) return true;
    this._state = CANCELLED;
    this._invokeCallbacks();
    return true;
  }

  /** `true` if the call was cancelled before it started. */
  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /** `true` while a worker runs the call. */
  running(): boolean {
    return this._state === RUNNING;
  }

  /** `true` once finished or cancelled. */
  done(): boolean {
    return this._state === CANCELLED || this._state === FINISHED;
  }

  /**
   * The result, or the call's exception thrown. Cancelled: `CancelledError`. Not done:
   * `InvalidStateError` (Python's would block; a thread here cannot).
   */
  result(): T {
    if (this._state === CANCELLED) throw new CancelledError();
    if (this._state !== FINISHED) throw new InvalidStateError("Result is not set.");
    if (this._exception !== null) throw this._exception;
    return this._result as T;
  }

  /** The exception or `null`. Cancelled: `CancelledError`. Not done: `InvalidStateError`. */
  exception(): unknown {
    if (this._state === CANCELLED) throw new CancelledError();
    if (this._state !== FINISHED) throw new InvalidStateError("Exception is not set.");
    return this._exception;
  }

  /** Call `fn(future)` when done (at once if already done). */
  addDoneCallback(fn: (future: ConcurrentFuture<T>) => void): void {
    if (this.done()) fn(this);
    else this._callbacks.push(fn);
  }

  /** The executor starts the call: `false` if it was cancelled meanwhile (then skip it). */
  setRunningOrNotifyCancel(): boolean {
    if (this._state === CANCELLED) return false;
    if (this._state !== PENDING) throw new InvalidStateError("future in unexpected state");
    this._state = RUNNING;
    return true;
  }

  /** The executor finishes the call with `result` and runs the callbacks. Already done: `InvalidStateError`. */
  setResult(result: T): void {
    if (this.done()) throw new InvalidStateError("invalid state");
    this._result = result;
    this._state = FINISHED;
    this._invokeCallbacks();
  }

  /** The executor finishes the call with `exception` and runs the callbacks. Already done: `InvalidStateError`. */
  setException(exception: unknown): void {
    if (this.done()) throw new InvalidStateError("invalid state");
    this._exception = exception;
    this._state = FINISHED;
    this._invokeCallbacks();
  }

  private _invokeCallbacks(): void {
    const callbacks = this._callbacks;
    this._callbacks = [];
    for (const fn of callbacks) {
      try {
        fn(this);
      } catch (error) {
        logger.error(`exception calling callback for ${String(this)}\n${String(error)}`);
      }
    }
  }
}

/**
 * An asyncio Future on `loop` that follows `source` (Python: `asyncio.wrap_future`).
 * Its outcome is copied over through `callSoonThreadsafe`; cancelling it cancels
 * `source`, which stops a call that has not started, and only that.
 */
export function wrapFuture<T>(source: ConcurrentFuture<T>, loop: AbstractEventLoop): Future<T> {
  const destination = loop.createFuture<T>();
  destination.addDoneCallback(() => {
    if (destination.cancelled()) source.cancel();
  });
  source.addDoneCallback(() => {
    if (loop.isClosed()) return;
    loop.callSoonThreadsafe(copyState, source, destination);
  });
  return destination;
}

function copyState<T>(source: ConcurrentFuture<T>, destination: Future<T>): void {
  if (destination.cancelled()) return;
  if (source.cancelled()) {
    destination.cancel();
    return;
  }
  const exception = source.exception();
  if (exception !== null) destination.setException(exception);
  else destination.setResult(source.result());
}

// Sending functions to workers.

/** Arguments or a result that structured clone cannot copy (a function, a symbol, an object with methods...). */
export class DataCloneError extends Error {
  static {
    this.prototype.name = "DataCloneError";
  }
}

const CLONE_HINT =
  "arguments and results travel by structured clone: primitives, plain objects and arrays, Map, Set, Date, RegExp, " +
  "ArrayBuffer and typed arrays, and errors can; functions, symbols, and class instances (their methods) cannot";

/**
 * The source text of `fn`, as an expression a worker can evaluate.
 * Native and bound functions have none, and a class is not a call: `TypeError`.
 */
export function functionSource(fn: unknown): string {
  if (typeof fn !== "function") throw new TypeError(`a function is required, got ${typeof fn}`);
  const source = Function.prototype.toString.call(fn);
  const name = functionName(fn);
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) {
    throw new TypeError(
      `${name}() cannot run in a worker thread: it is a native or bound function, whose source is not available. ` +
        "Pass a plain function written in your program (bind arguments by passing them to toThread() instead).",
    );
  }
  if (/^class\b/.test(source)) throw new TypeError(`${name} is a class, not a function to call in a worker thread`);
  // A method (`name(a) {}`, `async *name() {}`) is not an expression on its own.
  if (!/^(?:async\s*)?(?:function\b|\(|[\p{L}_$][\p{L}\p{N}_$]*\s*=>)/u.test(source)) {
    const head = /^(async\s+)?(\*\s*)?/.exec(source)!;
    return `${head[1] ?? ""}function${head[2] ? "*" : ""} ${source.slice(head[0].length)}`;
  }
  return source;
}

/** An error thrown in a worker, as it crosses back. */
interface SentError {
  isError: boolean;
  /** A thrown non-Error value. */
  value?: unknown;
  name?: string;
  message?: string;
  stack?: string;
  /** The error's own properties (`code`, `errno`...). */
  props?: Record<string, unknown>;
  /** `"compile"` if the function's source did not compile. */
  phase?: string;
}

/** A message from a worker: the outcome of job `id`. */
interface JobOutcome {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: SentError;
}

const ERROR_CLASSES: Record<string, new (message?: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  ReferenceError,
  SyntaxError,
  EvalError,
  URIError,
};

/** The worker's error, rebuilt here: its class when it is a built-in one, else an `Error` with its `name`. */
function reviveError(sent: SentError, fnName: string): unknown {
  if (!sent.isError) return sent.value;
  const name = sent.name ?? "Error";
  let message = sent.message ?? "";
  if (sent.phase === "compile") {
    message = `${fnName}() could not be compiled in the worker thread from its source text: ${message}`;
  } else if (name === "ReferenceError") {
    const missing = /^(\S+) is not defined$/.exec(message);
    if (missing) {
      message +=
        ` (${fnName}() runs in a worker thread from its source text, where the variables around it do not exist:` +
        ` pass ${missing[1]} as an argument, or define it inside the function)`;
    }
  } else if (name === "DataCloneError") {
    message = `the result of ${fnName}() could not be sent back from the worker thread: ${message}; ${CLONE_HINT}`;
  }
  const Class = name === "DataCloneError" ? DataCloneError : (ERROR_CLASSES[name] ?? Error);
  const error = new Class(message);
  if (error.name !== name) Object.defineProperty(error, "name", { value: name, writable: true, configurable: true });
  const stack = sent.stack ?? "";
  // The thread's frames, under this error's own first line.
  const frames = stack.split("\n").filter((line) => /^\s+at\s/.test(line));
  error.stack = [`${name}: ${message}`, ...frames].join("\n");
  if (sent.props) Object.assign(error, sent.props);
  return error;
}

/**
 * The code a pool worker runs, after the platform's prelude has defined
 * `post(message)` and `onJob(handler)`. Functions are compiled once per source text.
 */
export const WORKER_BODY = `
"use strict";
const compiled = new Map();
// A prelude may define loadSource (browsers: a blob module, which a Content-Security-Policy
// without 'unsafe-eval' allows); else the source is evaluated.
function compile(source) {
  let fn = compiled.get(source);
  if (fn === undefined) {
    fn = typeof loadSource === "function" ? loadSource(source) : (0, eval)("(" + source + "\\n)");
    compiled.set(source, fn);
  }
  return fn;
}
function sendable(value) {
  try { structuredClone(value); return true; } catch { return false; }
}
function describe(error, phase) {
  if (!(error instanceof Error)) {
    return sendable(error) ? { isError: false, value: error } : { isError: true, name: "Error", message: String(error) };
  }
  let name = error.name;
  if (name === "Error" && error.constructor && error.constructor.name) name = error.constructor.name;
  const props = {};
  for (const key of Object.keys(error)) if (sendable(error[key])) props[key] = error[key];
  return { isError: true, name, message: String(error.message), stack: String(error.stack || ""), props, phase };
}
onJob(async (job) => {
  let fn;
  try {
    fn = await compile(job.source);
  } catch (error) {
    post({ id: job.id, ok: false, error: describe(error, "compile") });
    return;
  }
  let outcome;
  try {
    outcome = { id: job.id, ok: true, value: await fn(...job.args) };
  } catch (error) {
    outcome = { id: job.id, ok: false, error: describe(error, "call") };
  }
  try {
    post(outcome);
  } catch (error) {
    post({ id: job.id, ok: false, error: { isError: true, name: "DataCloneError", message: String(error && error.message) } });
  }
});
`;

// The platform and the pool.

/** A worker thread as the pool drives it. */
export interface WorkerThread {
  /** Send a message by structured clone; throws (a `DataCloneError`) if it cannot be cloned. */
  postMessage(message: unknown): void;
  /** Busy workers keep the host alive (Node: `ref()`); idle ones must not (`unref()`). */
  setBusy(busy: boolean): void;
  /** Stop the worker; resolves when it is gone. */
  terminate(): Promise<unknown> | void;
}

/** What the pool's workers run on: `worker_threads` or Web Workers. */
export interface ThreadPlatform {
  /** For messages: `"worker_threads"`, `"Web Worker"`. */
  readonly name: string;
  /** Logical processors, for the default pool size. */
  cpuCount(): number;
  /**
   * Start a worker running the platform's prelude then `WORKER_BODY`. `onMessage` gets
   * each message it posts; `onFailure` an error that killed it (or its exit).
   */
  spawn(onMessage: (message: unknown) => void, onFailure: (error: Error) => void): WorkerThread;
}

let platform: ThreadPlatform | null = null;

/** Use `next` for the pools created from now on; returns the previous platform. */
export function setThreadPlatform(next: ThreadPlatform | null): ThreadPlatform | null {
  const previous = platform;
  platform = next;
  return previous;
}

/** The registered platform; none: `RuntimeError` (import the library as `asyncio`, whose entry registers one). */
export function getThreadPlatform(): ThreadPlatform {
  if (platform === null) {
    throw new RuntimeError(
      "no thread platform is registered: import the library as 'asyncio' (its package entry registers one), or call setThreadPlatform()",
    );
  }
  return platform;
}

interface WorkItem {
  id: number;
  future: ConcurrentFuture<unknown>;
  source: string;
  args: unknown[];
  fnName: string;
}

interface PoolWorker {
  thread: WorkerThread;
  job: WorkItem | null;
}

let nextJobId = 0;

/**
 * A bounded pool of worker threads (Python: `concurrent.futures.ThreadPoolExecutor`).
 * Workers start on demand, one per call until `maxWorkers` exist; then calls queue
 * and run in submission order as workers free up. Idle workers do not keep the host
 * alive. A worker that dies (an uncaught error in a timer it started, `process.exit`)
 * fails its call and is replaced on demand.
 */
export class ThreadPoolExecutor implements Executor {
  /** The most workers at once. */
  readonly maxWorkers: number;
  private readonly _platform: ThreadPlatform;
  private readonly _workers = new Set<PoolWorker>();
  private readonly _idle: PoolWorker[] = [];
  private _queue: WorkItem[] = [];
  private _shutdown = false;
  private _exited: (() => void) | null = null;

  /**
   * @param options.maxWorkers - default `min(32, cpus + 4)`, as in Python; `<= 0`: `ValueError`.
   * @param options.platform - default: the registered one (`RuntimeError` if none).
   */
  constructor(options: { maxWorkers?: number; platform?: ThreadPlatform } = {}) {
    this._platform = options.platform ?? getThreadPlatform();
    const maxWorkers = options.maxWorkers ?? Math.min(32, this._platform.cpuCount() + 4);
    if (!(maxWorkers > 0)) throw new ValueError("max_workers must be greater than 0");
    this.maxWorkers = maxWorkers;
  }

  /** `<ThreadPoolExecutor workers=2/6 queued=0>`. */
  toString(): string {
    return `<ThreadPoolExecutor workers=${this._workers.size}/${this.maxWorkers} queued=${this._queue.length}>`;
  }

  /**
   * Schedule `fn(...args)` on a worker.
   *
   * - After `shutdown()`: `RuntimeError('cannot schedule new futures after shutdown')`.
   * - `fn` cannot be sent (native, bound, a class): `TypeError`.
   * - Arguments that cannot be cloned: the future fails with `DataCloneError`.
   */
  submit<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): ConcurrentFuture<Awaited<R>> {
    if (this._shutdown) throw new RuntimeError("cannot schedule new futures after shutdown");
    const source = functionSource(fn);
    const future = new ConcurrentFuture<Awaited<R>>();
    this._queue.push({ id: ++nextJobId, future: future as ConcurrentFuture<unknown>, source, args, fnName: functionName(fn) });
    this._dispatch();
    return future;
  }

  /** Start queued calls on idle workers, spawning workers up to the bound. */
  private _dispatch(): void {
    while (this._queue.length > 0) {
      const worker = this._idle.pop() ?? (this._workers.size < this.maxWorkers ? this._spawn() : undefined);
      if (worker === undefined) return;
      const item = this._queue.shift()!;
      if (!item.future.setRunningOrNotifyCancel()) {
        this._idle.push(worker);
        continue;
      }
      try {
        worker.thread.postMessage({ id: item.id, source: item.source, args: item.args });
      } catch (error) {
        this._idle.push(worker);
        item.future.setException(
          new DataCloneError(`the arguments of ${item.fnName}() could not be sent to the worker thread: ${messageOf(error)}; ${CLONE_HINT}`, {
            cause: error,
          }),
        );
        continue;
      }
      worker.job = item;
      worker.thread.setBusy(true);
    }
    this._maybeExit();
  }

  private _spawn(): PoolWorker {
    const worker: PoolWorker = { thread: undefined as unknown as WorkerThread, job: null };
    worker.thread = this._platform.spawn(
      (message) => this._onMessage(worker, message as JobOutcome),
      (error) => this._onFailure(worker, error),
    );
    worker.thread.setBusy(false);
    this._workers.add(worker);
    return worker;
  }

  private _onMessage(worker: PoolWorker, outcome: JobOutcome): void {
    const item = worker.job;
    if (item === null || outcome.id !== item.id) return;
    worker.job = null;
    worker.thread.setBusy(false);
    this._idle.push(worker);
    if (outcome.ok) item.future.setResult(outcome.value);
    else item.future.setException(reviveError(outcome.error!, item.fnName));
    this._dispatch();
  }

  private _onFailure(worker: PoolWorker, error: Error): void {
    if (!this._workers.delete(worker)) return;
    const at = this._idle.indexOf(worker);
    if (at >= 0) this._idle.splice(at, 1);
    void worker.thread.terminate();
    const item = worker.job;
    worker.job = null;
    if (item !== null && !item.future.done()) {
      item.future.setException(new RuntimeError(`the worker thread running ${item.fnName}() died: ${messageOf(error)}`, { cause: error }));
    }
    this._dispatch();
  }

  /** After shutdown, stop idle workers; settle `shutdown()` once none is left. */
  private _maybeExit(): void {
    if (!this._shutdown || this._queue.length > 0) return;
    for (const worker of this._idle.splice(0)) {
      this._workers.delete(worker);
      void worker.thread.terminate();
    }
    if (this._workers.size === 0 && this._exited !== null) {
      this._exited();
      this._exited = null;
    }
  }

  /**
   * Accept no more calls. Queued calls still run, unless `cancelFutures` (then they
   * are cancelled); running ones finish. Workers stop as they become idle. With `wait`
   * (the default) the promise resolves once they all have; else at once.
   */
  shutdown(options: { wait?: boolean; cancelFutures?: boolean } = {}): Promise<void> {
    const { wait = true, cancelFutures = false } = options;
    this._shutdown = true;
    if (cancelFutures) {
      for (const item of this._queue) item.future.cancel();
      this._queue = [];
    }
    const exited = new Promise<void>((resolve) => {
      const previous = this._exited;
      this._exited = () => {
        previous?.();
        resolve();
      };
    });
    this._maybeExit();
    return wait ? exited : Promise.resolve();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${errorName(error)}: ${error.message}` : String(error);
}

// The loop's executor methods (Python: `BaseEventLoop.run_in_executor` and friends).

interface LoopExecutorState {
  executor: Executor | null;
  shutdownCalled: boolean;
}

const loopState = new WeakMap<AbstractEventLoop, LoopExecutorState>();

function stateOf(loop: AbstractEventLoop): LoopExecutorState {
  let state = loopState.get(loop);
  if (state === undefined) loopState.set(loop, (state = { executor: null, shutdownCalled: false }));
  return state;
}

/** The default pools this module made, until shut down. */
const poolsMadeByDefault = new Map<AbstractEventLoop, Executor>();

/**
 * Shut down the default pools of loops closed without `shutdownDefaultExecutor()`
 * (which Python's `asyncio.run()` calls before it closes its loop). Their idle workers
 * would otherwise stay for the life of the process, as Python's threads stay until it
 * exits; a page that runs many programs cannot afford that.
 */
function stopPoolsOfClosedLoops(): void {
  for (const [loop, pool] of poolsMadeByDefault) {
    if (!loop.isClosed()) continue;
    poolsMadeByDefault.delete(loop);
    void pool.shutdown({ wait: false });
  }
}

function isExecutor(value: unknown): value is Executor {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Executor).submit === "function" &&
    typeof (value as Executor).shutdown === "function"
  );
}

/**
 * `loop.runInExecutor(executor, fn, ...args)`: run `fn(...args)` in `executor` (the
 * loop's default `ThreadPoolExecutor` when `null`, created on first use) and return an
 * asyncio Future for the outcome.
 *
 * - Loop closed: `RuntimeError('Event loop is closed')`.
 * - Default executor after `shutdownDefaultExecutor()`: `RuntimeError('Executor shutdown has been called')`.
 * - Not an executor: `TypeError`.
 */
export function _runInExecutor<A extends unknown[], R>(
  loop: AbstractEventLoop,
  executor: unknown,
  fn: (...args: A) => R,
  args: A,
): Future<Awaited<R>> {
  if (loop.isClosed()) throw new RuntimeError("Event loop is closed");
  let target: Executor;
  if (executor === null || executor === undefined) {
    const state = stateOf(loop);
    if (state.shutdownCalled) throw new RuntimeError("Executor shutdown has been called");
    if (state.executor === null) {
      stopPoolsOfClosedLoops();
      state.executor = new ThreadPoolExecutor();
      poolsMadeByDefault.set(loop, state.executor);
    }
    target = state.executor;
  } else if (isExecutor(executor)) {
    target = executor;
  } else {
    throw new TypeError("executor must be an Executor (with submit() and shutdown()) or null");
  }
  return wrapFuture(target.submit(fn, ...args), loop);
}

/** Whether `loop` has a default executor (made on first use, or set) to shut down. */
export function _hasDefaultExecutor(loop: AbstractEventLoop): boolean {
  const state = loopState.get(loop);
  return state !== undefined && state.executor !== null && !state.shutdownCalled;
}

/** `loop.setDefaultExecutor(executor)`: not an executor: `TypeError`. */
export function _setDefaultExecutor(loop: AbstractEventLoop, executor: unknown): void {
  if (!isExecutor(executor)) throw new TypeError("executor must be an Executor (with submit() and shutdown())");
  stateOf(loop).executor = executor;
}

/**
 * `loop.shutdownDefaultExecutor(timeout)`: refuse further default-executor calls, and
 * wait for the default pool's workers to finish their calls and stop. After `timeout`
 * seconds (if given), warn and stop waiting; the workers still finish their calls.
 */
export function* _shutdownDefaultExecutor(loop: AbstractEventLoop, timeout: number | null = null): Coroutine<void> {
  const state = stateOf(loop);
  state.shutdownCalled = true;
  const executor = state.executor;
  if (executor === null) return;
  poolsMadeByDefault.delete(loop);
  const done = loop.createFuture<void>();
  // Settled through the loop, as Python's shutdown thread does: outcomes the workers
  // delivered before they stopped are copied first.
  const settle = (error: unknown, failed: boolean): void => {
    if (done.done()) return;
    if (failed) done.setException(error);
    else done.setResult(undefined);
  };
  executor.shutdown({ wait: true }).then(
    () => loop.isClosed() || loop.callSoonThreadsafe(settle, undefined, false),
    (error: unknown) => loop.isClosed() || loop.callSoonThreadsafe(settle, error, true),
  );
  let timedOut = false;
  const timer =
    timeout === null
      ? null
      : loop.callLater(timeout, () => {
          if (done.done()) return;
          timedOut = true;
          done.setResult(undefined);
        });
  try {
    yield* done;
  } finally {
    timer?.cancel();
  }
  if (timedOut) {
    logger.warning(`The executor did not finishing joining its threads within ${timeout} seconds.`);
    void executor.shutdown({ wait: false });
  }
}
