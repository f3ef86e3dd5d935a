/**
 * Eager tasks (Python 3.12): a task factory whose tasks run their first step at once,
 * inside `createTask()`, instead of waiting for the loop's next turn. CPython keeps this in
 * `tasks.py`; it is a module of its own here because all it adds is the factory.
 */
import type { AbstractEventLoop, TaskFactory } from "./events.ts";
import type { Coroutine } from "./coroutines.ts";
import { Task } from "./tasks.ts";

/** A task class, as `createEagerTaskFactory()` takes it (`Task` or a subclass). */
export type TaskConstructor = new <T>(
  coro: Coroutine<T>,
  options: { loop: AbstractEventLoop; eagerStart: boolean },
) => Task<T>;

/**
 * A task factory that builds its tasks with `taskConstructor` and starts them eagerly
 * (Python: `asyncio.create_eager_task_factory()`). Install it with
 * `loop.setTaskFactory(factory)`.
 */
export function createEagerTaskFactory(taskConstructor: TaskConstructor): TaskFactory {
  return <T>(loop: AbstractEventLoop, coro: Coroutine<T>): Task<T> =>
    new taskConstructor(coro, { loop, eagerStart: true });
}

/**
 * The task factory of eager tasks (Python: `asyncio.eager_task_factory`). With it
 * installed, `createTask(coro)` runs `coro` at once, up to its first real wait (a `yield*`
 * on a future that is not done, or a bare yield), before returning the task:
 *
 * - A coroutine that finishes without waiting gives a task already done: it never goes
 *   through the ready queue, and its output comes before the creator's next line.
 * - Otherwise the task carries on like any other, from the wait where it stopped.
 * - While the loop is not running, tasks start lazily, as without the factory.
 * - A name given to `createTask` is set after the first step, as in Python 3.12 (3.14
 *   names the task first).
 *
 * @example
 * ```ts
 * asyncio.getRunningLoop().setTaskFactory(asyncio.eagerTaskFactory);
 * const task = asyncio.createTask(cached()); // runs up to its first wait, now
 * ```
 */
export const eagerTaskFactory: TaskFactory = createEagerTaskFactory(Task);
