/**
 * Instruments: trio-style hooks that watch a loop run its tasks, callbacks and timers, and
 * what a tool needs beside them (what a waiting future belongs to). The package's
 * `asyncio/instruments` entry is exactly this module's public names, for tools (a
 * timeline, a stepper, a runtime) that watch programs without being one.
 */
import type { AbstractEventLoop, Handle, TimerHandle } from "./events.ts";
import type { Future } from "./futures.ts";
import type { Task } from "./tasks.ts";

/**
 * Hooks called by a loop as it works (in the manner of trio's `trio.abc.Instrument`).
 * Implement any subset; install with `loop.addInstrument(instrument)` or
 * `run(main(), { instruments: [instrument] })`. Every hook receives its subject and the
 * loop time (`loop.time()`, seconds), which is what a timeline needs: read between two
 * callbacks for the `before`/`after` hooks (one reading serves the end of one callback
 * and the start of the next), and for events during a callback (a task spawned, a timer
 * scheduled) the time that callback started, since reading a clock can cost more than a
 * callback. A task's name is
 * `task.getName()`, and `task.getLoop()` gives the loop. Identify tasks by the object
 * and read names when rendering: `createTask(coro, { name })` renames the task just
 * after `taskSpawned`, as Python's `create_task` does.
 *
 * Hooks are called synchronously, in the order the events happen. Which hooks an
 * instrument has is read when it is installed, as trio does: a hook added to the object
 * afterwards is not called. A hook that throws removes its instrument, and the error goes
 * to the loop's exception handler. With no instrument installed the loop pays one field
 * check per batch of callbacks and allocates nothing.
 * `installInstrument()` installs one on every loop made from then on.
 *
 * @example
 * ```ts
 * const log: string[] = [];
 * const tracer: asyncio.Instrument = {
 *   beforeTaskStep: (task, time) => log.push(`${time.toFixed(3)} ${task.getName()} runs`),
 *   taskExited: (task, time) => log.push(`${time.toFixed(3)} ${task.getName()} exits`),
 * };
 * await asyncio.run(main(), { instruments: [tracer] });
 * ```
 */
export interface Instrument {
  /** The loop started running (`runForever`, hence `runUntilComplete` and `run`). */
  beforeRun?(loop: AbstractEventLoop, time: number): void;
  /** The loop stopped running. */
  afterRun?(loop: AbstractEventLoop, time: number): void;
  /** A task was created; its first step is scheduled. */
  taskSpawned?(task: Task<unknown>, time: number): void;
  /** A task became ready: a step (first step, wake-up, or after a bare yield) is on the ready queue. */
  taskScheduled?(task: Task<unknown>, time: number): void;
  /** A task's step is about to run. */
  beforeTaskStep?(task: Task<unknown>, time: number): void;
  /** A task's step has run (the task may be done now). */
  afterTaskStep?(task: Task<unknown>, time: number): void;
  /** A task finished: `task.done()` is true, and its result, exception or cancellation can be read. */
  taskExited?(task: Task<unknown>, time: number): void;
  /** A callback was scheduled with `callSoon` (task steps are reported as `taskScheduled` instead). */
  callbackScheduled?(handle: Handle, time: number): void;
  /** A callback (a `Handle` or a due `TimerHandle`) is about to run. */
  beforeCallback?(handle: Handle, time: number): void;
  /** A callback has run. */
  afterCallback?(handle: Handle, time: number): void;
  /** A timer was scheduled with `callLater`/`callAt`; `timer.when()` is its deadline. */
  timerScheduled?(timer: TimerHandle, time: number): void;
  /**
   * The running task is about to wait (`yield*` of a pending future, a task, a sleep, a
   * queue's or a lock's wait). Called inside the task's step, from the frame that waits,
   * so a stack trace taken here shows the line of the program that waits.
   */
  taskWaiting?(task: Task<unknown>, time: number): void;
  /**
   * The running program made one of the library's own coroutines (today `sleep()`'s),
   * which does nothing until awaited. A tool that asks {@link coroutineStarted} later can
   * say what Python's "coroutine was never awaited" says. Called from the frame that made
   * it, so a stack trace taken here shows the program's line.
   */
  coroutineCreated?(coro: object, time: number): void;
  /**
   * A `Lock` was taken: by the running task, if one runs (by its first `acquire()`, or by
   * a waiter the lock was handed to, when it runs again). Python's locks record no owner;
   * this hook is how a tool can say who holds one, and name two tasks that each hold the
   * lock the other waits for. `Condition` (and so `Barrier`) acquire through their `Lock`.
   */
  lockAcquired?(lock: object, time: number): void;
  /** A `Lock` was released (by whichever task or callback called `release()`). */
  lockReleased?(lock: object, time: number): void;
}

/** The name of a hook. */
export type InstrumentHook = keyof Instrument;

