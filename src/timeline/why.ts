/**
 * "Why is this task waiting?", pure: from a folded {@link Timeline}, what a task awaits now,
 * the chain of awaits down to the leaf (Python 3.14's `asyncio pstree`), what woke it or
 * will wake it, where it was created, and the await cycles that can never end (deadlocks).
 */
import { LINE_BUDGET, type Waker } from "./events.ts";
import { formatTime, type Hold, type Lane, lineText, type Timeline, type Wait, waitText } from "./record.ts";

/** One task in an await chain: what it awaits, and the tasks that wait stands for. */
export interface AwaitNode {
  id: number;
  name: string;
  /** "sleep(0.3)", "task Task-2", "Lock 1"; "" when it does not wait (ready, running, done). */
  awaits: string;
  /** The awaited tasks, each with its own chain. */
  children: AwaitNode[];
  /** The awaited task is already on the path: the chain closes on itself here. */
  cycle?: true;
}

export interface WhyWaiting {
  /** "Task-2 awaits Lock 1", "Task-2 is done: returned 3". */
  now: string;
  /** The chain of awaits from this task to the leaves, as `asyncio pstree` would indent it. */
  chain: string[];
  /** The step that woke it last, or what will wake it. */
  wake: string;
  /** "Created at line 12", or why it cannot be told. */
  created: string;
  /** "Deadlock: Task-1 awaits Task-2 awaits Task-1", when this task is in or behind a cycle. */
  deadlock: string | null;
}

export interface WhyOptions {
  /** Step through: the task is in the ready queue (its wait has ended, its step not begun). */
  ready?: boolean;
}

/** The wait a task is in at the end of what the timeline holds, if it is in one. */
export function currentWait(lane: Lane): Wait | null {
  if (lane.end !== null) return null;
  const last = lane.waits[lane.waits.length - 1];
  return last && last.to < 0 ? last : null;
}

/** Who holds lock `what` ("Lock 1") at the end of the timeline, if anyone does. */
export function holderOf(timeline: Timeline, what: string): Hold | null {
  for (let i = timeline.holds.length - 1; i >= 0; i--) {
    const hold = timeline.holds[i]!;
    if (hold.what === what) return hold.to < 0 ? hold : null;
  }
  return null;
}

/** The tasks a wait stands for at the end of the timeline: the tasks it awaits, or the task holding the lock it wants. */
function targetsNow(timeline: Timeline, wait: Wait): number[] {
  if (wait.targets) return wait.targets;
  const holder = wait.on === "lock" ? holderOf(timeline, wait.what) : null;
  return holder?.id != null ? [holder.id] : [];
}

/** "Lock 1, held by Task-2" for a lock someone holds; otherwise what {@link waitText} says. */
export function awaitsText(timeline: Timeline, wait: Wait, byId = lanesById(timeline)): string {
  const holder = wait.on === "lock" ? holderOf(timeline, wait.what) : null;
  if (holder === null) return waitText(wait);
  return `${wait.what}, held by ${holder.id === null ? "code outside any task" : (byId.get(holder.id)?.name ?? `task ${holder.id}`)}`;
}

/** The await tree below task `id`, as of the end of the timeline. */
export function awaitTree(timeline: Timeline, id: number): AwaitNode | null {
  const byId = lanesById(timeline);
  const walk = (lane: Lane, path: Set<number>): AwaitNode => {
    const wait = currentWait(lane);
    const node: AwaitNode = { id: lane.id, name: lane.name, awaits: wait ? awaitsText(timeline, wait, byId) : "", children: [] };
    if (!wait) return node;
    path.add(lane.id);
    for (const target of targetsNow(timeline, wait)) {
      const child = byId.get(target);
      if (!child || child.end !== null) continue;
      if (path.has(target)) node.children.push({ id: child.id, name: child.name, awaits: "", children: [], cycle: true });
      else node.children.push(walk(child, path));
    }
    path.delete(lane.id);
    return node;
  };
  const lane = byId.get(id);
  return lane ? walk(lane, new Set()) : null;
}

