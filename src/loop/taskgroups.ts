/** Structured concurrency: `taskGroup()`, Python's `async with asyncio.TaskGroup() as tg:` (CPython's `taskgroups.py`). */
import type { Coroutine } from "./coroutines.ts";
import { type AbstractEventLoop, getRunningLoop } from "./events.ts";
import { CancelledError, ExceptionGroup, RuntimeError } from "./exceptions.ts";
import type { Future } from "./futures.ts";
import { noteWait } from "./instruments.ts";
import { currentTask, type Task } from "./tasks.ts";

/**
 * A group of tasks that ends when they all have (Python: `asyncio.TaskGroup`), used
 * through `taskGroup()`.
 *
 * - The block and its tasks run concurrently; leaving the block waits for every task.
 * - The first task to fail cancels the other tasks and the block (the parent task);
 *   once all are done, the failures are thrown together as an `ExceptionGroup`
 *   (`unhandled errors in a TaskGroup`), the block's own error included. Cancelled
 *   tasks are not failures.
 * - If the parent task is cancelled from outside, the tasks are cancelled and, once
 *   they are done, the `CancelledError` goes on (unless a task failed: the group wins).
 */
export class TaskGroup {
  private _entered = false;
  private _exiting = false;
  private _aborting = false;
  private _loop: AbstractEventLoop | null = null;
  private _parentTask: Task<unknown> | null = null;
  private _parentCancelRequested = false;
  private _tasks = new Set<Task<unknown>>();
  private _errors: unknown[] = [];
  private _onCompletedFut: Future<boolean> | null = null;
  private readonly _onTaskDone = (task: Future<unknown>) => this._taskDone(task as Task<unknown>);

  /** `<TaskGroup tasks=2 entered>`. */
  toString(): string {
    const info = [""];
    if (this._tasks.size > 0) info.push(`tasks=${this._tasks.size}`);
    if (this._errors.length > 0) info.push(`errors=${this._errors.length}`);
    if (this._aborting) info.push("cancelling");
    else if (this._entered) info.push("entered");
    return `<TaskGroup${info.join(" ")}>`;
  }

  /**
   * Start `coro` as a task of the group and return the task.
   *
   * - Not entered: `RuntimeError`; finished: `RuntimeError`; shutting down after a
   *   failure: `RuntimeError` (and `coro` is closed).
   */
  createTask<T>(coro: Coroutine<T>, options?: { name?: string | null }): Task<T> {
    if (!this._entered) throw new RuntimeError(`TaskGroup ${this} has not been entered`);
    if (this._exiting && this._tasks.size === 0) throw new RuntimeError(`TaskGroup ${this} is finished`);
    if (this._aborting) throw new RuntimeError(`TaskGroup ${this} is shutting down`);
    const task = this._loop!.createTask(coro);
    if (options?.name !== undefined && options.name !== null) task.setName(options.name);
    if (task.done()) {
      this._taskDone(task);
    } else {
      this._tasks.add(task);
      task.addDoneCallback(this._onTaskDone);
    }
    return task;
  }

  /** Run `body(this)` as the group's block and return its result (Python: `async with`). */
  *run<T>(body: (group: TaskGroup) => Coroutine<T>): Coroutine<T> {
    this._enter();
    let exited = false;
    try {
      const result = yield* body(this);
      exited = true;
      yield* this._exit(undefined, false);
      return result;
    } catch (error) {
      if (exited) throw error;
      exited = true;
      yield* this._exit(error, true);
      throw error;
    } finally {
      // Closed from outside (generator return()): cancel the tasks, we cannot wait.
      if (!exited) this._abort();
    }
  }

  private _enter(): void {
    if (this._entered) throw new RuntimeError(`TaskGroup ${this} has already been entered`);
    this._loop ??= getRunningLoop();
    this._parentTask = currentTask(this._loop);
    if (this._parentTask === null) throw new RuntimeError(`TaskGroup ${this} cannot determine the parent task`);
    this._entered = true;
  }

  /** Python's `__aexit__`, step by step (the cancellation bookkeeping is the subtle part). */
  private *_exit(error: unknown, failed: boolean): Coroutine<void> {
    this._exiting = true;
    let propagateCancellationError: unknown = failed && error instanceof CancelledError ? error : null;
    if (this._parentCancelRequested) {
      // We cancelled the parent ourselves: take that request back. If it was the only
      // one, the CancelledError is ours and must not go on.
      if (this._parentTask!.uncancel() === 0) propagateCancellationError = null;
    }
    if (failed && !this._aborting) {
      // The block failed, or the parent is being cancelled: stop the tasks.
      this._abort();
    }
    // A loop: this wait is cancelled again each time the parent is.
    while (this._tasks.size > 0) {
      if (this._onCompletedFut === null) {
        this._onCompletedFut = this._loop!.createFuture<boolean>();
        noteWait(this._onCompletedFut, this);
      }
      try {
        yield* this._onCompletedFut;
      } catch (exc) {
        if (!(exc instanceof CancelledError)) throw exc;
        if (!this._aborting) {
          // The parent is cancelled while the tasks still run: cancel them, then go on.
          propagateCancellationError = exc;
          this._abort();
        }
      }
      this._onCompletedFut = null;
    }
    // Other errors take priority over the cancellation.
    if (propagateCancellationError !== null && this._errors.length === 0) throw propagateCancellationError;
    if (failed && !(error instanceof CancelledError)) this._errors.push(error);
    if (this._errors.length > 0) {
      const errors = this._errors;
      this._errors = [];
      throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
    }
  }

  private _abort(): void {
    this._aborting = true;
    for (const task of this._tasks) if (!task.done()) task.cancel();
  }

  private _taskDone(task: Task<unknown>): void {
    this._tasks.delete(task);
    if (this._onCompletedFut !== null && this._tasks.size === 0 && !this._onCompletedFut.done()) {
      this._onCompletedFut.setResult(true);
    }
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === null) return;
    this._errors.push(exc);
    const parent = this._parentTask!;
    if (parent.done()) {
      this._loop!.callExceptionHandler({
        message: `Task ${task} has errored out but its parent task ${parent} is already completed`,
        exception: exc,
        task,
      });
      return;
    }
    if (!this._aborting && !this._parentCancelRequested) {
      // Cancel the parent to interrupt the block; _exit() takes the request back.
      this._abort();
      this._parentCancelRequested = true;
      parent.cancel();
    }
  }
}

/**
 * Run `body` with a new task group and return its result, once every task of the
 * group is done (Python: `async with asyncio.TaskGroup() as tg:`). See `TaskGroup`
 * for what happens when a task fails or the parent is cancelled.
 *
 * @example
 * ```ts
 * function* main(): asyncio.Coroutine<void> {
 *   const [a, b] = yield* asyncio.taskGroup(function* (tg) {
 *     return [tg.createTask(fetch("a")), tg.createTask(fetch("b"))];
 *   });
 *   console.log(a.result(), b.result()); // both done here
 * }
 * ```
 */
export function* taskGroup<T>(body: (group: TaskGroup) => Coroutine<T>): Coroutine<T> {
  return yield* new TaskGroup().run(body);
}
