import { describe, expect, it } from "vitest";
import * as asyncio from "../loop/index.ts";
import type { Coroutine } from "../loop/index.ts";
import { TimelineRecorder, short } from "./instrument.ts";
import { fold, printedBy, rows, TimelineBuilder, type Timeline } from "./record.ts";
import type { TimelineEvent } from "./events.ts";

/** Runs `main` on the virtual-time loop with the recorder installed. */
async function record(main: () => Coroutine<unknown>): Promise<{ events: TimelineEvent[]; timeline: Timeline }> {
  const recorder = new TimelineRecorder(asyncio);
  await asyncio.run(main(), { loopFactory: () => new asyncio.VirtualTimeLoop(), instruments: [recorder] }).catch(() => {});
  return { events: recorder.events, timeline: fold(recorder.events) };
}

const byName = (timeline: Timeline, name: string) => timeline.lanes.find((lane) => lane.name === name)!;

describe("timeline recorder", () => {
  it("gather of sleeps 0.3/0.1/0.2: three child lanes ending in timer order, the loop jumping between", async () => {
    function* nap(seconds: number): Coroutine<number> {
      yield* asyncio.sleep(seconds);
      return seconds;
    }
    function* main(): Coroutine<void> {
      yield* asyncio.gather(nap(0.3), nap(0.1), nap(0.2));
    }
    const { timeline } = await record(main);
    const table = rows(timeline);
    expect(table.map((row) => row.end)).toEqual(["0.300", "0.300", "0.100", "0.200"]);
    const [parent, ...children] = table;
    expect(parent!.lastWait).toMatch(/^gather\(Task-\d+, Task-\d+, Task-\d+\)$/);
    expect(children.map((row) => [row.start, row.steps, row.outcome, row.lastWait])).toEqual([
      ["0.000", 2, "result", "sleep(0.3)"],
      ["0.000", 2, "result", "sleep(0.1)"],
      ["0.000", 2, "result", "sleep(0.2)"],
    ]);
    expect(timeline.lanes.slice(1).map((lane) => lane.detail)).toEqual(["0.3", "0.1", "0.2"]);
    expect(timeline.lanes.slice(1).every((lane) => lane.parent === timeline.lanes[0]!.id)).toBe(true);
    const [loop] = timeline.loops;
    expect(loop!.virtual).toBe(true);
    expect(loop!.idle.map(({ from, to }) => [from, to])).toEqual([
      [0, 0.1],
      [0.1, 0.2],
      [0.2, 0.3],
    ]);
    expect(loop!.callbacks.filter((c) => c.timer).map((c) => [c.t, c.name])).toEqual([
      [0.1, "sleep wake-up"],
      [0.2, "sleep wake-up"],
      [0.3, "sleep wake-up"],
    ]);
  });

  it("steps ready tasks in FIFO order, one step each per iteration", async () => {
    function* worker(): Coroutine<void> {
      yield* asyncio.sleep(0);
      yield* asyncio.sleep(0);
    }
    function* main(): Coroutine<void> {
      const tasks = ["a", "b", "c"].map((name) => asyncio.createTask(worker(), { name }));
      for (const task of tasks) yield* task;
    }
    const { events, timeline } = await record(main);
    const names = new Map(timeline.lanes.map((lane) => [lane.id, lane.name]));
    const order = events.filter((e) => e.k === "step").map((e) => names.get((e as { id: number }).id));
    expect(order.filter((name) => name !== timeline.lanes[0]!.name)).toEqual(["a", "b", "c", "a", "b", "c", "a", "b", "c"]);
    expect(rows(timeline).slice(1).map((row) => [row.name, row.steps, row.outcome])).toEqual([
      ["a", 3, "result"],
      ["b", 3, "result"],
      ["c", 3, "result"],
    ]);
    expect(byName(timeline, "a").waits.map((wait) => wait.on)).toEqual(["ready", "ready"]);
    // b and c are done by the time a is, so main waited on a only.
    expect(rows(timeline)[0]!.lastWait).toBe("task a");
  });

  it("a cancellation lands in the wait it interrupts, at the step it was delivered", async () => {
    function* sleeper(): Coroutine<void> {
      yield* asyncio.sleep(10);
    }
    function* main(): Coroutine<void> {
      const task = asyncio.createTask(sleeper(), { name: "sleeper" });
      yield* asyncio.sleep(1);
      task.cancel();
      try {
        yield* task;
      } catch {
        // expected: CancelledError
      }
    }
    const { timeline } = await record(main);
    const lane = byName(timeline, "sleeper");
    expect(lane.outcome).toBe("cancelled");
    expect(lane.cancelledAt).toBe("sleep(10)");
    expect(lane.steps).toEqual([0, 1]);
    expect(lane.end).toBe(1);
    expect(rows(timeline)[1]).toMatchObject({ name: "sleeper", start: "0.000", end: "1.000", steps: 2, outcome: "cancelled", lastWait: "sleep(10)" });
  });

  it("an exception ends the lane with its type; the waiter sees it", async () => {
    function* fails(): Coroutine<void> {
      yield* asyncio.sleep(0.5);
      throw new asyncio.ValueError("bad");
    }
    function* main(): Coroutine<string> {
      try {
        yield* asyncio.createTask(fails(), { name: "fails" });
      } catch {
        return "caught";
      }
      return "not caught";
    }
    const { timeline } = await record(main);
    expect(rows(timeline).map((row) => [row.name, row.end, row.outcome])).toEqual([
      [timeline.lanes[0]!.name, "0.500", "result"],
      ["fails", "0.500", "exception ValueError"],
    ]);
    expect(timeline.lanes[0]!.detail).toBe("'caught'");
  });

  it("names what a task waits on: a queue, a lock, an event, another task", async () => {
    function* main(): Coroutine<void> {
      const queue = new asyncio.Queue<number>();
      const lock = new asyncio.Lock();
      const event = new asyncio.Event();
      const getter = asyncio.createTask(
        (function* () {
          yield* queue.get();
        })(),
        { name: "getter" },
      );
      const locker = asyncio.createTask(
        (function* () {
          yield* lock.acquire();
          lock.release();
        })(),
        { name: "locker" },
      );
      const waiter = asyncio.createTask(
        (function* () {
          yield* event.wait();
        })(),
        { name: "waiter" },
      );
      yield* lock.acquire();
      yield* asyncio.sleep(1);
      queue.putNowait(1);
      lock.release();
      event.set();
      yield* asyncio.gather(getter, locker, waiter);
    }
    const { events, timeline } = await record(main);
    const waits = (name: string) => byName(timeline, name).waits.map((wait) => `${wait.on} ${wait.what} ${wait.from}-${wait.to}`);
    // Folding in pieces gives the same lanes as folding at once.
    expect(new TimelineBuilder().add(events.slice(0, 7)).add(events.slice(7)).timeline).toEqual(timeline);
    expect(waits("getter")).toEqual(["queue Queue 1 0-1"]);
    expect(waits("locker")).toEqual(["lock Lock 1 0-1"]);
    expect(waits("waiter")).toEqual(["lock Event 1 0-1"]);
  });

  it("puts plain callbacks and timers on the loop lane", async () => {
    function* main(): Coroutine<void> {
      const loop = asyncio.getRunningLoop();
      loop.callSoon(function hello() {});
      loop.callLater(0.25, function later() {});
      yield* asyncio.sleep(0.5);
    }
    const { timeline } = await record(main);
    const callbacks = timeline.loops[0]!.callbacks.map((c) => `${c.t} ${c.timer ? "timer" : "soon"} ${c.name}`);
    expect(callbacks.slice(0, 3)).toEqual(["0 soon hello", "0.25 timer later", "0.5 timer sleep wake-up"]);
  });

  it("notes no wait owners when no instrument watches", async () => {
    let future: object | null = null;
    function* main(): Coroutine<void> {
      const queue = new asyncio.Queue<number>();
      const loop = asyncio.getRunningLoop();
      loop.callSoon(() => queue.putNowait(1));
      const get = queue.get();
      get.next();
      future = (queue as unknown as { _getters: { peekFront?: () => object; toArray?: () => object[] } })._getters.toArray?.()[0] ?? null;
      yield* asyncio.sleep(0);
    }
    await asyncio.run(main(), { loopFactory: () => new asyncio.VirtualTimeLoop() });
    expect(future).not.toBeNull();
    expect(asyncio.waitOwner(future!)).toBeUndefined();
  });

  it("says results short", () => {
    expect(short("x".repeat(100))).toHaveLength(40);
    expect([short(undefined), short(true), short([1, "a"])]).toEqual(["None", "True", "[1, 'a']"]);
  });
});