/** A hook as a loop calls it: its instrument's `this` and errors are taken care of inside. */
export type _Listener = (subject: unknown, time: number) => void;

/**
 * A loop's instruments compiled per hook, rebuilt whenever one is added or removed: `null`
 * where no instrument has the hook, else one function that calls each instrument's, so that
 * an event costs a field load and a direct call instead of a walk of the list with a lookup
 * by name per instrument. The `implements` clause makes adding a hook to `Instrument`
 * without a field here fail to build.
 */
export class _Hooks implements Record<InstrumentHook, _Listener | null> {
  beforeRun: _Listener | null = null;
  afterRun: _Listener | null = null;
  taskSpawned: _Listener | null = null;
  taskScheduled: _Listener | null = null;
  beforeTaskStep: _Listener | null = null;
  afterTaskStep: _Listener | null = null;
  taskExited: _Listener | null = null;
  callbackScheduled: _Listener | null = null;
  beforeCallback: _Listener | null = null;
  afterCallback: _Listener | null = null;
  timerScheduled: _Listener | null = null;
  taskWaiting: _Listener | null = null;
  coroutineCreated: _Listener | null = null;
  lockAcquired: _Listener | null = null;
  lockReleased: _Listener | null = null;
}

/** Every hook an {@link Instrument} may have, in the order `Instrument` declares them (for tools that install them all). */
export const instrumentHooks = Object.freeze(Object.keys(new _Hooks())) as readonly InstrumentHook[];

/**
 * Instruments every new loop starts with (`null`: none), shared copy-on-write as
 * `addInstrument` keeps a loop's list. Set through {@link installInstrument}.
 */
export const _newLoopInstruments: { list: Instrument[] | null } = { list: null };

/**
 * Whether any instrument with a `taskWaiting` hook was ever installed: every wait checks
 * this one flag, so that a program nobody watches pays a load per wait and nothing else.
 */
export const _waitWatched = { on: false };

/** Whether any instrument with a `coroutineCreated` hook was ever installed (checked per `sleep()` call). */
export const _creationsWatched = { on: false };

/** Whether any instrument with a `lockAcquired` or `lockReleased` hook was ever installed (checked per acquire and release). */
export const _locksWatched = { on: false };

/** Note that `instrument` may be installed on a loop (the loops call this in `addInstrument`). */
export function _watchWaits(instrument: Instrument): void {
  if (instrument.taskWaiting !== undefined) _waitWatched.on = true;
  if (instrument.coroutineCreated !== undefined) _creationsWatched.on = true;
  if (instrument.lockAcquired !== undefined || instrument.lockReleased !== undefined) _locksWatched.on = true;
}

/** `lock` was taken or released: calls that hook on the running loop's instruments (the caller checks `_locksWatched.on`). */
export function _lockChanged(loop: AbstractEventLoop | null, hook: "lockAcquired" | "lockReleased", lock: object): void {
  const hooks = loop?._hooks;
  if (hooks == null) return;
  const on = hook === "lockAcquired" ? hooks.lockAcquired : hooks.lockReleased;
  on?.(lock, _eventTime(loop!));
}

/**
 * Whether a coroutine announced by an instrument's `coroutineCreated` hook has started: it
 * was awaited, or a task ran its first step. One still unstarted when its loop stops was
 * never awaited.
 */
export function coroutineStarted(coro: object): boolean {
  return (coro as { _started?: boolean })._started !== false;
}

/** `coro` was just made by the running program: calls the `coroutineCreated` hooks of the running loop. */
export function _coroutineCreated(loop: AbstractEventLoop | null, coro: object): void {
  loop?._hooks?.coroutineCreated?.(coro, _eventTime(loop));
}

/**
 * Install `instrument` on every loop created from now on (`run()`'s, `newEventLoop()`'s,
 * a policy's), as if each called `loop.addInstrument(instrument)` first; loops that already
 * exist are left alone. Installing it again does nothing. This is how a tool records every
 * run of a program it does not write, such as a timeline.
 *
 * @example
 * ```ts
 * import { installInstrument } from "asyncio/instruments";
 * installInstrument({ taskExited: (task, time) => console.log(task.getName(), "exits at", time) });
 * ```
 */
export function installInstrument(instrument: Instrument): void {
  const list = _newLoopInstruments.list;
  if (list !== null && list.includes(instrument)) return;
  _watchWaits(instrument);
  _newLoopInstruments.list = list === null ? [instrument] : [...list, instrument];
}

/** Stop installing `instrument` on new loops (see {@link installInstrument}); loops that have it keep it. Not installed: does nothing. */
export function uninstallInstrument(instrument: Instrument): void {
  _newLoopInstruments.list = _without(_newLoopInstruments.list, instrument);
}

// What a waiting future belongs to (a Lock, a Queue, a sleep's timer...), noted only while
// an instrument watches its loop, so that a timeline can say what a task waited on. A
// property rather than a WeakMap: a WeakMap set per wait costs more than the wait.
interface NotedFuture {
  _loop: AbstractEventLoop;
  _waitOwner?: object;
  _waitDetail?: unknown;
}

