/**
 * The timeline's one instrument (`src/loop/instruments.ts` hooks): turns the live loop's
 * tasks, futures and callbacks into plain {@link TimelineEvent}s, logged in columns
 * (./log.ts) and made objects when read. It reads the objects by
 * their fields, not by class, so it works with any copy of the library (the worker's bundle
 * included); `waitOwner` and `waitDetail` are that copy's (`asyncio/instruments`).
 */
import { LINE_BUDGET, type NoteKind, type SourceLine, type TimelineEvent, type WaitKind } from "./events.ts";
import { type CallbackWaker, displayName, EventLog, type RawName, seconds } from "./log.ts";

// biome-ignore lint/suspicious/noExplicitAny: live library objects, read by field
type Live = any;

export interface RecorderOptions {
  /** The library's `waitOwner`: what a waiting future belongs to. */
  waitOwner: (future: object) => object | undefined;
  /** The library's `waitDetail`: what was noted with the owner (a sleep's delay). */
  waitDetail: (future: object) => unknown;
  /** The library's `coroutineStarted`: whether a coroutine it announced was ever awaited. */
  coroutineStarted?: (coro: object) => boolean;
  /**
   * The reader's own frame in a stack trace, where the runtime can tell (the worker): then
   * tasks carry the line that created them, and slow steps and forgotten coroutines theirs.
   */
  locate?: (stack: string) => SourceLine | null;
  /**
   * Called when events wait to be taken with {@link TimelineRecorder.take} (e.g. to batch
   * them to the page): at the first one since the last take, with 1, and each time another
   * `batch` have come, with how many wait. Without it, `events` keeps them all.
   */
  onEvents?: (waiting: number) => void;
  /** See `onEvents` (default 1000). */
  batch?: number;
}

/** What asyncio's debug mode calls slow by default (`loop.slow_callback_duration`), seconds. */
const SLOW = 0.1;

/**
 * What the recorder keeps per task: its id, its name as last reported (raw, see
 * {@link RawName}), and who made it ready last: the step of task `wokeBy` that began at
 * `wokeAt` (0: none), or `wokeCallback`.
 */
interface TaskRecord {
  id: number;
  name: RawName;
  wokeAt: number;
  wokeBy: number;
  wokeCallback: CallbackWaker | null;
  /** The recorder this record belongs to (another may record the same task). */
  owner: TimelineRecorder;
}

/**
 * Where a recorder keeps its record on the task itself: a property costs a fraction of a
 * WeakMap entry (whose sets, lookups and collection took about a fifth of the recording's
 * time). A second recorder of the same task keeps its records in a WeakMap instead.
 */
const RECORD = Symbol("timeline record");

const OWNER_KINDS: Record<string, WaitKind> = {
  Lock: "lock",
  Event: "lock",
  Condition: "lock",
  Semaphore: "lock",
  BoundedSemaphore: "lock",
  Barrier: "lock",
  Queue: "queue",
  PriorityQueue: "queue",
  LifoQueue: "queue",
  StreamReader: "stream",
  TaskGroup: "gather",
};

export class TimelineRecorder {
  private readonly log = new EventLog();
  /** The logged events read so far (see {@link events}), and how many of the log's they are. */
  private read: TimelineEvent[] = [];
  private readCount = 0;
  private readonly batch: number;
  private readonly waitOwner: (future: object) => object | undefined;
  private readonly waitDetail: (future: object) => unknown;
  /** Records of tasks that another recorder had already claimed (see {@link RECORD}). */
  private shared: WeakMap<object, TaskRecord> | null = null;
  // The task and loop of the last event: hooks come in runs about one task on one loop.
  private lastTask: object | null = null;
  private lastTaskRecord: TaskRecord = { id: 0, name: "", wokeAt: 0, wokeBy: 0, wokeCallback: null, owner: this };
  private lastLoop: object | null = null;
  private lastLoopIndex = 0;
  private readonly loops = new WeakMap<object, number>();
  private readonly ordinals = new WeakMap<object, string>();
  private readonly counts = new Map<string, number>();
  private nextId = 1;
  private nextLoop = 0;
  private running: number | null = null;
  /** Stdout lines completed so far (see {@link printed}). */
  private lines = 0;
  /** The plain callback running now, if one is (as the waker of the tasks it wakes). */
  private callback: CallbackWaker | null = null;
  /** When the running step, as a waker, first woke a task (NaN: not yet). */
  private stepWokeAt = Number.NaN;
  /** When the running task's step began (loop time). */
  private started = 0;
  /** Where a step that has already run long waits, captured in `taskWaiting`. */
  private slowAt: SourceLine | null = null;
  /** Coroutines made (the library's, and the reader's where the runtime tracks them), until their loop stops; then unstarted ones are noted. */
  private readonly created = new Made();
  /** Tasks that ended with an exception; the ones not retrieved by the loop's last stop are noted when it closes. */
  private failed: Live[] = [];
  private readonly unretrieved = new WeakMap<object, Live[]>();
  private readonly locate: ((stack: string) => SourceLine | null) | undefined;
  private linesLeft = LINE_BUDGET;
  /** The coroutines' own budget, so that a run making thousands of them first still gets its tasks' lines. */
  private coroutineLinesLeft = LINE_BUDGET;
  private lastSpawned: object | null = null;
  private readonly coroutineStarted: ((coro: object) => boolean) | undefined;