describe("who printed each line", () => {
  it("names the task whose step printed each stdout line, and when that step began", async () => {
    const recorder = new TimelineRecorder(asyncio);
    recorder.printed("before the loop\n");
    function* child(name: string, seconds: number): Coroutine<void> {
      yield* asyncio.sleep(seconds);
      recorder.printed(`${name} finished\n`);
    }
    function* main(): Coroutine<void> {
      yield* asyncio.gather(child("a", 0.3), child("b", 0.1));
      recorder.printed("all done\nreally");
      recorder.printed("\n");
    }
    await asyncio.run(main(), { loopFactory: () => new asyncio.VirtualTimeLoop(), instruments: [recorder] });
    const timeline = fold(recorder.events);
    const names = timeline.lanes.map((lane) => lane.name);
    const who = [0, 1, 2, 3, 4].map((line) => {
      const found = printedBy(timeline, line);
      return found && [found.lane === -1 ? null : names[found.lane], found.time];
    });
    expect(who).toEqual([[null, ""], [names[2], "0.100"], [names[1], "0.300"], [names[0], "0.300"], [names[0], "0.300"]]);
    expect(printedBy(timeline, 5)).toBeUndefined();
  });
});

describe("the recorder's log", () => {
  function* nap(seconds: number, result: unknown): Coroutine<unknown> {
    yield* asyncio.sleep(seconds);
    return result;
  }
  function* many(): Coroutine<unknown> {
    // Enough events for more than one of the log's chunks, and each kind its columns keep.
    const naps = Array.from({ length: 1500 }, (_, i) => nap((i % 7) / 10, i % 2 === 0 ? i : { i }));
    const done = yield* asyncio.gather(...naps);
    asyncio.getRunningLoop().callSoon(function tick() {});
    const victim = asyncio.createTask(nap(1, null), { name: "victim" });
    yield* asyncio.sleep(0);
    victim.cancel();
    yield* asyncio.wait([victim]);
    yield* asyncio.createTask(nap(0.5, "helped"), { name: "helper" });
    return done.length;
  }

  it("hands its events over in batches: the first as it comes, then every `batch`; together they are what `events` keeps", async () => {
    const kept = new TimelineRecorder(asyncio);
    const told: number[] = [];
    const batches: TimelineEvent[][] = [];
    const streamed: TimelineRecorder = new TimelineRecorder({
      ...asyncio,
      batch: 1000,
      onEvents: (waiting) => {
        told.push(waiting);
        if (waiting >= 1000) batches.push(streamed.take());
      },
    });
    // Two recorders of the same tasks: the second keeps its records beside the first's.
    await asyncio.run(many(), { loopFactory: () => new asyncio.VirtualTimeLoop(), instruments: [kept, streamed] });
    batches.push(streamed.take());
    expect(streamed.size).toBe(0);
    expect(streamed.take()).toEqual([]);
    const all = kept.events;
    expect(all.length).toBeGreaterThan(6000);
    expect(batches.flat()).toEqual(all);
    expect(batches.slice(0, -1).every((batch) => batch.length === 1000)).toBe(true);
    expect(told.filter((waiting) => waiting === 1).length).toBe(batches.length);
    expect(told.every((waiting) => waiting === 1 || waiting === 1000)).toBe(true);
    // What the columns keep comes back as the events say it.
    const timeline = fold(all);
    expect(timeline.lanes.length).toBe(1503);
    expect(timeline.lanes.slice(1, 4).map((lane) => [lane.detail, lane.waits[0]!.what, lane.waits[0]!.until])).toEqual([
      ["0", "sleep(0)", undefined],
      ["Object", "sleep(0.1)", 0.1],
      ["2", "sleep(0.2)", 0.2],
    ]);
    expect(timeline.lanes.slice(1, 4).every((lane) => /^Task-\d+$/.test(lane.name))).toBe(true);
    const victim = timeline.lanes.find((lane) => lane.name === "victim")!;
    expect([victim.outcome, victim.detail]).toEqual(["cancelled", "CancelledError"]);
    const helper = timeline.lanes.find((lane) => lane.name === "helper")!;
    expect(helper.detail).toBe("'helped'");
    expect(timeline.lanes[0]!.waits.at(-1)).toMatchObject({ on: "task", what: "helper", targets: [helper.id] });
    expect(timeline.lanes[0]!.detail).toBe("1500");
    expect(all).toContainEqual({ k: "callback", loop: 0, t: 0.6, timer: false, name: "tick" });
  });

  it("reads a default name when it is read: formatting it (getName) is no rename, setName is", async () => {
    function* main(): Coroutine<void> {
      const me = asyncio.currentTask()!;
      me.getName();
      yield* asyncio.sleep(0);
      me.setName("renamed");
      yield* asyncio.sleep(0);
    }
    const { events } = await record(main);
    const id = events.find((event) => event.k === "spawn")!;
    expect(id).toMatchObject({ k: "spawn", name: expect.stringMatching(/^Task-\d+$/) });
    expect(events.filter((event) => event.k === "name")).toEqual([{ k: "name", id: (id as { id: number }).id, name: "renamed" }]);
  });
});
