/**
 * `check.ts` in an exercise's file tree: what an exercise's checks import. It runs the reader's
 * code on the virtual-time loop with an instrument watching every task, captures what it
 * prints and which task printed it, which task set each timer, and how each task ended, and
 * reports each check as one line of stdout that the page (and the tests) read.
 *
 * Checks call the reader's functions with inputs drawn from this run's seed, so that only a
 * program that does the work passes, not one that prints what the task's `main` should:
 *
 * ```ts
 * import { NAMES, checks, expect, randomInt, sameTime, sample, trace } from "./check.js";
 * import { fetchAll } from "./exercise.js";
 * const names = sample(NAMES, randomInt(2, 5));
 * const run = await trace(() => fetchAll(names, 1.5));
 * const inTasks = new Set(run.timers.filter((t) => t.task !== "main" && sameTime(t.delay, 1.5)).map((t) => t.task));
 * await checks({
 *   "each download waits in its own task": () => expect(inTasks.size === names.length, `only ${inTasks.size} tasks slept`),
 * });
 * ```
 *
 * Self-contained (it imports only "asyncio"): the page puts its source into the tree as is.
 */
import * as asyncio from "asyncio";

/** How a task ended, as seen by the checks. */
export type TaskEnd = "finished" | "failed" | "cancelled" | "left running";

export interface TaskRecord {
  name: string;
  /** Loop time (seconds) when it was created. */
  started: number;
  /** "left running": main returned while it was still running (asyncio.run cancelled it afterwards). */
  end: TaskEnd;
  /** Loop time (seconds) when it ended. */
  time: number;
  /** What it raised, when it failed. */
  error?: unknown;
}

export interface Trace {
  /** What the program printed with console.log, one entry per line. */
  lines: string[];
  /** The same, joined with newlines. */
  output: string;
  /** Each line with the loop time (seconds) at which it was printed, and the task that printed it ("" outside any task). */
  printed: Array<{ time: number; text: string; task: string }>;
  /**
   * Every timer the program set (each `sleep`, each timeout's deadline): the task that set it
   * ("" outside any task), its delay and the loop time when it was set. This is how a check
   * sees where the waiting happened: a sleep inside each download task, not one in main.
   */
  timers: Array<{ task: string; delay: number; at: number }>;
  /** Virtual loop time, in seconds, when main ended. */
  time: number;
  /** What main returned. */
  result: unknown;
  /** What main raised, if anything. */
  error: unknown;
  /** True when main was still running after `limit` seconds of loop time (it was then cancelled). */
  timedOut: boolean;
  /** Every task but main, in the order they ended. */
  tasks: TaskRecord[];
  /** Names of the tasks that ended cancelled before main returned. */
  cancelled: string[];
  /** Names of the tasks still running when main returned. */
  leftRunning: string[];
  /** What reached the loop's exception handler ("Exception in callback …: InvalidStateError: …"). */
  loopErrors: string[];
  /** How many steps each task took (main included), by name: each wake-up is a step. */
  steps: Map<string, number>;
}