  constructor(options: RecorderOptions) {
    this.waitOwner = options.waitOwner;
    this.waitDetail = options.waitDetail;
    this.batch = options.batch ?? 1000;
    const onEvents = options.onEvents;
    if (onEvents !== undefined) {
      const log = this.log;
      log.mark = 1;
      log.onMark = () => {
        const waiting = log.length;
        log.mark = waiting + this.batch - (waiting === 1 ? 1 : 0);
        onEvents(waiting);
      };
    }
    this.locate = options.locate;
    this.coroutineStarted = options.coroutineStarted;
    // Hooks that cost every program a little are installed only where they can say something.
    if (this.locate) this.taskWaiting = this.waiting;
    if (this.coroutineStarted) this.coroutineCreated = this.madeCoroutine;
  }

  taskWaiting?: (task: Live, t: number) => void;
  coroutineCreated?: (coro: object, t: number) => void;

  /** Every event recorded and not yet taken, as plain objects (the same array as it grows). */
  get events(): TimelineEvent[] {
    const count = this.log.length;
    if (this.readCount < count) {
      this.log.read(this.readCount, count, this.read, short, callbackName);
      this.readCount = count;
    }
    return this.read;
  }

  /** How many events were recorded and not yet taken (without reading them). */
  get size(): number {
    return this.log.length;
  }

  /** The events recorded since the last take, as plain objects; they are forgotten here. */
  take(): TimelineEvent[] {
    const events = this.events;
    this.read = [];
    this.readCount = 0;
    this.log.clear();
    if (this.log.mark > 0) this.log.mark = 1;
    return events;
  }

  // The hooks, as arrow properties so that the instrument can be installed as is.
  taskSpawned = (task: Live, t: number): void => {
    if (this.created.count > 0) this.wrapped.add(task._coro);
    const id = this.nextId++;
    const name = rawName(task);
    this.remember(task, { id, name, wokeAt: 0, wokeBy: 0, wokeCallback: null, owner: this });
    this.log.spawn(this.loopOf(task._loop, t), t, id, name, this.running, this.line());
    this.lastSpawned = task;
  };

  taskScheduled = (task: Live, t: number): void => {
    // A new task's first scheduling: its spawner is its parent already.
    if (task === this.lastSpawned) {
      this.lastSpawned = null;
      return;
    }
    const running = this.running;
    if (running === null && this.callback === null) return;
    if (running !== null && Number.isNaN(this.stepWokeAt)) this.stepWokeAt = t;
    const record = task === this.lastTask ? this.lastTaskRecord : this.recorded(task);
    if (record === undefined) return;
    if (running !== null) {
      record.wokeBy = running;
      record.wokeAt = this.stepWokeAt;
      record.wokeCallback = null;
    } else {
      record.wokeBy = 0;
      record.wokeCallback = this.callback;
    }
  };

  beforeTaskStep = (task: Live, t: number): void => {
    const record = this.recordOf(task, t);
    const id = record.id;
    this.rename(task, record);
    this.running = id;
    this.stepWokeAt = Number.NaN;
    this.started = t;
    this.slowAt = null;
    const waiter = task._futWaiter;
    const cancelled = task._mustCancel === true || (waiter != null && waiter._state === 1);
    this.log.step(this.loopOf(task._loop, t), t, id, cancelled, record.wokeAt, record.wokeBy, record.wokeCallback);
    record.wokeBy = 0;
    record.wokeCallback = null;
  };

