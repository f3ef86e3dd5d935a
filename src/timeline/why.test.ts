import { describe, expect, it } from "vitest";
import * as asyncio from "../loop/index.ts";
import type { Coroutine, Task } from "../loop/index.ts";
import { LINE_BUDGET, type SourceLine } from "./events.ts";
import { TimelineRecorder } from "./instrument.ts";
import { fold, noteText, rows, type Timeline } from "./record.ts";
import { readerFrame } from "./stepper.ts";
import { awaitTree, chainLines, chainText, deadlocks, deadlockSpanText, whyWaiting } from "./why.ts";

/** Runs `main` on the virtual-time loop with the recorder installed; `stopAt`: the timeline as of that loop time. */
async function record(main: () => Coroutine<unknown>, locate?: (stack: string) => SourceLine | null): Promise<Timeline> {
  const recorder = new TimelineRecorder({ ...asyncio, ...(locate ? { locate } : {}) });
  await asyncio.run(main(), { loopFactory: () => new asyncio.VirtualTimeLoop(), instruments: [recorder] }).catch(() => {});
  return fold(recorder.events);
}

const idOf = (timeline: Timeline, name: string): number => timeline.lanes.find((lane) => lane.name === name)!.id;

describe("why is this task waiting", () => {
  it("a task in a gather: main awaits gather(...) awaits the child's sleep; the timer at its deadline wakes it", async () => {
    let snapshot: Timeline | null = null;
    const recorder = new TimelineRecorder(asyncio);
    function* nap(delay: number): Coroutine<void> {
      yield* asyncio.sleep(delay);
    }
    function* look(): Coroutine<void> {
      yield* asyncio.sleep(0.15);
      snapshot = fold(recorder.events);
    }
    function* main(): Coroutine<void> {
      yield* asyncio.gather(asyncio.createTask(nap(0.3), { name: "slow" }), asyncio.createTask(nap(0.1), { name: "quick" }), asyncio.createTask(look(), { name: "look" }));
    }
    await asyncio.run(main(), { loopFactory: () => new asyncio.VirtualTimeLoop(), instruments: [recorder] });
    const mid = snapshot!;
    // As of 0.15 s: main awaits the gather; quick has ended, slow still sleeps.
    const tree = awaitTree(mid, mid.lanes[0]!.id)!;
    expect(chainLines(tree)).toEqual([`${mid.lanes[0]!.name} awaits gather(slow, quick, look)`, "└ slow awaits sleep(0.3)", "└ look, not waiting"]);
    const slow = whyWaiting(mid, idOf(mid, "slow"))!;
    expect(slow.now).toBe("slow awaits sleep(0.3) (since 0.000 s).");
    expect(slow.wake).toBe("The timer at 0.300 s wakes it.");
    expect(slow.deadlock).toBeNull();
    // After the run: quick's wait was ended by the timer at 0.1 s.
    const end = fold(recorder.events);
    const quick = whyWaiting(end, idOf(end, "quick"))!;
    expect(quick.now).toBe("quick is done (returned None, at 0.100 s).");
    expect(quick.wake).toBe("Its last wait, on sleep(0.1), ended at 0.100 s: the timer at 0.100 s.");
    const parent = whyWaiting(end, end.lanes[0]!.id)!;
    expect(parent.wake).toMatch(/^Its last wait, on gather\(slow, quick, look\), ended at 0\.300 s: woken by the callback \w+ at 0\.300 s\.$/);
  });

  it("names the task whose step released the lock, and the chain down to the lock", async () => {
    const lock = new asyncio.Lock();
    let mid: Timeline | null = null;
    const recorder = new TimelineRecorder(asyncio);
    function* holder(): Coroutine<void> {
      yield* lock.acquire();
      yield* asyncio.sleep(0.5);
      mid = fold(recorder.events);
      lock.release();
    }
    function* waiter(): Coroutine<void> {
      yield* lock.acquire();
      lock.release();
    }
    function* main(): Coroutine<void> {
      const a = asyncio.createTask(holder(), { name: "holder" });
      yield* asyncio.sleep(0);
      const b = asyncio.createTask(waiter(), { name: "waiter" });
      yield* asyncio.sleep(0);
      yield* b;
      yield* a;
    }
    await asyncio.run(main(), { loopFactory: () => new asyncio.VirtualTimeLoop(), instruments: [recorder] });
    const before = mid!;
    expect(chainText(awaitTree(before, before.lanes[0]!.id)!)).toBe(`${before.lanes[0]!.name} awaits task waiter → waiter awaits Lock 1, held by holder → holder`);
    expect(whyWaiting(before, idOf(before, "waiter"))!.now).toBe("waiter awaits Lock 1, held by holder (since 0.000 s).");
    expect(whyWaiting(before, idOf(before, "waiter"))!.wake).toBe("It wakes when holder (or any task) releases Lock 1.");
    const end = fold(recorder.events);
    expect(whyWaiting(end, idOf(end, "waiter"))!.wake).toBe("Its last wait, on Lock 1, ended at 0.500 s: Lock 1 released by holder's step 2 at 0.500 s.");
  });

  it("names a cycle of tasks awaiting each other as a deadlock, from the moment it formed", async () => {
    // Cancelling either task would cancel the other, and so on round the cycle (in CPython
    // too), so the program leaves them pending and closes its loop.
    const tasks: Task<void>[] = [];
    const loop = new asyncio.VirtualTimeLoop();
    const recorder = new TimelineRecorder(asyncio);
    loop.addInstrument(recorder);
    function* waitFor(index: number): Coroutine<void> {
      yield* asyncio.sleep(0.5);
      yield* tasks[index]!;
    }
    function* main(): Coroutine<void> {
      tasks.push(asyncio.createTask(waitFor(1), { name: "left" }), asyncio.createTask(waitFor(0), { name: "right" }));
      yield* asyncio.wait(tasks, { timeout: 1 });
    }
    await loop.runUntilComplete(main());
    const during = fold(recorder.events);
    const why = whyWaiting(during, idOf(during, "left"))!;
    expect(why.deadlock).toBe("Deadlock: left awaits right awaits left.");
    expect(why.wake).toBe("Nothing will wake it: the tasks it awaits wait, in a cycle, for it.");
    expect(why.chain).toEqual(["left awaits task right", "└ right awaits task left", "  └ left (already above: a cycle)"]);
    const found = deadlocks(during);
    expect(found.map((deadlock) => deadlock.ids)).toEqual([[idOf(during, "left"), idOf(during, "right")]]);
    expect(deadlockSpanText(during, found[0]!)).toBe("Deadlock: left awaits right awaits left, since 0.500 s: none of them can ever wake.");
    loop.close();
    const closed = fold(recorder.events);
    expect(closed.notes.map((note) => note.kind)).toEqual(["pending", "pending"]);
  });

  it("names two tasks that each hold the lock the other waits for as a deadlock, with the locks", async () => {
    const a = new asyncio.Lock();
    const b = new asyncio.Lock();
    const tasks: Task<void>[] = [];
    const loop = new asyncio.VirtualTimeLoop();
    const recorder = new TimelineRecorder(asyncio);
    loop.addInstrument(recorder);
    function* both(first: asyncio.Lock, second: asyncio.Lock): Coroutine<void> {
      yield* first.acquire();
      yield* asyncio.sleep(0.1);
      yield* second.acquire();
    }
    function* main(): Coroutine<void> {
      tasks.push(asyncio.createTask(both(a, b), { name: "one" }), asyncio.createTask(both(b, a), { name: "two" }));
      yield* asyncio.wait(tasks, { timeout: 1 });
    }
    await loop.runUntilComplete(main());
    const timeline = fold(recorder.events);
    const one = whyWaiting(timeline, idOf(timeline, "one"))!;
    expect(one.now).toBe("one awaits Lock 2, held by two (since 0.100 s).");
    expect(one.chain).toEqual(["one awaits Lock 2, held by two", "└ two awaits Lock 1, held by one", "  └ one (already above: a cycle)"]);
    expect(one.wake).toBe("Nothing will wake it: the tasks it awaits wait, in a cycle, for it.");
    expect(one.deadlock).toBe("Deadlock: one waits for Lock 2, held by two; two waits for Lock 1, held by one.");
    const found = deadlocks(timeline);
    expect(found).toEqual([{ ids: [idOf(timeline, "one"), idOf(timeline, "two")], via: ["Lock 2", "Lock 1"], from: 0.1, to: -1 }]);
    expect(deadlockSpanText(timeline, found[0]!)).toBe("Deadlock: one waits for Lock 2, held by two; two waits for Lock 1, held by one, since 0.100 s: none of them can ever wake.");
    for (const task of tasks) task.cancel();
    await loop.runUntilComplete(asyncio.wait(tasks));
    loop.close();
  });

  it("a task that acquires a Lock it holds deadlocks itself", async () => {
    const lock = new asyncio.Lock();
    function* twice(): Coroutine<void> {
      yield* lock.acquire();
      yield* lock.acquire();
    }
    function* main(): Coroutine<void> {
      yield* asyncio.waitFor(asyncio.createTask(twice(), { name: "twice" }), 1);
    }
    const timeline = await record(main);
    const found = deadlocks(timeline);
    expect(found).toEqual([{ ids: [idOf(timeline, "twice")], via: ["Lock 1"], from: 0, to: 1 }]);
    expect(deadlockSpanText(timeline, found[0]!)).toBe("Deadlock: twice waits for Lock 1, held by twice, from 0.000 s until 1.000 s, when one of them stopped waiting from outside (cancelled).");
  });

  it("a lock changing hands is no deadlock, and a lock left held by a task that ended is named", async () => {
    const lock = new asyncio.Lock();
    let mid: Timeline | null = null;
    const recorder = new TimelineRecorder(asyncio);
    function* user(name: string): Coroutine<void> {
      yield* lock.acquire();
      yield* asyncio.sleep(0.1);
      if (name !== "leaky") lock.release();
    }
    function* look(): Coroutine<void> {
      yield* asyncio.sleep(0.5);
      mid = fold(recorder.events);
    }
    function* main(): Coroutine<void> {
      const users = ["first", "leaky", "last"].map((name) => asyncio.createTask(user(name), { name }));
      yield* asyncio.createTask(look(), { name: "look" });
      for (const task of users) task.cancel();
      yield* asyncio.sleep(0);
    }
    await asyncio.run(main(), { loopFactory: () => new asyncio.VirtualTimeLoop(), instruments: [recorder] });
    const timeline = mid!;
    expect(deadlocks(timeline)).toEqual([]);
    expect(timeline.holds.map((hold) => [hold.id, hold.from, hold.to])).toEqual([
      [idOf(timeline, "first"), 0, 0.1],
      [idOf(timeline, "leaky"), 0.1, -1],
    ]);
    const last = whyWaiting(timeline, idOf(timeline, "last"))!;
    expect(last.now).toBe("last awaits Lock 1, held by leaky (since 0.000 s).");
    expect(last.chain).toEqual(["last awaits Lock 1, held by leaky"]);
    expect(last.wake).toBe("Nothing will wake it unless another task releases Lock 1: leaky took it and ended without releasing it.");
    expect(last.deadlock).toBeNull();
  });

  it("a cycle that ended (one of its tasks stopped waiting) has an end", () => {
    const timeline = fold([
      { k: "loop", loop: 0, kind: "VirtualTimeLoop", t: 0 },
      { k: "spawn", loop: 0, t: 0, id: 1, name: "a", parent: null },
      { k: "spawn", loop: 0, t: 0, id: 2, name: "b", parent: null },
      { k: "wait", loop: 0, t: 0.1, id: 1, on: "task", what: "b", targets: [2] },
      { k: "wait", loop: 0, t: 0.2, id: 2, on: "task", what: "a", targets: [1] },
      { k: "step", loop: 0, t: 1, id: 2, cancel: true },
      { k: "exit", loop: 0, t: 1, id: 2, outcome: "cancelled", detail: "CancelledError" },
    ]);
    const found = deadlocks(timeline);
    expect(found).toEqual([{ ids: [1, 2], via: [null, null], from: 0.2, to: 1 }]);
    expect(deadlockSpanText(timeline, found[0]!)).toBe("Deadlock: a awaits b awaits a, from 0.200 s until 1.000 s, when one of them stopped waiting from outside (cancelled).");
  });

  it("a task awaiting a task that ended is no deadlock", async () => {
    function* child(): Coroutine<number> {
      yield* asyncio.sleep(0.1);
      return 1;
    }
    function* main(): Coroutine<void> {
      const task = asyncio.createTask(child());
      yield* task;
      yield* task;
    }
    expect(deadlocks(await record(main))).toEqual([]);
  });

  it("Step through's ready task: its wait is over, though its next step has not begun", () => {
    const timeline = fold([
      { k: "loop", loop: 0, kind: "VirtualTimeLoop", t: 0 },
      { k: "spawn", loop: 0, t: 0, id: 1, name: "a", parent: null },
      { k: "step", loop: 0, t: 0, id: 1 },
      { k: "wait", loop: 0, t: 0, id: 1, on: "timer", what: "sleep(1)", until: 1 },
    ]);
    expect(whyWaiting(timeline, 1)!.now).toBe("a awaits sleep(1) (since 0.000 s).");
    const ready = whyWaiting(timeline, 1, { ready: true })!;
    expect(ready.now).toBe("a is ready: its wait on sleep(1) is over, and it runs when the loop reaches it in the ready queue.");
    expect(ready.wake).toBe("Its wait on sleep(1) is over; the Timeline names the step that woke it once it runs.");
  });

  it("takes the creation line from the runtime's locate", async () => {
    const seen: string[] = [];
    function* main(): Coroutine<void> {
      yield* asyncio.sleep(0);
    }
    const timeline = await record(main, (stack) => {
      seen.push(stack);
      return { path: "snippet.ts", line: 7 };
    });
    expect(whyWaiting(timeline, timeline.lanes[0]!.id)!.created).toBe("Created at line 7, at 0.000 s.");
    expect(seen.length).toBeGreaterThan(0);
  });

  it("gives locate each frame's file, line and column, so that it finds the line that created a task", async () => {
    const stacks: string[] = [];
    let created = 0;
    function* child(): Coroutine<void> {}
    function* main(): Coroutine<void> {
      const [task, line] = [asyncio.createTask(child()), callerLine()];
      created = line;
      yield* task;
    }
    const timeline = await record(main, (stack) => {
      stacks.push(stack);
      // Vitest runs the sources by path; the runtimes, by URL.
      return readerFrame(stack.replace(/([ (])\//g, "$1file:///"), (url) => (url.endsWith("/why.test.ts") ? "why.test.ts" : undefined));
    });
    expect(stacks.every((stack) => stack.startsWith("Error\n"))).toBe(true);
    expect(timeline.lanes[1]!.at).toEqual({ path: "why.test.ts", line: created });
  });

  it("reads lines for the first LINE_BUDGET tasks only: stacks cost far more than tasks", async () => {
    let reads = 0;
    function* nothing(): Coroutine<void> {}
    function* main(): Coroutine<void> {
      yield* asyncio.gather(...Array.from({ length: LINE_BUDGET + 10 }, () => nothing()));
    }
    const timeline = await record(main, () => {
      reads += 1;
      return { path: "snippet.ts", line: 5 };
    });
    expect(reads).toBe(LINE_BUDGET);
    expect(timeline.lanes.filter((lane) => lane.at).length).toBe(LINE_BUDGET);
    expect(whyWaiting(timeline, timeline.lanes.at(-1)!.id)!.created).toBe(`Created at 0.000 s; its line was not recorded (the worker runtime reads it for a run's first ${LINE_BUDGET} tasks).`);
  });
});

describe("notes where debug mode would speak", () => {
  it("a sleep() created and never awaited, at the moment and in the task that made it", async () => {
    function* main(): Coroutine<void> {
      yield* asyncio.sleep(0.2);
      asyncio.sleep(1); // forgotten yield*
      yield* asyncio.sleep(0.1);
    }
    const timeline = await record(main, () => ({ path: "snippet.ts", line: 3 }));
    expect(timeline.notes.map((note) => [note.kind, note.id, noteText(note, timeline)])).toEqual([
      ["never-awaited", timeline.lanes[0]!.id, "At 0.200 s: coroutine 'sleep' was created and never awaited (line 3)"],
    ]);
    expect(rows(timeline)[0]!.notes).toEqual(["At 0.200 s: coroutine 'sleep' was created and never awaited (line 3)"]);
  });

  it("no note for sleeps awaited, handed to a task, or awaited a step later", async () => {
    function* main(): Coroutine<void> {
      const later = asyncio.sleep(0.1);
      yield* asyncio.sleep(0);
      yield* later;
      yield* asyncio.createTask(asyncio.sleep(0.1) as Coroutine<void>);
    }
    expect((await record(main)).notes).toEqual([]);
  });

  it("a task exception never retrieved, when the loop closes", async () => {
    function* fails(): Coroutine<void> {
      yield* asyncio.sleep(0.1);
      throw new asyncio.ValueError("nobody looked");
    }
    function* main(): Coroutine<void> {
      asyncio.createTask(fails(), { name: "fails" });
      yield* asyncio.sleep(0.5);
    }
    const loop = new asyncio.VirtualTimeLoop();
    loop.setExceptionHandler(() => {});
    const recorder = new TimelineRecorder(asyncio);
    await asyncio.run(main(), { loopFactory: () => loop, instruments: [recorder] });
    const timeline = fold(recorder.events);
    expect(timeline.notes.map((note) => noteText(note, timeline))).toEqual(["At 0.500 s: Task exception was never retrieved: fails raised ValueError"]);
    expect(timeline.loops[0]!.closed).toBe(0.5);
  });

  it("no note for an exception that was awaited", async () => {
    function* fails(): Coroutine<void> {
      throw new asyncio.ValueError("seen");
    }
    function* main(): Coroutine<void> {
      yield* asyncio.createTask(fails());
    }
    expect((await record(main)).notes).toEqual([]);
  });

  it("tasks still pending when the loop closed", () => {
    const loop = new asyncio.VirtualTimeLoop();
    const recorder = new TimelineRecorder(asyncio);
    loop.addInstrument(recorder);
    function* forever(): Coroutine<void> {
      yield* asyncio.sleep(10);
    }
    function* main(): Coroutine<void> {
      asyncio.createTask(forever(), { name: "forever" });
      yield* asyncio.sleep(1);
    }
    return loop.runUntilComplete(main()).then(() => {
      loop.close();
      const timeline = fold(recorder.events);
      expect(timeline.notes.map((note) => [note.kind, noteText(note, timeline)])).toEqual([
        ["pending", "At 1.000 s: Task was destroyed but it is pending: forever was still pending when the loop closed"],
      ]);
    });
  });

  it("a step that held the loop for 100 ms or more, with the line where it then waits", () => {
    const recorder = new TimelineRecorder({ ...asyncio, locate: () => ({ path: "snippet.ts", line: 9 }) });
    let now = 0;
    const loop = { time: () => now, constructor: { name: "EventLoop" } };
    const task = { _loop: loop, _state: 0, _futWaiter: null, getName: () => "busy" };
    recorder.taskSpawned(task, 0);
    recorder.beforeTaskStep(task, 0);
    now = 0.25;
    recorder.taskWaiting!(task, 0);
    recorder.afterTaskStep(task, 0.25);
    const handle = { _loop: loop, _callback: function tick() {} };
    recorder.beforeCallback(handle, 0.25);
    now = 0.3;
    recorder.afterCallback(handle, 0.3);
    const timeline = fold(recorder.events);
    expect(timeline.notes.map((note) => [note.id, noteText(note, timeline)])).toEqual([
      [timeline.lanes[0]!.id, "At 0.000 s: busy's step held the loop for 0.250 s (debug mode reports 0.100 s or more) (line 9)"],
    ]);
  });
});

/** The line of the caller's call, as V8 counts it. */
function callerLine(): number {
  const holder = Error as { prepareStackTrace?: unknown };
  const prepare = holder.prepareStackTrace;
  holder.prepareStackTrace = (_error: unknown, sites: Array<{ getLineNumber(): number }>) => sites[1]!.getLineNumber();
  const line = new Error().stack as unknown as number;
  holder.prepareStackTrace = prepare;
  return line;
}
