/**
 * Step through, worker side: an instrument that pauses the loop before each callback or
 * task step the reader has not skipped, and describes the loop's state at that moment
 * (ready queue, timers, tasks, clock, the line about to run). Pausing is `pause()`,
 * which blocks (see ./step-control.ts), so the program runs in exactly its usual order.
 */
import type { TimelineRecorder } from "./instrument.ts";
import { StepCommand } from "./step-control.ts";
import type { SourceLine, StepSnapshot } from "./step-snapshot.ts";

// biome-ignore lint/suspicious/noExplicitAny: live library objects, read by field
type Live = any;

export interface StepperOptions {
  /** Names tasks and waits the way the Timeline does. */
  recorder: TimelineRecorder;
  /** Shows the snapshot and blocks until the reader's command. */
  pause: (snapshot: StepSnapshot) => StepCommand;
  /** The reader's own frame in a stack trace (a snippet or chapter file), if any. */
  locate?: (stack: string) => SourceLine | null;
}

export class Stepper {
  private readonly options: StepperOptions;
  private readonly tasks: Live[] = [];
  /** Where each task waits (or was created, before its first step). */
  private readonly lines = new WeakMap<object, { line: SourceLine; started: boolean }>();
  private command: StepCommand = StepCommand.Next;
  private commandTick = 0;
  private commandTime = 0;
  private tick = 0;
  /** Callbacks of the current iteration still to run after this one. */
  private remaining = 0;
  private ran = 0;
  private current: Live = null;

  constructor(options: StepperOptions) {
    this.options = options;
  }

  /** Hooks (arrow properties: the stepper is installed as an instrument as is). */
  taskSpawned = (task: Live): void => {
    this.tasks.push(task);
    const line = this.here();
    if (line) this.lines.set(task, { line, started: false });
  };

  beforeTaskStep = (task: Live, t: number): void => {
    this.before(task, t, true);
    this.current = task;
  };

  afterTaskStep = (): void => {
    this.current = null;
  };

  beforeCallback = (handle: Live, t: number): void => this.before(handle, t, false);

  /** Where a plain callback or timer was scheduled, for the pause before it runs. */
  callbackScheduled = (handle: Live): void => this.noteScheduled(handle);
  timerScheduled = (timer: Live): void => this.noteScheduled(timer);

  private noteScheduled(handle: Live): void {
    const line = this.here();
    if (line) this.lines.set(handle, { line, started: false });
  }

  /** The `taskWaiting` hook, called in the frame where a task starts to wait: remembers the reader's line. */
  taskWaiting = (task: Live): void => {
    const line = this.here();
    if (line) this.lines.set(task, { line, started: true });
  };

  private here(): SourceLine | null {
    if (!this.options.locate) return null;
    // Deep `yield*` chains need more than V8's default 10 frames to reach the reader's code.
    const holder = Error as { stackTraceLimit?: number };
    const limit = holder.stackTraceLimit;
    holder.stackTraceLimit = 50;
    const stack = new Error().stack ?? "";
    if (limit === undefined) delete holder.stackTraceLimit;
    else holder.stackTraceLimit = limit;
    return this.options.locate(stack);
  }

  /**
   * A loop of the reader's own making (chapter 6's TinyLoop, through its static `watcher`)
   * is about to run `callback`: pauses as for the library's loops, showing that loop's own
   * `ready` array and `timers` heap. Such a loop keeps no list of its tasks.
   */
  ownLoopCallback = (loop: Live, callback: Live): void => {
    const t = Number(loop.time?.() ?? 0);
    const ready: Live[] = Array.isArray(loop.ready) ? loop.ready : [];
    this.pauseIfAsked(callback, t, false, ready.length, () => ({
      time: t,
      loopKind: String(loop.constructor?.name ?? "loop"),
      tick: this.tick,
      ran: this.ran - 1,
      next: { what: sourceText(callback), line: null, lineNote: "" },
      ready: ready.map(sourceText),
      timers: (Array.isArray(loop.timers) ? [...(loop.timers as Live[])] : [])
        .sort((a, b) => a.when - b.when || a.seq - b.seq)
        .map((timer) => ({ when: timer.when, what: sourceText(timer.callback) })),
      tasks: null,
    }));
  };

  private before(runnable: Live, t: number, isTask: boolean): void {
    const readyLength: number = runnable._loop?._ready?.length ?? 0;
    this.pauseIfAsked(runnable, t, isTask, readyLength, () => this.snapshot(runnable, t, isTask));
  }

  /** Counts the callback (and loop iterations), then pauses if the reader's last command says so. */
  private pauseIfAsked(runnable: Live, t: number, isTask: boolean, readyLength: number, snapshot: () => StepSnapshot): void {
    // A new iteration begins when the last one's callbacks have all run.
    if (this.remaining <= 0) {
      this.tick += 1;
      this.remaining = readyLength;
    } else {
      this.remaining = Math.min(this.remaining - 1, readyLength);
    }
    this.ran += 1;
    if (!this.shouldPause(runnable, t, isTask)) return;
    const command = this.options.pause(snapshot());
    this.command = command;
    this.commandTick = this.tick;
    this.commandTime = t;
  }