  afterTaskStep = (task: Live, t: number): void => {
    const id = this.idOf(task, t);
    this.running = null;
    if (t - this.started >= SLOW) this.slow(task._loop, id, `${this.nameOf(task)}'s step`, this.started, t - this.started, this.slowAt);
    if (this.created.count > 0) this.dropStarted();
    if (task._state !== 0) return; // done: taskExited follows
    const waiter = task._futWaiter;
    if (waiter == null) {
      this.log.wait(this.loopOf(task._loop, t), t, id, "ready", "sleep(0)", null, Number.NaN);
      return;
    }
    // The common waits, told when read: on a task, on a sleep.
    if (typeof waiter.getName === "function" && typeof waiter.getCoro === "function") {
      this.log.waitTask(this.loopOf(task._loop, t), t, id, rawName(waiter), this.recorded(waiter)?.id ?? 0);
      return;
    }
    if (!Array.isArray(waiter._children)) {
      const owner = this.waitOwner(waiter) as Live;
      if (typeof owner?._when === "number") {
        const detail = this.waitDetail(waiter);
        this.log.sleep(this.loopOf(task._loop, t), t, id, typeof detail === "number" ? detail : owner._when - t, owner._when);
        return;
      }
    }
    const [on, what] = this.describe(waiter, t);
    this.log.wait(this.loopOf(task._loop, t), t, id, on, what, this.targets(waiter), on === "timer" ? this.deadline(waiter) : Number.NaN);
  };

  afterCallback = (handle: Live, t: number): void => {
    const callback = this.callback;
    this.callback = null;
    if (callback !== null && t - callback.t >= SLOW) this.slow(handle._loop, null, `the callback ${wakerName(callback)}`, callback.t, t - callback.t, null);
  };

  afterRun = (loop: Live, t: number): void => {
    if (this.created.count > 0) this.forgotten(loop, t);
    const failed = this.failed.filter((task) => task._loop === loop && task._logTraceback === true);
    this.unretrieved.set(loop, failed);
    this.failed = this.failed.filter((task) => task._loop !== loop);
  };

  /** A step ran long: where it waits now, if it has run long already (the reader's line there). */
  private waiting = (task: Live): void => {
    if (this.slowAt === null && task._loop.time() - this.started >= SLOW) this.slowAt = this.here(50);
  };

  private madeCoroutine = (coro: object, t: number): void => {
    // Made inside a step or callback, whose loop was the last one seen.
    this.created.add(coro, this.lastLoop, t, this.running, this.coroutineLine(), null);
  };

  /**
   * The reader's coroutine function `name` made `coro` (a runtime that tracks them tells,
   * see ./coroutines.ts): noted if it is never started, like the library's own.
   */
  coroutineMade(coro: object, name: string): void {
    if (this.coroutineStarted === undefined) return;
    const t = this.running !== null ? this.started : (this.callback?.t ?? Number.NaN);
    this.created.add(coro, this.running !== null || this.callback !== null ? this.lastLoop : null, t, this.running, this.coroutineLine(), name);
  }

  /**
   * Where a coroutine is made, captured but not read: reading a stack (a call site object per
   * frame) costs about half again what capturing it does, and most coroutines are awaited at
   * once. Read only for one never awaited.
   */
  private coroutineLine(): Error | null {
    if (this.locate === undefined || this.coroutineLinesLeft <= 0) return null;
    this.coroutineLinesLeft -= 1;
    return capture(20);
  }

  /** Most coroutines are awaited in the step that makes them, or taken over by a task: only the others are kept. */
  private dropStarted(): void {
    const started = this.coroutineStarted!;
    const created = this.created;
    let kept = 0;
    for (let index = 0; index < created.count; index++) {
      const coro = created.coro[index]!;
      if (!started(coro) && !this.wrapped.has(coro)) created.move(index, kept++);
    }
    created.truncate(kept);
  }

  /** The coroutines made while `loop` ran that nobody started: Python's "coroutine ... was never awaited". */
  private forgotten(loop: Live, stopped: number): void {
    const started = this.coroutineStarted!;
    const created = this.created;
    let kept = 0;
    for (let index = 0; index < created.count; index++) {
      const made = created.coro[index]! as Live;
      const madeLoop = created.loop[index];
      if (madeLoop !== null && madeLoop !== loop) {
        created.move(index, kept++);
        continue;
      }
      if (started(made) || this.wrapped.has(made)) continue;
      const name = created.name[index] ?? (made.constructor?.name === "Sleep0" || typeof made._when === "number" ? "sleep" : "coroutine");
      const t = created.t[index]!;
      // Made outside the loop (top-level code): noted when the loop stops.
      this.note(loop, Number.isNaN(t) ? stopped : t, "never-awaited", created.id[index]!, `coroutine '${name}' was created and never awaited`, this.lineIn(created.at[index]!));
    }
    created.truncate(kept);
  }