/**
 * The chain as lines: "main awaits gather(a, b)", then each awaited task indented below
 * ("└ a awaits sleep(0.3)"); a linear chain reads on one line as well ({@link chainText}).
 */
export function chainLines(node: AwaitNode, depth = 0): string[] {
  const indent = depth === 0 ? "" : `${"  ".repeat(depth - 1)}└ `;
  if (node.cycle) return [`${indent}${node.name} (already above: a cycle)`];
  const head = `${indent}${node.name}${node.awaits ? ` awaits ${node.awaits}` : ", not waiting"}`;
  return [head, ...node.children.flatMap((child) => chainLines(child, depth + 1))];
}

/** A chain with one task per level, in one line: "main awaits task Task-2 awaits Lock 1". */
export function chainText(node: AwaitNode): string {
  const parts: string[] = [];
  for (let at: AwaitNode | undefined = node; at; at = at.children.length === 1 ? at.children[0] : undefined) {
    if (at.cycle) {
      parts.push(`(back to ${at.name})`);
      break;
    }
    parts.push(at.awaits ? `${at.name} awaits ${at.awaits}` : at.name);
    if (at.children.length !== 1) break;
  }
  return parts.join(" → ");
}

/**
 * Tasks awaiting each other in a cycle: `ids` around it (lowest first), from when until
 * when (-1: still at the end); `via[i]` the lock `ids[i]` waits for, held by the next one
 * (null where it awaits that task itself).
 */
export interface Deadlock {
  ids: number[];
  via: Array<string | null>;
  from: number;
  to: number;
}

/**
 * Every cycle of tasks awaiting tasks the run went through, once each, in the order they
 * formed. A cycle can end only from outside (a cancellation, the loop closing), so it is
 * found at the moment its last wait began, and lasts until the first of its waits ends.
 */
export function deadlocks(timeline: Timeline): Deadlock[] {
  const byId = lanesById(timeline);
  // One edge per task awaited: from the wait's start until the wait or the awaited task ends;
  // a wait for a lock, one per task that held it meanwhile, while it did.
  const edges: Array<{ from: number; to: number; a: number; b: number; via: string | null }> = [];
  const holds = new Map<string, Hold[]>();
  for (const hold of timeline.holds) {
    if (hold.id === null) continue;
    let list = holds.get(hold.what);
    if (!list) holds.set(hold.what, (list = []));
    list.push(hold);
  }
  const endOf = (id: number): number => byId.get(id)?.end ?? Infinity;
  for (const lane of timeline.lanes) {
    for (const wait of lane.waits) {
      const waitTo = wait.to < 0 ? Infinity : wait.to;
      for (const target of wait.targets ?? []) {
        edges.push({ from: wait.from, to: Math.min(waitTo, endOf(target)), a: lane.id, b: target, via: null });
      }
      if (wait.on !== "lock") continue;
      for (const hold of holds.get(wait.what) ?? []) {
        const from = Math.max(wait.from, hold.from);
        const to = Math.min(waitTo, hold.to < 0 ? Infinity : hold.to, endOf(hold.id!));
        if (from < to) edges.push({ from, to, a: lane.id, b: hold.id!, via: wait.what });
      }
    }
  }
  const found: Deadlock[] = [];
  const seen = new Set<string>();
  const moments = [...new Set(edges.map((edge) => edge.from))].sort((x, y) => x - y);
  for (const moment of moments) {
    const live = edges.filter((edge) => edge.from <= moment && moment < edge.to);
    const out = new Map<number, typeof live>();
    for (const edge of live) {
      let list = out.get(edge.a);
      if (!list) out.set(edge.a, (list = []));
      list.push(edge);
    }
    const done = new Set<number>();
    const path: Array<(typeof live)[number]> = [];
    const onPath: number[] = [];
    const visit = (id: number): void => {
      const back = onPath.indexOf(id);
      if (back >= 0) {
        const cycle = onPath.slice(back);
        const lowest = cycle.indexOf(Math.min(...cycle));
        const ids = [...cycle.slice(lowest), ...cycle.slice(0, lowest)];
        const key = ids.join(",");
        if (!seen.has(key)) {
          seen.add(key);
          const around = path.slice(back);
          const to = Math.min(...around.map((edge) => edge.to));
          const via = around.map((edge) => edge.via);
          found.push({ ids, via: [...via.slice(lowest), ...via.slice(0, lowest)], from: moment, to: to === Infinity ? -1 : to });
        }
        return;
      }
      if (done.has(id)) return;
      done.add(id);
      onPath.push(id);
      for (const edge of out.get(id) ?? []) {
        path.push(edge);
        visit(edge.b);
        path.pop();
      }
      onPath.pop();
    };
    for (const id of out.keys()) visit(id);
  }
  return found;
}

