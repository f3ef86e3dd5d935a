/**
 * The recorder proper, pure: folds a run's {@link TimelineEvent}s into what the Timeline
 * draws and tabulates — one lane per task with its steps, waits and outcome, a loop lane of
 * plain callbacks and of the moments the loop slept until its next timer. No DOM.
 */
import type { Outcome, TimelineEvent, WaitKind } from "./events.ts";

export interface Wait {
  from: number;
  /** When the task ran again (or the run's end, if it never did). */
  to: number;
  on: WaitKind;
  what: string;
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
}

export interface Timeline {
  loops: LoopSection[];
  lanes: Lane[];
}

/** One row of the accessible table. */
export interface TimelineRow {
  name: string;
  start: string;
  end: string;
  steps: number;
  outcome: string;
  lastWait: string;
}

/** A gap longer than this between two events of a real-time loop counts as sleep. */
const REAL_IDLE = 0.001;

/** Folds events into lanes. Events of a run come in order; a partial list gives the picture so far. */
export function fold(events: readonly TimelineEvent[]): Timeline {
  const loops: LoopSection[] = [];
  const lanes: Lane[] = [];
  const byId = new Map<number, Lane>();
  const lastEvent: number[] = [];
  const touch = (loop: number, t: number): void => {
    const section = loops[loop];
    if (section === undefined) return;
    const last = lastEvent[loop] ?? t;
    if (t - last > (section.virtual ? 0 : REAL_IDLE)) section.idle.push({ from: last, to: t });
    lastEvent[loop] = Math.max(last, t);
    if (t > section.end) section.end = t;
  };
  for (const event of events) {
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
        lastEvent[event.loop] = event.t;
        break;
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
        lanes.push(lane);
        byId.set(event.id, lane);
        touch(event.loop, event.t);
        break;
      }
      case "name": {
        const lane = byId.get(event.id);
        if (lane) lane.name = event.name;
        break;
      }
      case "step": {
        const lane = byId.get(event.id);
        if (!lane) break;
        touch(event.loop, event.t);
        const wait = lane.waits[lane.waits.length - 1];
        if (wait && wait.to < 0) wait.to = event.t;
        lane.steps.push(event.t);
        if (event.cancel) lane.cancelledAt = wait ? waitText(wait) : "its first step";
        break;
      }
      case "wait": {
        const lane = byId.get(event.id);
        if (!lane) break;
        touch(event.loop, event.t);
        lane.waits.push({ from: event.t, to: -1, on: event.on, what: event.what });
        break;
      }
      case "exit": {
        const lane = byId.get(event.id);
        if (!lane) break;
        touch(event.loop, event.t);
        lane.end = event.t;
        lane.outcome = event.outcome;
        lane.detail = event.detail;
        break;
      }
      case "callback":
        touch(event.loop, event.t);
        loops[event.loop]?.callbacks.push({ t: event.t, timer: event.timer, name: event.name });
        break;
    }
  }
  // Waits still open at the end last until the end of their loop's run.
  for (const lane of lanes) {
    for (const wait of lane.waits) if (wait.to < 0) wait.to = loops[lane.loop]?.end ?? wait.from;
  }
  return { loops, lanes };
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

/** The accessible twin: one row per task, times relative to its loop's start. */
export function rows(timeline: Timeline): TimelineRow[] {
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
    };
  });
}