  /** Coroutines a task took over (they start when it runs, or are closed with it). */
  private readonly wrapped = new WeakSet<object>();

  private slow(loop: Live, id: number | null, what: string, t: number, took: number, at: SourceLine | null): void {
    this.note(loop, t, "slow", id, `${what} held the loop for ${took.toFixed(3)} s (debug mode reports 0.100 s or more)`, at);
  }

  private note(loop: Live, t: number, kind: NoteKind, id: number | null, text: string, at: SourceLine | null): void {
    const event: TimelineEvent = { k: "note", loop: this.loopOf(loop, t), t, kind, id, text };
    if (at) event.at = at;
    this.log.add(event);
  }

  /** The loop closes: notes the task exceptions nobody retrieved, then the close itself. */
  private closing(loop: Live): void {
    const t = Number(loop.time());
    for (const task of this.unretrieved.get(loop) ?? []) {
      this.note(loop, t, "unretrieved", this.idOf(task, t), `Task exception was never retrieved: ${this.nameOf(task)} raised ${typeName(task._exception)}`, null);
    }
    this.unretrieved.delete(loop);
    this.log.add({ k: "close", loop: this.loopOf(loop, t), t });
  }

  /** The reader's line here, while the budget lasts. */
  private line(): SourceLine | null {
    if (this.locate === undefined || this.linesLeft <= 0) return null;
    this.linesLeft -= 1;
    return this.here(12) ?? this.here(20);
  }

  /** The reader's line in the stack here, looking at most `frames` frames deep. */
  private here(frames: number): SourceLine | null {
    return this.lineIn(capture(frames));
  }

  /** The reader's line in a stack {@link capture}d earlier (`null`: none captured). */
  private lineIn(stack: Error | null): SourceLine | null {
    if (stack === null) return null;
    const holder = Error as { prepareStackTrace?: unknown };
    const prepare = holder.prepareStackTrace;
    holder.prepareStackTrace = positions;
    const text = stack.stack ?? "";
    if (prepare === undefined) delete holder.prepareStackTrace;
    else holder.prepareStackTrace = prepare;
    return this.locate!(text);
  }

  /** The ids of the tasks a waiting future stands for: a task, gather's children, a TaskGroup's or `wait()`'s tasks. */
  private targets(future: Live): number[] {
    if (typeof future.getCoro === "function") return this.known(future);
    if (Array.isArray(future._children)) return future._children.flatMap((child: Live) => this.known(child));
    const owner = this.waitOwner(future) as Live;
    const group = owner instanceof Set ? owner : owner?._tasks instanceof Set ? owner._tasks : null;
    if (group === null) return [];
    const ids: number[] = [];
    for (const task of group) ids.push(...this.known(task));
    return ids;
  }

  private known(task: Live): number[] {
    const record = this.recorded(task);
    return record === undefined ? [] : [record.id];
  }

  /** Who holds each lock: asyncio's locks keep no owner, the library's hooks tell. */
  lockAcquired = (lock: object, t: number): void => {
    this.log.add({ k: "hold", t, what: this.ordinal(lock, "Lock"), id: this.running });
  };

  lockReleased = (lock: object, t: number): void => {
    this.log.add({ k: "hold", t, what: this.ordinal(lock, "Lock") });
  };

  taskExited = (task: Live, t: number): void => {
    const record = this.recordOf(task, t);
    const id = record.id;
    this.rename(task, record);
    if (task._state === 1) {
      this.log.exit(this.loopOf(task._loop, t), t, id, "cancelled", "CancelledError");
    } else if (task._exception !== null) {
      const detail = typeName(task._exception);
      this.failed.push(task);
      this.log.exit(this.loopOf(task._loop, t), t, id, "exception", detail);
    } else {
      // A primitive result is told when read; an object, now (it may change later).
      const result = task._result;
      if ((typeof result === "object" && result !== null) || typeof result === "function") this.log.exit(this.loopOf(task._loop, t), t, id, "result", short(result));
      else this.log.returned(this.loopOf(task._loop, t), t, id, result);
    }
  };

