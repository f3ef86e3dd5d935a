/**
 * The timeline's one instrument (`src/loop/instruments.ts` hooks): turns the live loop's
 * tasks, futures and callbacks into plain {@link TimelineEvent}s. It reads the objects by
 * their fields, not by class, so it works with any copy of the library (the worker's bundle
 * included); `waitOwner` and `waitDetail` are that copy's (`asyncio/instruments`).
 */
import { LINE_BUDGET, type NoteKind, type Outcome, type SourceLine, type TimelineEvent, type WaitKind, type Waker } from "./events.ts";

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
  /** Called with each new event (e.g. to batch them to the page); default: kept in `events`. */
  onEvent?: (event: TimelineEvent) => void;
}

/** What asyncio's debug mode calls slow by default (`loop.slow_callback_duration`), seconds. */
const SLOW = 0.1;

/** What the recorder keeps per task: its id, its name as last reported, and who made it ready last. */
interface TaskRecord {
  id: number;
  name: string;
  woke: Waker | null;
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
  readonly events: TimelineEvent[] = [];
  private readonly emit: (event: TimelineEvent) => void;
  private readonly waitOwner: (future: object) => object | undefined;
  private readonly waitDetail: (future: object) => unknown;
  /** Records of tasks that another recorder had already claimed (see {@link RECORD}). */
  private shared: WeakMap<object, TaskRecord> | null = null;
  // The task and loop of the last event: hooks come in runs about one task on one loop.
  private lastTask: object | null = null;
  private lastTaskRecord: TaskRecord = { id: 0, name: "", woke: null, owner: this };
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
  private callback: { t: number; callback: string; timer: boolean } | null = null;
  /** The running step as a waker, made on its first wake-up. */
  private stepWaker: Waker | null = null;
  /** When the running task's step began (loop time). */
  private started = 0;
  /** Where a step that has already run long waits, captured in `taskWaiting`. */
  private slowAt: SourceLine | null = null;
  /** Coroutines made (the library's, and the reader's where the runtime tracks them), until their loop stops; then unstarted ones are noted. */
  private created: Array<{ coro: object; loop: object | null; t: number; id: number | null; at: SourceLine | null; name?: string }> = [];
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
    this.emit = options.onEvent ?? ((event) => this.events.push(event));
    this.locate = options.locate;
    this.coroutineStarted = options.coroutineStarted;
    // Hooks that cost every program a little are installed only where they can say something.
    if (this.locate) this.taskWaiting = this.waiting;
    if (this.coroutineStarted) this.coroutineCreated = this.madeCoroutine;
  }

  taskWaiting?: (task: Live, t: number) => void;
  coroutineCreated?: (coro: object, t: number) => void;

  // The hooks, as arrow properties so that the instrument can be installed as is.
  taskSpawned = (task: Live, t: number): void => {
    if (this.created.length > 0) this.wrapped.add(task._coro);
    const id = this.nextId++;
    const name = String(task.getName());
    this.remember(task, { id, name, woke: null, owner: this });
    const event: TimelineEvent = { k: "spawn", loop: this.loopOf(task._loop, t), t, id, name, parent: this.running };
    const at = this.line();
    if (at) event.at = at;
    this.lastSpawned = task;
    this.emit(event);
  };

  taskScheduled = (task: Live, t: number): void => {
    // A new task's first scheduling: its spawner is its parent already.
    if (task === this.lastSpawned) {
      this.lastSpawned = null;
      return;
    }
    const waker = this.running !== null ? (this.stepWaker ??= { t, task: this.running }) : this.callback;
    if (waker === null) return;
    const record = task === this.lastTask ? this.lastTaskRecord : this.recorded(task);
    if (record !== undefined) record.woke = waker;
  };

  beforeTaskStep = (task: Live, t: number): void => {
    const record = this.recordOf(task, t);
    const id = record.id;
    this.rename(task, id);
    this.running = id;
    this.stepWaker = null;
    this.started = t;
    this.slowAt = null;
    const waiter = task._futWaiter;
    const cancelled = task._mustCancel === true || (waiter != null && waiter._state === 1);
    const event: TimelineEvent = { k: "step", loop: this.loopOf(task._loop, t), t, id };
    if (cancelled) event.cancel = true;
    if (record.woke !== null) {
      event.woke = record.woke;
      record.woke = null;
    }
    this.emit(event);
  };

  afterTaskStep = (task: Live, t: number): void => {
    const id = this.idOf(task, t);
    this.running = null;
    if (t - this.started >= SLOW) this.slow(task._loop, id, `${this.nameOf(task)}'s step`, this.started, t - this.started, this.slowAt);
    if (this.created.length > 0) this.dropStarted();
    if (task._state !== 0) return; // done: taskExited follows
    const waiter = task._futWaiter;
    if (waiter == null) {
      this.emit({ k: "wait", loop: this.loopOf(task._loop, t), t, id, on: "ready", what: "sleep(0)" });
      return;
    }
    const [on, what] = this.describe(waiter, t);
    const event: TimelineEvent = { k: "wait", loop: this.loopOf(task._loop, t), t, id, on, what };
    const targets = this.targets(waiter);
    if (targets.length > 0) event.targets = targets;
    if (on === "timer") event.until = this.deadline(waiter);
    this.emit(event);
  };

  afterCallback = (handle: Live, t: number): void => {
    const callback = this.callback;
    this.callback = null;
    if (callback !== null && t - callback.t >= SLOW) this.slow(handle._loop, null, `the callback ${callback.callback}`, callback.t, t - callback.t, null);
  };

  afterRun = (loop: Live, t: number): void => {
    if (this.created.length > 0) this.forgotten(loop, t);
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
    this.created.push({ coro, loop: this.lastLoop, t, id: this.running, at: this.coroutineLine() });
  };

  /**
   * The reader's coroutine function `name` made `coro` (a runtime that tracks them tells,
   * see ./coroutines.ts): noted if it is never started, like the library's own.
   */
  coroutineMade(coro: object, name: string): void {
    if (this.coroutineStarted === undefined) return;
    const t = this.running !== null ? this.started : (this.callback?.t ?? Number.NaN);
    this.created.push({ coro, loop: this.running !== null || this.callback !== null ? this.lastLoop : null, t, id: this.running, at: this.coroutineLine(), name });
  }

  private coroutineLine(): SourceLine | null {
    if (this.locate === undefined || this.coroutineLinesLeft <= 0) return null;
    this.coroutineLinesLeft -= 1;
    return this.here(20);
  }

  /** Most coroutines are awaited in the step that makes them, or taken over by a task: only the others are kept. */
  private dropStarted(): void {
    const started = this.coroutineStarted!;
    const created = this.created;
    let kept = 0;
    for (const made of created) if (!started(made.coro) && !this.wrapped.has(made.coro)) created[kept++] = made;
    created.length = kept;
  }

  /** The coroutines made while `loop` ran that nobody started: Python's "coroutine ... was never awaited". */
  private forgotten(loop: Live, stopped: number): void {
    const started = this.coroutineStarted!;
    const keep: typeof this.created = [];
    for (const made of this.created) {
      if (made.loop !== null && made.loop !== loop) {
        keep.push(made);
        continue;
      }
      if (started(made.coro) || this.wrapped.has(made.coro)) continue;
      const name = made.name ?? ((made.coro as Live).constructor?.name === "Sleep0" || typeof (made.coro as Live)._when === "number" ? "sleep" : "coroutine");
      // Made outside the loop (top-level code): noted when the loop stops.
      this.note(loop, Number.isNaN(made.t) ? stopped : made.t, "never-awaited", made.id, `coroutine '${name}' was created and never awaited`, made.at);
    }
    this.created = keep;
  }

  /** Coroutines a task took over (they start when it runs, or are closed with it). */
  private readonly wrapped = new WeakSet<object>();

  private slow(loop: Live, id: number | null, what: string, t: number, took: number, at: SourceLine | null): void {
    this.note(loop, t, "slow", id, `${what} held the loop for ${took.toFixed(3)} s (debug mode reports 0.100 s or more)`, at);
  }

  private note(loop: Live, t: number, kind: NoteKind, id: number | null, text: string, at: SourceLine | null): void {
    const event: TimelineEvent = { k: "note", loop: this.loopOf(loop, t), t, kind, id, text };
    if (at) event.at = at;
    this.emit(event);
  }

  /** The loop closes: notes the task exceptions nobody retrieved, then the close itself. */
  private closing(loop: Live): void {
    const t = Number(loop.time());
    for (const task of this.unretrieved.get(loop) ?? []) {
      this.note(loop, t, "unretrieved", this.idOf(task, t), `Task exception was never retrieved: ${this.nameOf(task)} raised ${typeName(task._exception)}`, null);
    }
    this.unretrieved.delete(loop);
    this.emit({ k: "close", loop: this.loopOf(loop, t), t });
  }

  /** The reader's line here, while the budget lasts. */
  private line(): SourceLine | null {
    if (this.locate === undefined || this.linesLeft <= 0) return null;
    this.linesLeft -= 1;
    return this.here(20);
  }

  /** The reader's line in the stack here, looking at most `frames` frames deep. */
  private here(frames: number): SourceLine | null {
    const holder = Error as { stackTraceLimit?: number };
    const limit = holder.stackTraceLimit;
    holder.stackTraceLimit = frames;
    const stack = new Error().stack ?? "";
    if (limit === undefined) delete holder.stackTraceLimit;
    else holder.stackTraceLimit = limit;
    return this.locate!(stack);
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
    this.emit({ k: "hold", t, what: this.ordinal(lock, "Lock"), id: this.running });
  };

  lockReleased = (lock: object, t: number): void => {
    this.emit({ k: "hold", t, what: this.ordinal(lock, "Lock") });
  };

  taskExited = (task: Live, t: number): void => {
    const id = this.idOf(task, t);
    this.rename(task, id);
    let outcome: Outcome;
    let detail: string;
    if (task._state === 1) {
      outcome = "cancelled";
      detail = "CancelledError";
    } else if (task._exception !== null) {
      outcome = "exception";
      detail = typeName(task._exception);
    } else {
      outcome = "result";
      detail = short(task._result);
    }
    if (outcome === "exception") this.failed.push(task);
    this.emit({ k: "exit", loop: this.loopOf(task._loop, t), t, id, outcome, detail });
  };

  /** The program wrote `text` to stdout: each line it completes is the running task's. */
  printed(text: string): void {
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) {
      const line = this.lines++;
      this.emit({ k: "print", line, id: this.running, t: this.running === null ? null : this.started });
    }
  }

  beforeCallback = (handle: Live, t: number): void => {
    const timer = typeof handle._when === "number";
    const name = handle.constructor?.name === "SleepHandle" ? "sleep wake-up" : callbackName(handle._callback);
    this.callback = { t, callback: name, timer };
    this.emit({ k: "callback", loop: this.loopOf(handle._loop, t), t, timer, name });
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

  private rename(task: Live, id: number): void {
    const name = String(task.getName());
    const record = this.recordOf(task, 0);
    if (record.name === name) return;
    record.name = name;
    this.emit({ k: "name", id, name });
  }

  private loopOf(loop: Live, t: number): number {
    if (loop === this.lastLoop) return this.lastLoopIndex;
    const known = this.loops.get(loop);
    if (known !== undefined) {
      this.lastLoop = loop;
      this.lastLoopIndex = known;
      return known;
    }
    const index = this.nextLoop++;
    this.loops.set(loop, index);
    if (typeof loop?._onClose === "function" && loop.isClosed?.() === false) loop._onClose(() => this.closing(loop));
    this.emit({ k: "loop", loop: index, kind: String(loop?.constructor?.name ?? "loop"), t });
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

function seconds(value: number): string {
  return String(Number(value.toPrecision(6)));
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