/**
 * Name the owner of a wait: `future` is what a task awaits on behalf of `owner` (a lock, a
 * queue, a sleep's timer handle, an object of your own), with an optional `detail` the owner
 * alone cannot tell (a sleep passes its delay as the program gave it). Instruments read it
 * back with {@link waitOwner} and {@link waitDetail}. Free when `future`'s loop has no
 * instrument: then nothing is noted.
 *
 * The library's own waits name themselves: `Lock`, `Semaphore` and `BoundedSemaphore`
 * (acquire), `Event` and `Condition` (wait; a `Barrier` waits on its `Condition`), the
 * queues (get and put), `StreamReader` (read), `sleep()` (its timer handle, with the
 * delay), a `TaskGroup` waiting for its tasks (the group), and `wait()` (the set of
 * futures it was given, with the detail `"wait"`).
 *
 * @example
 * ```ts
 * const fut = loop.createFuture();
 * noteWait(fut, myPool, "a free connection");
 * yield* fut;
 * ```
 */
export function noteWait(future: Future<unknown>, owner: object, detail?: unknown): void {
  if (future._loop._instruments === null) return;
  (future as NotedFuture)._waitOwner = owner;
  if (detail !== undefined) (future as NotedFuture)._waitDetail = detail;
}

/** What `future` is a wait on, as {@link noteWait} noted it (`undefined` if nothing was noted). */
export function waitOwner(future: object): object | undefined {
  return (future as Partial<NotedFuture>)._waitOwner;
}

/** The detail {@link noteWait} noted with `future`'s owner (a sleep's delay, in seconds), if any. */
export function waitDetail(future: object): unknown {
  return (future as Partial<NotedFuture>)._waitDetail;
}

/** The running task of `loop` starts to wait: calls the `taskWaiting` hooks (the caller checks `_waitWatched.on`). */
export function _taskWaiting(loop: AbstractEventLoop | null): void {
  if (loop === null || loop._currentTask === null) return;
  loop._hooks?.taskWaiting?.(loop._currentTask, _eventTime(loop));
}

/**
 * The loop time an event reports: the time the running callback started, if one runs
 * watched, else a reading of the clock (see {@link Instrument}). Call sites read it only
 * when a listener for the event exists.
 */
export function _eventTime(loop: AbstractEventLoop): number {
  const time = loop._callbackTime;
  return Number.isNaN(time) ? loop.time() : time;
}

/** `instruments` without `instrument`, as a new list (`null` when empty). */
export function _without(instruments: readonly Instrument[] | null, instrument: Instrument): Instrument[] | null {
  const rest = instruments === null ? [] : instruments.filter((other) => other !== instrument);
  return rest.length === 0 ? null : rest;
}

/**
 * Install `instruments` (copy-on-write: never changed afterwards) as `loop`'s, and compile
 * its hooks. A hook running now goes on with the listeners it started with, so an instrument
 * may remove itself (or another) from its own hook.
 */
export function _setInstruments(loop: AbstractEventLoop, instruments: Instrument[] | null): void {
  loop._instruments = instruments;
  loop._hooks = _compileHooks(loop, instruments);
}

/** `instruments`' hooks as `loop` calls them (`null`: no instrument). Hooks are read here, when an instrument is installed. */
export function _compileHooks(loop: AbstractEventLoop, instruments: readonly Instrument[] | null): _Hooks | null {
  if (instruments === null) return null;
  const hooks = new _Hooks();
  for (const hook of instrumentHooks) {
    const listeners: _Listener[] = [];
    for (const instrument of instruments) {
      const fn = instrument[hook] as ((subject: unknown, time: number) => void) | undefined;
      if (fn !== undefined) listeners.push(listener(loop, instrument, hook, fn));
    }
    hooks[hook] = listeners.length === 0 ? null : listeners.length === 1 ? listeners[0]! : fanOut(listeners);
  }
  return hooks;
}

/** `instrument`'s `hook` (`fn`), called as its method; if it throws, the instrument is removed and the error reported. */
function listener(loop: AbstractEventLoop, instrument: Instrument, hook: InstrumentHook, fn: (subject: unknown, time: number) => void): _Listener {
  return (subject, time) => {
    try {
      fn.call(instrument, subject, time);
    } catch (exception) {
      if (loop._instruments?.includes(instrument)) _setInstruments(loop, _without(loop._instruments, instrument));
      loop.callExceptionHandler({
        message: `Instrument ${hook} hook raised an exception; the instrument was removed`,
        exception,
        instrument,
      });
    }
  };
}

function fanOut(listeners: readonly _Listener[]): _Listener {
  return (subject, time) => {
    for (const listener of listeners) listener(subject, time);
  };
}