  /** The program wrote `text` to stdout: each line it completes is the running task's. */
  printed(text: string): void {
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) {
      const line = this.lines++;
      this.log.add({ k: "print", line, id: this.running, t: this.running === null ? null : this.started });
    }
  }

  beforeCallback = (handle: Live, t: number): void => {
    const timer = typeof handle._when === "number";
    const callback = handle._callback;
    // The function's name is read when the event is.
    const name = handle.constructor?.name === "SleepHandle" ? "sleep wake-up" : typeof callback === "function" ? callback : "callback";
    this.callback = { t, name, timer };
    this.log.callback(this.loopOf(handle._loop, t), this.callback);
  };

  private idOf(task: Live, t: number): number {
    return this.recordOf(task, t).id;
  }

  private recordOf(task: Live, t: number): TaskRecord {
    if (task === this.lastTask) return this.lastTaskRecord;
    let known = this.recorded(task);
    if (known === undefined) {
      // A task spawned before the recorder was installed.
      this.taskSpawned(task, t);
      known = this.recorded(task)!;
    }
    this.lastTask = task;
    this.lastTaskRecord = known;
    return known;
  }

  /** When a sleep's future will be woken (NaN if `future` is no sleep). */
  deadline(future: object): number {
    const owner = this.waitOwner(future) as Live;
    return typeof owner?._when === "number" ? owner._when : Number.NaN;
  }

  /** The task's id in the events (for tools that share this recorder's view); 0 if never seen. */
  taskId(task: object): number {
    return this.recorded(task)?.id ?? 0;
  }

  private recorded(task: Live): TaskRecord | undefined {
    const record: TaskRecord | undefined = task[RECORD];
    if (record !== undefined && record.owner === this) return record;
    return this.shared?.get(task);
  }

  private remember(task: Live, record: TaskRecord): void {
    if (task[RECORD] === undefined) task[RECORD] = record;
    else (this.shared ??= new WeakMap()).set(task, record);
  }

  /** The task's name as last seen (for tools that share this recorder's view). */
  nameOf(task: Live): string {
    return String(task.getName());
  }

  private rename(task: Live, record: TaskRecord): void {
    if (task._name === record.name) return;
    // Renamed, or only its default name formatted (`getName()` does that), or no `_name`.
    const name = String(task.getName());
    const before = displayName(record.name);
    record.name = rawName(task);
    if (name !== before) this.log.add({ k: "name", id: record.id, name });
  }

  // Small enough for the engine to inline into each hook: a call that passes `t` on costs a
  // number object per event (the hooks hold `t` unboxed), which the garbage collector pays for.
  private loopOf(loop: Live, t: number): number {
    return loop === this.lastLoop ? this.lastLoopIndex : this.otherLoop(loop, t);
  }

  private otherLoop(loop: Live, t: number): number {
    const known = this.loops.get(loop);
    if (known !== undefined) {
      this.lastLoop = loop;
      this.lastLoopIndex = known;
      return known;
    }
    const index = this.nextLoop++;
    this.loops.set(loop, index);
    if (typeof loop?._onClose === "function" && loop.isClosed?.() === false) loop._onClose(() => this.closing(loop));
    this.log.add({ k: "loop", loop: index, kind: String(loop?.constructor?.name ?? "loop"), t });
    return index;
  }

  /** What a waiting future is, and its name for people ("sleep(0.3)" as of time `t`). */
  describe(future: Live, t: number): [WaitKind, string] {
    if (typeof future.getName === "function" && typeof future.getCoro === "function") {
      return ["task", String(future.getName())];
    }
    if (Array.isArray(future._children)) {
      const names = future._children.map((child: Live) => (typeof child.getName === "function" ? String(child.getName()) : "a future"));
      return ["gather", `gather(${names.slice(0, 3).join(", ")}${names.length > 3 ? `, … ${names.length} in all` : ""})`];
    }
    const owner = this.waitOwner(future) as Live;
    if (owner === undefined) return ["future", "a future"];
    if (typeof owner._when === "number") {
      const detail = this.waitDetail(future);
      const delay = typeof detail === "number" ? detail : owner._when - t;
      return ["timer", `sleep(${seconds(delay)})`];
    }
    if (owner instanceof Set) return ["gather", `wait(${[...owner].slice(0, 3).map((f: Live) => (typeof f.getName === "function" ? String(f.getName()) : "a future")).join(", ")}${owner.size > 3 ? `, … ${owner.size} in all` : ""})`];
    const className = String(owner.constructor?.name ?? "object");
    return [OWNER_KINDS[className] ?? "future", this.ordinal(owner, className)];
  }

  /** "Queue 1", "Lock 2": objects named by class and the order they were first waited on. */
  private ordinal(owner: object, className: string): string {
    let name = this.ordinals.get(owner);
    if (name === undefined) {
      const count = (this.counts.get(className) ?? 0) + 1;
      this.counts.set(className, count);
      name = `${className} ${count}`;
      this.ordinals.set(owner, name);
    }
    return name;
  }
}