  private shouldPause(runnable: Live, t: number, isTask: boolean): boolean {
    switch (this.command) {
      case StepCommand.Next:
        return true;
      case StepCommand.NextTick:
        return this.tick > this.commandTick;
      case StepCommand.NextTimer:
        return t > this.commandTime || (!isTask && typeof runnable._when === "number");
      default:
        return false;
    }
  }

  private snapshot(runnable: Live, t: number, isTask: boolean): StepSnapshot {
    const loop = runnable._loop;
    const where = this.lines.get(runnable);
    let lineNote = "";
    if (where && !isTask) lineNote = `scheduled at line ${where.line.line}`;
    else if (where) lineNote = where.started ? `resumes where it waits, line ${where.line.line}` : `starts; created at line ${where.line.line}`;
    const ready = typeof loop?._ready?.toArray === "function" ? (loop._ready.toArray() as Live[]) : [];
    const timers = ((loop?._scheduled?._items ?? []) as Live[])
      .filter((timer) => !timer._cancelled)
      .sort((a, b) => a._when - b._when || a._seq - b._seq)
      .map((timer) => ({ when: timer._when, what: this.runnableText(timer) }));
    const readySet = new Set(ready);
    return {
      time: t,
      loopKind: String(loop?.constructor?.name ?? "loop"),
      tick: this.tick,
      ran: this.ran - 1,
      next: { what: this.runnableText(runnable) + (isTask && cancelling(runnable) ? ", and CancelledError is thrown into it" : ""), line: where?.line ?? null, lineNote },
      ready: ready.map((item) => this.runnableText(item)),
      timers,
      tasks: this.tasks.map((task) => ({
        name: this.options.recorder.nameOf(task),
        state: task === runnable ? "running" : this.taskState(task, readySet, t),
        id: this.options.recorder.taskId(task),
      })),
    };
  }

  private taskState(task: Live, ready: Set<unknown>, t: number): string {
    if (task._state === 1) return "done (cancelled)";
    if (task._state === 2) return task._exception !== null ? "done (exception)" : "done (result)";
    if (ready.has(task)) return this.lines.get(task)?.started ? "ready" : "pending";
    if (task._futWaiter != null) {
      const [on, what] = this.options.recorder.describe(task._futWaiter, t);
      return on === "timer" ? `waiting on a timer (wakes at ${seconds(this.options.recorder.deadline(task._futWaiter))})` : `waiting on ${on === "task" ? `task ${what}` : what}`;
    }
    return "pending";
  }

  /** A callback or task step, in words: "Task-2 step", "wake Task-2 (sleep)", "hello()". */
  private runnableText(runnable: Live): string {
    if (typeof runnable.getCoro === "function") return `${this.options.recorder.nameOf(runnable)}: step`;
    if (runnable.constructor?.name === "SleepHandle") {
      const waiter = runnable._future?._callbacks;
      const task = Array.isArray(waiter) ? waiter[0] : waiter;
      return task && typeof task.getName === "function" ? `wake ${this.options.recorder.nameOf(task)} (sleep)` : "sleep wake-up";
    }
    const callback = runnable._callback;
    if (typeof callback !== "function") return "callback()";
    // A named function shows with its arguments, an anonymous one as the code the reader wrote.
    if (!callback.name) return sourceText(callback);
    const args = Array.isArray(runnable._args) ? runnable._args.map(argumentText).join(", ") : "";
    return shorten(`${callback.name.replace(/^bound /, "")}(${args})`);
  }

}

/** The task's next step begins by throwing `CancelledError` into its coroutine. */
function cancelling(task: Live): boolean {
  return task._mustCancel === true || (task._futWaiter != null && task._futWaiter._state === 1);
}

/** A plain callback as its source, shortened: what the reader wrote, e.g. "() => this.step()". */
function sourceText(callback: Live): string {
  if (typeof callback !== "function") return "callback";
  return shorten(Function.prototype.toString.call(callback).replace(/\s+/g, " "));
}

/** An argument of a scheduled callback: a primitive as written, an object by its class. */
function argumentText(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value !== "object") return typeof value === "function" ? "ƒ" : String(value);
  return `<${String((value as Live).constructor?.name ?? "object")}>`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function seconds(value: number): string {
  return Number.isNaN(value) ? "?" : value.toFixed(3);
}

/** The first frame of the reader's own code in a V8 stack (blob-URL modules mapped by `pathOf`). */
export function readerFrame(stack: string, pathOf: (url: string) => string | undefined): SourceLine | null {
  const frame = /\(?((?:blob:|https?:|file:)\S+?):(\d+):\d+\)?$/;
  for (const text of stack.split("\n").slice(1)) {
    const match = frame.exec(text.trim());
    if (!match) continue;
    const path = pathOf(match[1]!);
    if (path === undefined || path.startsWith("node_modules/")) continue;
    return { path: path.replace(/\.js$/, ".ts"), line: Number(match[2]) };
  }
  return null;
}