/**
 * "Deadlock: Task-1 awaits Task-2 awaits Task-1.", or, where locks close the cycle, "Deadlock:
 * Task-1 waits for Lock 2, held by Task-2; Task-2 waits for Lock 1, held by Task-1."
 */
export function deadlockText(timeline: Timeline, deadlock: Pick<Deadlock, "ids" | "via">): string {
  const byId = lanesById(timeline);
  const { ids, via } = deadlock;
  const name = (id: number): string => byId.get(id)?.name ?? `task ${id}`;
  if (via.every((lock) => lock === null)) return `Deadlock: ${[...ids, ids[0]!].map(name).join(" awaits ")}.`;
  const links = ids.map((id, i) => {
    const next = name(ids[(i + 1) % ids.length]!);
    return via[i] ? `${name(id)} waits for ${via[i]}, held by ${next}` : `${name(id)} awaits ${next}`;
  });
  return `Deadlock: ${links.join("; ")}.`;
}

/** A deadlock with its moments, for the Timeline: "…, from 0.000 s until 1.000 s, when one of them stopped waiting". */
export function deadlockSpanText(timeline: Timeline, deadlock: Deadlock): string {
  const lane = timeline.lanes.find((candidate) => candidate.id === deadlock.ids[0]);
  const origin = timeline.loops[lane?.loop ?? 0]?.start ?? 0;
  const from = formatTime(deadlock.from - origin);
  const span = deadlock.to < 0 ? `since ${from} s: none of them can ever wake.` : `from ${from} s until ${formatTime(deadlock.to - origin)} s, when one of them stopped waiting from outside (cancelled).`;
  return `${deadlockText(timeline, deadlock).slice(0, -1)}, ${span}`;
}

/** Everything the why-view shows for task `id`. */
export function whyWaiting(timeline: Timeline, id: number, options: WhyOptions = {}): WhyWaiting | null {
  const byId = lanesById(timeline);
  const lane = byId.get(id);
  if (!lane) return null;
  const origin = timeline.loops[lane.loop]?.start ?? 0;
  const at = (t: number): string => `${formatTime(t - origin)} s`;
  const tree = awaitTree(timeline, id)!;
  const wait = currentWait(lane);
  const cycle = deadlocks(timeline).find((deadlock) => deadlock.to < 0 && reaches(tree, new Set(deadlock.ids)));
  let now: string;
  let wake: string;
  if (lane.end !== null) {
    now = `${lane.name} is done (${lane.outcome === "result" ? `returned ${lane.detail}` : lane.outcome === "exception" ? `raised ${lane.detail}` : "cancelled"}, at ${at(lane.end)}).`;
    const last = lane.waits[lane.waits.length - 1];
    wake = last ? `Its last wait, on ${waitText(last)}, ended at ${at(last.to)}${last.woke ? `: ${wakerText(last.woke, last, byId, at)}` : ""}.` : "It never waited.";
  } else if (options.ready && wait) {
    now = `${lane.name} is ready: its wait on ${waitText(wait)} is over, and it runs when the loop reaches it in the ready queue.`;
    wake = `Its wait on ${waitText(wait)} is over; the Timeline names the step that woke it once it runs.`;
  } else if (wait) {
    now = `${lane.name} awaits ${awaitsText(timeline, wait, byId)} (since ${at(wait.from)}).`;
    wake = cycle ? "Nothing will wake it: the tasks it awaits wait, in a cycle, for it." : willWake(wait, byId, at, holderOf(timeline, wait.what));
  } else if (lane.steps.length === 0) {
    now = `${lane.name} has not run yet: its first step is in the ready queue.`;
    wake = "It was created ready; it runs when the loop reaches it.";
  } else {
    now = `${lane.name} is running or ready, not waiting.`;
    const last = lane.waits[lane.waits.length - 1];
    wake = last?.woke ? `Its last wait, on ${waitText(last)}, ended: ${wakerText(last.woke, last, byId, at)}.` : "";
  }
  return {
    now,
    chain: chainLines(tree),
    wake,
    created: lane.at ? `Created at ${lineText(lane.at)}, at ${at(lane.spawn)}.` : `Created at ${at(lane.spawn)}; its line was not recorded (the worker runtime reads it for a run's first ${LINE_BUDGET} tasks).`,
    deadlock: cycle ? deadlockText(timeline, cycle) : null,
  };
}