/** The stack here, at most `frames` deep, captured and not yet read (see {@link positions}). */
function capture(frames: number): Error {
  const holder = Error as { stackTraceLimit?: number };
  const limit = holder.stackTraceLimit;
  holder.stackTraceLimit = frames;
  const error = new Error();
  if (limit === undefined) delete holder.stackTraceLimit;
  else holder.stackTraceLimit = limit;
  return error;
}

/** A V8 call site, as `Error.prepareStackTrace` receives it. */
interface CallSite {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}

/**
 * A stack as `locate` reads it ("Error", then a line per frame), with only where each frame
 * is: V8's own text (function and receiver names, per frame) cost the recording of a created
 * task more than half its time. Engines without `Error.prepareStackTrace` give their own text.
 */
function positions(_error: unknown, sites: CallSite[]): string {
  let stack = "Error";
  for (const site of sites) {
    const file = site.getFileName();
    if (file) stack += `\n    at ${file}:${site.getLineNumber()}:${site.getColumnNumber()}`;
  }
  return stack;
}

/**
 * Coroutines made and not seen started yet, in columns: where they were made (loop, loop
 * time, task id), the reader's line there, and the name of a reader's coroutine function
 * (null: the library's). An object each cost more than the rest of recording a `sleep()`.
 */
class Made {
  count = 0;
  readonly coro: Array<object | null> = [];
  readonly loop: Array<object | null> = [];
  readonly t: number[] = [];
  readonly id: Array<number | null> = [];
  /** Where it was made: a captured stack, read when needed. */
  readonly at: Array<Error | null> = [];
  readonly name: Array<string | null> = [];

  add(coro: object, loop: object | null, t: number, id: number | null, at: Error | null, name: string | null): void {
    const index = this.count++;
    this.coro[index] = coro;
    this.loop[index] = loop;
    this.t[index] = t;
    this.id[index] = id;
    this.at[index] = at;
    this.name[index] = name;
  }

  move(from: number, to: number): void {
    if (from === to) return;
    this.coro[to] = this.coro[from]!;
    this.loop[to] = this.loop[from]!;
    this.t[to] = this.t[from]!;
    this.id[to] = this.id[from]!;
    this.at[to] = this.at[from]!;
    this.name[to] = this.name[from]!;
  }

  /** Keeps the first `count` (the columns keep their size; the coroutines past it are let go). */
  truncate(count: number): void {
    for (let index = count; index < this.count; index++) {
      this.coro[index] = null;
      this.loop[index] = null;
      this.at[index] = null;
    }
    this.count = count;
  }
}

/** A task's name as the library keeps it: asyncio's default names as their number (see {@link RawName}). */
function rawName(task: Live): RawName {
  const name = task._name;
  return typeof name === "number" || typeof name === "string" ? name : String(task.getName());
}

function wakerName(callback: CallbackWaker): string {
  if (typeof callback.name !== "string") callback.name = callbackName(callback.name);
  return callback.name;
}

function typeName(value: unknown): string {
  if (typeof value !== "object" || value === null) return typeof value;
  const className = (value as object).constructor?.name;
  if (className && className !== "Error" && className !== "Object") return className;
  const name = (value as { name?: unknown }).name;
  return typeof name === "string" ? name : "Error";
}

function callbackName(callback: unknown): string {
  const name = typeof callback === "function" ? callback.name.replace(/^bound /, "") : "";
  return name === "" ? "callback" : name;
}

/** A result in at most 40 characters, Python-flavoured for the common types. */
export function short(value: unknown): string {
  let text: string;
  if (value === undefined || value === null) text = "None";
  else if (typeof value === "string") text = `'${value}'`;
  else if (typeof value === "boolean") text = value ? "True" : "False";
  else if (typeof value === "number" || typeof value === "bigint") text = String(value);
  else if (Array.isArray(value)) text = `[${value.slice(0, 10).map(short).join(", ")}${value.length > 10 ? ", …" : ""}]`;
  else text = (value as object).constructor?.name ?? "object";
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
