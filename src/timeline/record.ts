/**
 * The recorder proper, pure: folds a run's {@link TimelineEvent}s into what the Timeline
 * draws and tabulates — one lane per task with its steps, waits and outcome, a loop lane of
 * plain callbacks and of the moments the loop slept until its next timer. No DOM.
 */
import type { NoteKind, Outcome, SourceLine, TimelineEvent, WaitKind, Waker } from "./events.ts";

export interface Wait {
  from: number;
  /** When the task ran again; -1 while it has not (see {@link waitEnd}). */
  to: number;
  on: WaitKind;
  what: string;
  /** The tasks it awaits, by id (one task, gather's children, a TaskGroup's tasks). */
  targets?: number[];
  /** A sleep's deadline. */
  until?: number;
  /** What made it ready again, once known. */
  woke?: Waker;
}

/** A lock held by task `id` (null: taken outside any task) from `from` until `to` (-1: still held). */
export interface Hold {
  what: string;
  id: number | null;
  from: number;
  to: number;
}

/** A note pinned where asyncio's debug mode would speak up; `pending`: still pending when its loop closed. */
export interface Note {
  loop: number;
  t: number;
  kind: NoteKind | "pending";
  /** The task it concerns, if any. */
  id: number | null;
  text: string;
  at?: SourceLine;
}

export interface Lane {
  id: number;
  loop: number;
  name: string;
  parent: number | null;
  spawn: number;
  /** Start times of its steps. */
  steps: number[];
  waits: Wait[];
  /** When it finished; `null` if it never did. */
  end: number | null;
  outcome: Outcome | null;
  /** Short result, exception type, or "CancelledError". */
  detail: string;
  /** The wait a `CancelledError` was thrown into, if one was. */
  cancelledAt: string | null;
  /** Where the program created it, where the runtime could tell. */
  at?: SourceLine;
}

export interface LoopSection {
  index: number;
  /** The loop's class, e.g. "VirtualTimeLoop". */
  kind: string;
  virtual: boolean;
  /** Loop time of its first event; lanes are drawn from here. */
  start: number;
  end: number;
  callbacks: Array<{ t: number; timer: boolean; name: string }>;
  /** Stretches where nothing ran: the loop slept until its next timer (or jumped to it). */
  idle: Array<{ from: number; to: number }>;
  /** When it closed, if it did. */
  closed?: number;
}

/** Who printed a stdout line: a task's id (null: no task) and when its step began. */
export interface Print {
  id: number | null;
  t: number | null;
}

export interface Timeline {
  loops: LoopSection[];
  lanes: Lane[];
  /** By stdout line (0-based): who printed it, when the run recorded it. */
  prints: Print[];
  /** In the order they were pinned. */
  notes: Note[];
  /** Who held which lock when, in the order they were taken. */
  holds: Hold[];
}

/** One row of the accessible table. */
export interface TimelineRow {
  name: string;
  start: string;
  end: string;
  steps: number;
  outcome: string;
  lastWait: string;
  /** The lane's id, to select it. */
  id: number;
  /** Its notes, as text. */
  notes: string[];
}

/** A gap longer than this between two events of a real-time loop counts as sleep. */
const REAL_IDLE = 0.001;

/**
 * Folds events into lanes, incrementally: `add` the events as they arrive, read `timeline`
 * whenever (a live view redraws from it without refolding what it saw before).
 */
export class TimelineBuilder {
  readonly timeline: Timeline = { loops: [], lanes: [], prints: [], notes: [], holds: [] };
  /** Each lock's hold now, by name. */
  private readonly held = new Map<string, Hold>();
  private readonly byId = new Map<number, Lane>();
  private readonly lastEvent: number[] = [];

  add(events: readonly TimelineEvent[]): this {
    for (const event of events) this.one(event);
    return this;
  }

  private touch(loop: number, t: number): void {
    const section = this.timeline.loops[loop];
    if (section === undefined) return;
    const last = this.lastEvent[loop] ?? t;
    if (t - last > (section.virtual ? 0 : REAL_IDLE)) section.idle.push({ from: last, to: t });
    this.lastEvent[loop] = Math.max(last, t);
    if (t > section.end) section.end = t;
  }

