/**
 * The timeline's one instrument (`src/loop/instruments.ts` hooks): turns the live loop's
 * tasks, futures and callbacks into plain {@link TimelineEvent}s. It reads the objects by
 * their fields, not by class, so it works with any copy of the library (the worker's bundle
 * included); `waitOwner` and `waitDetail` are that copy's (`asyncio/instruments`).
 */
import type { Outcome, TimelineEvent, WaitKind } from "./events.ts";

// biome-ignore lint/suspicious/noExplicitAny: live library objects, read by field
type Live = any;

export interface RecorderOptions {
  /** The library's `waitOwner`: what a waiting future belongs to. */
  waitOwner: (future: object) => object | undefined;
  /** The library's `waitDetail`: what was noted with the owner (a sleep's delay). */
  waitDetail: (future: object) => unknown;
  /** Called with each new event (e.g. to batch them to the page); default: kept in `events`. */
  onEvent?: (event: TimelineEvent) => void;
}

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
};

export class TimelineRecorder {
  readonly events: TimelineEvent[] = [];
  private readonly emit: (event: TimelineEvent) => void;
  private readonly waitOwner: (future: object) => object | undefined;
  private readonly waitDetail: (future: object) => unknown;
  /** Each task's id and its name as last reported. */
  private readonly ids = new WeakMap<object, { id: number; name: string }>();
  // The task and loop of the last event: hooks come in runs about one task on one loop.
  private lastTask: object | null = null;
  private lastTaskRecord = { id: 0, name: "" };
  private lastLoop: object | null = null;
  private lastLoopIndex = 0;
  private readonly loops = new WeakMap<object, number>();
  private readonly ordinals = new WeakMap<object, string>();
  private readonly counts = new Map<string, number>();
  private nextId = 1;
  private nextLoop = 0;
  private running: number | null = null;
  /** When the running task's step began. */
  private runningSince = 0;
  /** Stdout lines completed so far (see {@link printed}). */
  private lines = 0;

  constructor(options: RecorderOptions) {
    this.waitOwner = options.waitOwner;
    this.waitDetail = options.waitDetail;
    this.emit = options.onEvent ?? ((event) => this.events.push(event));
  }

  // The hooks, as arrow properties so that the instrument can be installed as is.
  taskSpawned = (task: Live, t: number): void => {
    const id = this.nextId++;
    const name = String(task.getName());
    this.ids.set(task, { id, name });
    this.emit({ k: "spawn", loop: this.loopOf(task._loop, t), t, id, name, parent: this.running });
  };

  beforeTaskStep = (task: Live, t: number): void => {
    const id = this.idOf(task, t);
    this.rename(task, id);
    this.running = id;
    this.runningSince = t;
    const waiter = task._futWaiter;
    const cancelled = task._mustCancel === true || (waiter != null && waiter._state === 1);
    const event: TimelineEvent = { k: "step", loop: this.loopOf(task._loop, t), t, id };
    if (cancelled) event.cancel = true;
    this.emit(event);
  };

  afterTaskStep = (task: Live, t: number): void => {
    const id = this.idOf(task, t);
    this.running = null;
    if (task._state !== 0) return; // done: taskExited follows
    const waiter = task._futWaiter;
    if (waiter == null) {
      this.emit({ k: "wait", loop: this.loopOf(task._loop, t), t, id, on: "ready", what: "sleep(0)" });
      return;
    }
    const [on, what] = this.describe(waiter, t);
    this.emit({ k: "wait", loop: this.loopOf(task._loop, t), t, id, on, what });
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
    this.emit({ k: "exit", loop: this.loopOf(task._loop, t), t, id, outcome, detail });
  };

  /** The program wrote `text` to stdout: each line it completes is the running task's. */
  printed(text: string): void {
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) {
      const line = this.lines++;
      this.emit({ k: "print", line, id: this.running, t: this.running === null ? null : this.runningSince });
    }
  }

  beforeCallback = (handle: Live, t: number): void => {
    const timer = typeof handle._when === "number";
    const name = handle.constructor?.name === "SleepHandle" ? "sleep wake-up" : callbackName(handle._callback);
    this.emit({ k: "callback", loop: this.loopOf(handle._loop, t), t, timer, name });
  };

  private idOf(task: Live, t: number): number {
    return this.recordOf(task, t).id;
  }

  private recordOf(task: Live, t: number): { id: number; name: string } {
    if (task === this.lastTask) return this.lastTaskRecord;
    let known = this.ids.get(task);
    if (known === undefined) {
      // A task spawned before the recorder was installed.
      this.taskSpawned(task, t);
      known = this.ids.get(task)!;
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