/** What will end a wait, in words. */
function willWake(wait: Wait, byId: Map<number, Lane>, at: (t: number) => string, hold: Hold | null): string {
  const names = (wait.targets ?? []).map((id) => byId.get(id)).filter((lane) => lane !== undefined && lane.end === null).map((lane) => lane!.name);
  switch (wait.on) {
    case "timer":
      return wait.until === undefined ? "Its timer, when it falls due." : `The timer at ${at(wait.until)} wakes it.`;
    case "task":
      return `It wakes when ${wait.what} ends.`;
    case "gather":
      return names.length > 0 ? `It wakes when ${names.join(", ")} ${names.length === 1 ? "has" : "have"} ended (or one fails first, as gather and TaskGroup stop at a failure).` : "It wakes on the loop's next turn: what it awaits has ended.";
    case "ready":
      return "It is back in the ready queue: the loop runs it on its next turn.";
    case "lock": {
      const holder = hold?.id == null ? undefined : byId.get(hold.id);
      if (holder === undefined) return `It wakes when another task ${lockVerb(wait.what)}.`;
      if (holder.end !== null) return `Nothing will wake it unless another task releases ${wait.what}: ${holder.name} took it and ended without releasing it.`;
      return `It wakes when ${holder.name} (or any task) releases ${wait.what}.`;
    }
    case "queue":
      return `It wakes when another task puts into or takes from ${wait.what}.`;
    case "stream":
      return `It wakes when data arrives on ${wait.what}.`;
    default:
      return "It wakes when something sets that future's result (nothing in the timeline names it).";
  }
}

function lockVerb(what: string): string {
  if (what.startsWith("Event")) return `sets ${what}`;
  if (what.startsWith("Condition")) return `notifies ${what}`;
  if (what.startsWith("Barrier")) return `reaches ${what}`;
  return `releases ${what}`;
}

/** The step that woke a wait: "the timer at 1.000 s", "Lock 1 released by Task-3's step 2 at 0.500 s". */
export function wakerText(woke: Waker, wait: Wait, byId: Map<number, Lane>, at: (t: number) => string): string {
  if ("task" in woke) {
    const waker = byId.get(woke.task);
    const name = waker?.name ?? `task ${woke.task}`;
    const step = waker ? waker.steps.lastIndexOf(woke.t) + 1 : 0;
    const which = step > 0 ? `${name}'s step ${step}` : `${name}'s step`;
    const done = wait.on === "lock" ? `${wait.what} ${lockDone(wait.what)} by ` : wait.on === "queue" ? `${wait.what} served by ` : "woken by ";
    return `${done}${which} at ${at(woke.t)}`;
  }
  if (woke.callback === "sleep wake-up" || (woke.timer && wait.on === "timer")) return `the timer at ${at(woke.t)}`;
  return `woken by the ${woke.timer ? "timer" : "callback"} ${woke.callback} at ${at(woke.t)}`;
}

function lockDone(what: string): string {
  if (what.startsWith("Event")) return "set";
  if (what.startsWith("Condition")) return "notified";
  return "released";
}

function reaches(node: AwaitNode, ids: Set<number>): boolean {
  return ids.has(node.id) || node.children.some((child) => reaches(child, ids));
}

function lanesById(timeline: Timeline): Map<number, Lane> {
  return new Map(timeline.lanes.map((lane) => [lane.id, lane]));
}
