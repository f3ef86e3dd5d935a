/** Running a coroutine on a fresh loop: `run()` and `Runner` (CPython's `runners.py`). */
import { _installDefaultPolicy } from "./base-events.ts";
import { type Coroutine, isCoroutine } from "./coroutines.ts";
import { _getRunningLoop, type AbstractEventLoop, newEventLoop, setEventLoop } from "./events.ts";
import { RuntimeError, ValueError } from "./exceptions.ts";
import { repr } from "./format-helpers.ts";
import type { Instrument } from "./instruments.ts";
import { allTasks, gather } from "./tasks.ts";
import { _hasDefaultExecutor } from "./threads.ts";

/** Options of `run()` and `Runner`. */
export interface RunOptions {
  /** Run the loop in debug mode (see `loop.setDebug`); absent leaves the loop's default. */
  debug?: boolean | null;
  /** Makes the loop, e.g. `() => new VirtualTimeLoop()`; default: the policy's `newEventLoop()`. */
  loopFactory?: (() => AbstractEventLoop) | null;
  /** Instruments to install on the loop before it starts. */
  instruments?: readonly Instrument[];
}

type RunnerState = "created" | "initialized" | "closed";

/**
 * A loop kept across several `run()` calls, then finalised (Python: `asyncio.Runner`).
 * `run()` is `new Runner(options)`, one `runner.run(coro)`, then `runner.close()`.
 *
 * @example
 * ```ts
 * const runner = new asyncio.Runner();
 * try {
 *   await runner.run(first());
 *   await runner.run(second()); // same loop
 * } finally {
 *   await runner.close();
 * }
 * ```
 */
export class Runner {
  private _state: RunnerState = "created";
  private _options: RunOptions;
  private _loop: AbstractEventLoop | null = null;
  private _setEventLoop = false;

  constructor(options: RunOptions = {}) {
    this._options = options;
  }

  /** The runner's loop, created on first use. Closed runner: `RuntimeError`. */
  getLoop(): AbstractEventLoop {
    this._lazyInit();
    return this._loop!;
  }

  /**
   * Run `coro` as a task on the runner's loop until it is done; resolves with its
   * result or rejects with its exception.
   *
   * - Not a coroutine: `ValueError('a coroutine was expected, got ...')`, synchronously.
   * - A loop is running: `RuntimeError`, synchronously.
   */
  run<T>(coro: Coroutine<T>): Promise<T> {
    if (!isCoroutine(coro)) throw new ValueError(`a coroutine was expected, got ${repr(coro)}`);
    if (_getRunningLoop() !== null) throw new RuntimeError("Runner.run() cannot be called from a running event loop");
    this._lazyInit();
    const loop = this._loop!;
    return loop.runUntilComplete(loop.createTask(coro));
  }

  /**
   * Cancel the tasks left on the loop, let them finish, report those that fail
   * while cancelled, then close the loop. Does nothing unless the loop was created.
   */
  async close(): Promise<void> {
    if (this._state !== "initialized") return;
    const loop = this._loop!;
    try {
      await cancelAllTasks(loop);
      // As CPython: wait for the default executor's threads, so none outlives the run. (CPython
      // runs this step always; skipping it when there is no executor keeps it out of task
      // numbering and instrument traces.)
      if (_hasDefaultExecutor(loop)) await loop.runUntilComplete(loop.createTask(loop.shutdownDefaultExecutor(300)));
    } finally {
      if (this._setEventLoop) setEventLoop(null);
      loop.close();
      this._loop = null;
      this._state = "closed";
    }
  }

  private _lazyInit(): void {
    if (this._state === "closed") throw new RuntimeError("Runner is closed");
    if (this._state === "initialized") return;
    const { loopFactory, debug, instruments } = this._options;
    if (loopFactory === undefined || loopFactory === null) {
      _installDefaultPolicy();
      this._loop = newEventLoop();
      if (!this._setEventLoop) {
        setEventLoop(this._loop);
        this._setEventLoop = true;
      }
    } else {
      this._loop = loopFactory();
    }
    if (debug !== undefined && debug !== null) this._loop.setDebug(debug);
    for (const instrument of instruments ?? []) this._loop.addInstrument(instrument);
    this._state = "initialized";
  }
}

/**
 * Run `main` on a new event loop and resolve with its result (Python: `asyncio.run`).
 *
 * Creates the loop (`loopFactory`, or the policy's), runs `main` as a task until it is
 * done, cancels the tasks still pending and waits for them, reports those that fail
 * while being cancelled ("unhandled exception during asyncio.run() shutdown"), closes
 * the loop (reporting exceptions never retrieved), and only then settles. After it
 * settles, no task of the run is pending and no loop is running.
 *
 * - A loop is running (even one waiting for a timer): throws
 *   `RuntimeError('asyncio.run() cannot be called from a running event loop')`
 *   synchronously, and closes `main` (`main.return()`) so it never runs.
 * - `main` is not a coroutine (say, the function instead of its call):
 *   `ValueError('a coroutine was expected, got ...')`, synchronously, as in Python
 *   (where `createTask(main)` raises `TypeError`, in both).
 *
 * @example
 * ```ts
 * import * as asyncio from "asyncio";
 *
 * function* main(): asyncio.Coroutine<string> {
 *   yield* asyncio.sleep(1);
 *   return "hello";
 * }
 * console.log(await asyncio.run(main()));
 * ```
 */
export function run<T>(main: Coroutine<T>, options: RunOptions = {}): Promise<T> {
  if (_getRunningLoop() !== null) {
    if (isCoroutine(main)) main.return(undefined as T);
    throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  }
  if (!isCoroutine(main)) throw new ValueError(`a coroutine was expected, got ${repr(main)}`);
  const runner = new Runner(options);
  const result = runner.run(main);
  return finish(runner, result);
}

async function finish<T>(runner: Runner, result: Promise<T>): Promise<T> {
  try {
    return await result;
  } finally {
    await runner.close();
  }
}

/** Cancel every pending task of `loop`, run the loop until they are done, report failures. */
async function cancelAllTasks(loop: AbstractEventLoop): Promise<void> {
  const toCancel = allTasks(loop);
  if (toCancel.size === 0) return;
  for (const task of toCancel) task.cancel();
  await loop.runUntilComplete(gather(...toCancel, { returnExceptions: true }));
  for (const task of toCancel) {
    if (task.cancelled()) continue;
    const exception = task.exception();
    if (exception !== null) {
      loop.callExceptionHandler({ message: "unhandled exception during asyncio.run() shutdown", exception, task });
    }
  }
}