function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** An error in words: "TimeoutError", "ValueError: bad input". */
export function describe(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

/**
 * Runs `start()` (a coroutine function, usually the reader's `main`) to the end on a new
 * virtual-time loop: sleeps take no real time, and `time` says how long they would have.
 * Never throws: what main raised is in `error`.
 * @param options.limit loop seconds after which main is cancelled and `timedOut` set (default 60).
 */
export async function trace(start: () => asyncio.Coroutine<unknown>, options: { limit?: number } = {}): Promise<Trace> {
  const limit = options.limit ?? 60;
  const lines: string[] = [];
  const tasks: TaskRecord[] = [];
  const printed: Trace["printed"] = [];
  const timers: Trace["timers"] = [];
  const started = new Map<asyncio.Task<unknown>, number>();
  const trace: Trace = { lines, output: "", printed, timers, time: 0, result: undefined, error: undefined, timedOut: false, tasks, cancelled: [], leftRunning: [], steps: new Map(), loopErrors: [] };
  const stepsByTask = new Map<asyncio.Task<unknown>, number>();
  let mainTask: asyncio.Task<unknown> | undefined;
  const ours = new Set<asyncio.Task<unknown> | null>(); // the harness's own tasks, not watched
  let mainEnded = false;
  const runningTask = (): asyncio.Task<unknown> | null => {
    try {
      return asyncio.currentTask();
    } catch {
      return null; // no running loop
    }
  };
  const watcher: asyncio.Instrument = {
    taskSpawned(task, time) {
      started.set(task, time);
    },
    timerScheduled(timer, time) {
      const task = runningTask();
      if (!ours.has(task)) timers.push({ task: task?.getName() ?? "", delay: Number((timer.when() - time).toFixed(9)), at: time });
    },
    beforeTaskStep(task) {
      if (!ours.has(task)) stepsByTask.set(task, (stepsByTask.get(task) ?? 0) + 1);
    },
    taskExited(task, time) {
      if (ours.has(task)) return;
      if (task === mainTask) {
        mainEnded = true;
        trace.time = time;
        return;
      }
      const name = task.getName();
      let end: TaskEnd;
      let error: unknown;
      if (mainEnded) end = "left running";
      else if (task.cancelled()) end = "cancelled";
      else if ((error = task.exception()) !== null) end = "failed";
      else end = "finished";
      tasks.push({ name, started: started.get(task) ?? 0, end, time, ...(end === "failed" ? { error } : {}) });
      if (end === "cancelled") trace.cancelled.push(name);
      if (end === "left running") trace.leftRunning.push(name);
    },
  };
  function* supervise(): asyncio.Coroutine<void> {
    ours.add(asyncio.currentTask());
    asyncio.getRunningLoop().setExceptionHandler((_, context) => {
      trace.loopErrors.push(context.exception === undefined ? context.message : `${context.message}: ${describe(context.exception)}`);
    });
    mainTask = asyncio.createTask(start(), { name: "main" });
    const [done] = yield* asyncio.wait([mainTask], { timeout: limit });
    if (done.size === 0) {
      trace.timedOut = true;
      mainTask.cancel();
      yield* asyncio.wait([mainTask], { timeout: 1 });
    }
    if (!mainTask.done()) return;
    if (mainTask.cancelled()) trace.error = new asyncio.CancelledError();
    else if (mainTask.exception() !== null) trace.error = mainTask.exception();
    else trace.result = mainTask.result();
  }
  // Like asyncio.run, except that the clean-up is bounded: a task that shrugs off
  // cancellation is given up on after a second of loop time instead of hanging the checks.
  function* cleanUp(): asyncio.Coroutine<void> {
    ours.add(asyncio.currentTask());
    const rest = [...asyncio.allTasks()].filter((task) => !ours.has(task));
    for (const task of rest) task.cancel();
    if (rest.length > 0) yield* asyncio.wait(rest, { timeout: 1 });
  }
  const log = console.log;
  const info = console.info;
  // Captured for the checks, and still printed, so the reader sees what their code did.
  const loop = new asyncio.VirtualTimeLoop();
  console.log = console.info = (...args: unknown[]) => {
    for (const text of args.map(show).join(" ").split("\n")) {
      lines.push(text);
      printed.push({ time: loop.time(), text, task: runningTask()?.getName() ?? "" });
    }
    log(...args);
  };
  loop.addInstrument(watcher);
  try {
    await loop.runUntilComplete(supervise());
    await loop.runUntilComplete(cleanUp());
  } catch (error) {
    trace.error ??= error;
  } finally {
    console.log = log;
    console.info = info;
    loop.close();
  }
  for (const [task, count] of stepsByTask) trace.steps.set(task.getName(), (trace.steps.get(task.getName()) ?? 0) + count);
  trace.output = lines.join("\n");
  return trace;
}

/** A loop time in words: "3 s", "0.25 s" (virtual sums like 0.1 + 0.2 rounded). */
export function seconds(time: number): string {
  return `${Number(time.toFixed(3))} s`;
}

/** Two loop times that are the same, up to the rounding of virtual sums (0.1 + 0.2). */
export function sameTime(a: number | undefined, b: number): boolean {
  return a !== undefined && Math.abs(a - b) < 0.001;
}

/**
 * The seed of this run's inputs: a new one every run (or CHECK_SEED from the environment, to
 * replay one), so a program cannot know the names, delays and counts its checks will use. A
 * failing check's reason ends with it.
 */
export const seed: number = (() => {
  const given = Number((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.CHECK_SEED);
  return Number.isInteger(given) && given > 0 ? given : 1 + Math.floor(Math.random() * 0x7fffffff);
})();

let state = seed >>> 0;
let drawn = false; // whether any check input came from the seed (only then is it worth naming)
/** A number in [0, 1) from the run's seed (mulberry32). */
export function random(): number {
  drawn = true;
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A whole number from `low` to `high`, both included. */
export function randomInt(low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** `count` different items of `pool`, in a random order. */
export function sample<T>(pool: readonly T[], count: number): T[] {
  const rest = [...pool];
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return rest.slice(0, count);
}

/** Names a program cannot guess, for files, clients, mirrors, dishes. */
export const NAMES = ["ash", "birch", "cedar", "elm", "fig", "hazel", "larch", "maple", "oak", "pine", "rowan", "willow", "yew", "alder", "beech", "holly"] as const;

/** A check that does not hold: `why` says what happened instead, in words. */
export class NotYet extends Error {
  override name = "NotYet";
}

/** Fails the current check with `why` unless `condition` holds. */
export function expect(condition: unknown, why: string): asserts condition {
  if (!condition) throw new NotYet(why);
}

/**
 * Fails the current check unless the traced call ended in time, without raising, and the
 * loop reported no error. `what` names the call in the reason ("fetchAll").
 */
export function expectClean(run: Trace, what = "main"): void {
  expect(!run.timedOut, `${what} was still running after a minute of loop time, so it was cancelled: something never finishes`);
  expect(run.error === undefined, `${what} raised ${describe(run.error)}`);
  expect(run.loopErrors.length === 0, `the loop reported an error: ${run.loopErrors[0]}`);
}

/**
 * Runs the checks in order and reports each on stdout as one `::check::` line of JSON,
 * then a `::checks-done::` line: the page's verdict is read from these lines.
 */
export async function checks(list: Record<string, () => unknown>): Promise<void> {
  let passed = 0;
  const names = Object.keys(list);
  for (const name of names) {
    let report: { name: string; ok: boolean; why?: string };
    try {
      await list[name]!();
      report = { name, ok: true };
      passed++;
    } catch (error) {
      const why = `${error instanceof NotYet ? error.message : `the check itself stopped on ${describe(error)}`}${drawn ? ` (inputs from seed ${seed})` : ""}`;
      report = { name, ok: false, why };
    }
    console.log(`::check::${JSON.stringify(report)}`);
  }
  console.log(`::checks-done::${JSON.stringify({ passed, total: names.length })}`);
}

/** What Run does with the reader's module: `asyncio.run(main())` on the real clock. */
export async function runMain(module: Record<string, unknown>): Promise<void> {
  const main = module.main;
  if (typeof main !== "function") {
    console.error("exercise.ts must export a coroutine function main(): `export function* main() { … }`");
    process.exitCode = 1;
    return;
  }
  await asyncio.run((main as () => asyncio.Coroutine<unknown>)());
}