  private one(event: TimelineEvent): void {
    const { loops, lanes } = this.timeline;
    switch (event.k) {
      case "loop":
        loops[event.loop] = {
          index: event.loop,
          kind: event.kind,
          virtual: /virtual/i.test(event.kind),
          start: event.t,
          end: event.t,
          callbacks: [],
          idle: [],
        };
        this.lastEvent[event.loop] = event.t;
        return;
      case "spawn": {
        const lane: Lane = {
          id: event.id,
          loop: event.loop,
          name: event.name,
          parent: event.parent,
          spawn: event.t,
          steps: [],
          waits: [],
          end: null,
          outcome: null,
          detail: "",
          cancelledAt: null,
        };
        if (event.at) lane.at = event.at;
        lanes.push(lane);
        this.byId.set(event.id, lane);
        this.touch(event.loop, event.t);
        return;
      }
      case "name": {
        const lane = this.byId.get(event.id);
        if (lane) lane.name = event.name;
        return;
      }
      case "step": {
        const lane = this.byId.get(event.id);
        if (!lane) return;
        this.touch(event.loop, event.t);
        const wait = lane.waits[lane.waits.length - 1];
        if (wait && wait.to < 0) {
          wait.to = event.t;
          if (event.woke) wait.woke = event.woke;
        }
        lane.steps.push(event.t);
        if (event.cancel) lane.cancelledAt = wait ? waitText(wait) : "its first step";
        return;
      }
      case "wait": {
        const lane = this.byId.get(event.id);
        if (!lane) return;
        this.touch(event.loop, event.t);
        const wait: Wait = { from: event.t, to: -1, on: event.on, what: event.what };
        if (event.targets) wait.targets = event.targets;
        if (event.until !== undefined) wait.until = event.until;
        lane.waits.push(wait);
        return;
      }
      case "exit": {
        const lane = this.byId.get(event.id);
        if (!lane) return;
        this.touch(event.loop, event.t);
        lane.end = event.t;
        lane.outcome = event.outcome;
        lane.detail = event.detail;
        return;
      }
      case "callback":
        this.touch(event.loop, event.t);
        loops[event.loop]?.callbacks.push({ t: event.t, timer: event.timer, name: event.name });
        return;
      case "print":
        this.timeline.prints[event.line] = { id: event.id, t: event.t };
        return;
      case "note": {
        const note: Note = { loop: event.loop, t: event.t, kind: event.kind, id: event.id, text: event.text };
        if (event.at) note.at = event.at;
        this.timeline.notes.push(note);
        return;
      }
      case "hold": {
        const open = this.held.get(event.what);
        if (open) open.to = event.t;
        this.held.delete(event.what);
        if (event.id === undefined) return;
        const hold: Hold = { what: event.what, id: event.id, from: event.t, to: -1 };
        this.timeline.holds.push(hold);
        this.held.set(event.what, hold);
        return;
      }
      case "close": {
        const section = loops[event.loop];
        if (section) section.closed = event.t;
        for (const lane of lanes) {
          if (lane.loop !== event.loop || lane.end !== null) continue;
          this.timeline.notes.push({ loop: event.loop, t: event.t, kind: "pending", id: lane.id, text: `Task was destroyed but it is pending: ${lane.name} was still pending when the loop closed` });
        }
        return;
      }
    }
  }
}

/** Folds a run's events (in order; a partial list gives the picture so far) into lanes. */
export function fold(events: readonly TimelineEvent[]): Timeline {
  return new TimelineBuilder().add(events).timeline;
}

/** When a wait ended: when the task ran again, or the end of its loop's run so far. */
export function waitEnd(wait: Wait, section: LoopSection | undefined): number {
  return wait.to >= 0 ? wait.to : (section?.end ?? wait.from);
}

/** Seconds since the loop's start, as the table shows them ("0.300"). */
export function formatTime(seconds: number): string {
  const rounded = Math.abs(seconds) < 5e-7 ? 0 : seconds;
  return rounded.toFixed(3);
}

/** A lane's outcome as the table words it: `result`, `exception <Type>`, `cancelled`, or `pending`. */
export function outcomeText(lane: Lane): string {
  if (lane.outcome === null) return "pending";
  if (lane.outcome === "exception") return `exception ${lane.detail}`;
  return lane.outcome;
}

/** What a wait is, in words: "sleep(0.3)", "task Task-2", "Queue 1". */
export function waitText(wait: Wait): string {
  switch (wait.on) {
    case "task":
      return `task ${wait.what}`;
    case "ready":
      return "sleep(0)";
    default:
      return wait.what;
  }
}

/**
 * Where stdout line `line` (0-based) came from: the index of the lane (and table row) of the
 * task that printed it, with its time since the loop's start; `lane` -1 when no task did;
 * undefined when the run recorded no such line.
 */
export function printedBy(timeline: Timeline, line: number): { lane: number; name: string; time: string } | undefined {
  const print = timeline.prints[line];
  if (print === undefined) return undefined;
  const lane = print.id === null ? -1 : timeline.lanes.findIndex((candidate) => candidate.id === print.id);
  const found = timeline.lanes[lane];
  if (!found || print.t === null) return { lane: -1, name: "", time: "" };
  return { lane, name: found.name, time: formatTime(print.t - (timeline.loops[found.loop]?.start ?? 0)) };
}

/** The accessible twin: one row per task, times relative to its loop's start. */
export function rows(timeline: Timeline): TimelineRow[] {
  const notes = new Map<number, string[]>();
  for (const note of timeline.notes) {
    if (note.id === null) continue;
    let list = notes.get(note.id);
    if (!list) notes.set(note.id, (list = []));
    list.push(noteText(note, timeline));
  }
  return timeline.lanes.map((lane) => {
    const origin = timeline.loops[lane.loop]?.start ?? 0;
    const last = lane.waits[lane.waits.length - 1];
    return {
      name: lane.name,
      start: formatTime(lane.spawn - origin),
      end: lane.end === null ? "" : formatTime(lane.end - origin),
      steps: lane.steps.length,
      outcome: outcomeText(lane),
      lastWait: last ? waitText(last) : "",
      id: lane.id,
      notes: notes.get(lane.id) ?? [],
    };
  });
}

/** "snippet.ts line 12" (or "line 12 of helpers.ts"). */
export function lineText(at: SourceLine): string {
  return at.path === "snippet.ts" ? `line ${at.line}` : `line ${at.line} of ${at.path}`;
}

/** A note as the table and the picture word it: the moment first, then what, then the line. */
export function noteText(note: Note, timeline: Timeline): string {
  const origin = timeline.loops[note.loop]?.start ?? 0;
  return `At ${formatTime(note.t - origin)} s: ${note.text}${note.at ? ` (${lineText(note.at)})` : ""}`;
}
