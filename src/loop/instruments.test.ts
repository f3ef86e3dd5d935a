import { describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";
import type { Coroutine, Instrument } from "./index.ts";
import { captureLog, virtual } from "./testing/loops.ts";

/** An instrument that records every event as `hook subject@time`. */
function recorder(): Instrument & { events: string[] } {
  const events: string[] = [];
  const name = (subject: unknown) =>
    subject instanceof asyncio.Task
      ? subject.getName()
      : subject instanceof asyncio.TimerHandle
        ? `timer(${subject.when()})`
        : subject instanceof asyncio.Handle
          ? "handle"
          : "loop";
  const instrument: Instrument & { events: string[] } = { events };
  for (const hook of asyncio.instrumentHooks) {
    instrument[hook] = (subject: never, time: number) => void events.push(`${hook} ${name(subject)}@${time}`);
  }
  return instrument;
}

function* child(): Coroutine<string> {
  yield* asyncio.sleep(0.5);
  return "done";
}

function* main(): Coroutine<void> {
  const task = asyncio.createTask(child(), { name: "child" });
  yield* asyncio.sleep(1);
  yield* task;
}

describe("instruments", () => {
  it("see tasks, timers and callbacks, in order, with task names and loop times", async () => {
    const rec = recorder();
    await virtual.run(main, { instruments: [rec] });
    const main1 = rec.events.find((e) => e.startsWith("taskSpawned"))!.split(" ")[1]!.split("@")[0]!;
    // createTask(coro, { name }) names the task right after spawning it, as Python does.
    const spawnName = `Task-${Number(main1.slice("Task-".length)) + 1}`;
    expect(rec.events).toEqual([
      `taskSpawned ${main1}@0`,
      `taskScheduled ${main1}@0`,
      "beforeRun loop@0",
      `beforeTaskStep ${main1}@0`,
      `taskSpawned ${spawnName}@0`,
      `taskScheduled ${spawnName}@0`,
      "coroutineCreated timer(1)@0", // sleep(1) is made, then awaited
      "timerScheduled timer(1)@0",
      `taskWaiting ${main1}@0`,
      `afterTaskStep ${main1}@0`,
      "beforeTaskStep child@0",
      "coroutineCreated timer(0.5)@0",
      "timerScheduled timer(0.5)@0",
      "taskWaiting child@0",
      "afterTaskStep child@0",
      "beforeCallback timer(0.5)@0.5",
      "taskScheduled child@0.5",
      "afterCallback timer(0.5)@0.5",
      "beforeTaskStep child@0.5",
      "afterTaskStep child@0.5",
      "taskExited child@0.5",
      "beforeCallback timer(1)@1",
      `taskScheduled ${main1}@1`,
      "afterCallback timer(1)@1",
      `beforeTaskStep ${main1}@1`,
      "callbackScheduled handle@1", // runUntilComplete's done callback
      `afterTaskStep ${main1}@1`,
      `taskExited ${main1}@1`,
      "beforeCallback handle@1",
      "afterCallback handle@1",
      "afterRun loop@1",
    ]);
  });

  it("cost nothing when none is installed: no hook is called, no list is kept", async () => {
    const rec = recorder();
    const loop = virtual.create();
    expect(loop._instruments).toBeNull();
    loop.addInstrument(rec);
    loop.addInstrument(rec); // once only
    expect(loop._instruments).toEqual([rec]);
    loop.removeInstrument(rec);
    expect(loop._instruments).toBeNull();
    await loop.runUntilComplete(main());
    expect(rec.events).toEqual([]);
    expect(() => loop.removeInstrument(rec)).toThrow(asyncio.ValueError);
    loop.close();
  });

  it("coroutineCreated sees sleep()'s coroutines made while the loop runs; coroutineStarted tells the awaited from the forgotten", async () => {
    const made: object[] = [];
    function* forgetful(): Coroutine<void> {
      asyncio.sleep(1); // no yield*
      asyncio.sleep(0);
      yield* asyncio.sleep(0.5);
      yield* asyncio.sleep(0);
    }
    asyncio.sleep(2); // no loop runs: nobody to tell
    await virtual.run(forgetful, { instruments: [{ coroutineCreated: (coro) => void made.push(coro) }] });
    expect(made.map((coro) => asyncio.coroutineStarted(coro))).toEqual([false, false, true, true]);
  });

  it("lockAcquired and lockReleased say who holds a Lock: the running task, by acquire or by hand-off; Condition's too", async () => {
    const events: string[] = [];
    const lock = new asyncio.Lock();
    const cond = new asyncio.Condition(lock);
    const who = () => asyncio.currentTask()?.getName() ?? "no task";
    const watch: Instrument = {
      lockAcquired: (l) => void events.push(`${who()} acquired ${l === lock ? "lock" : "?"}`),
      lockReleased: (l) => void events.push(`${who()} released ${l === lock ? "lock" : "?"}`),
    };
    function* first(): Coroutine<void> {
      yield* lock.acquire();
      yield* asyncio.sleep(0.1);
      lock.release();
    }
    function* second(): Coroutine<void> {
      yield* asyncio.asyncWith(cond, function* () {}); // waits, then is handed the lock
    }
    function* run(): Coroutine<void> {
      const a = asyncio.createTask(first(), { name: "a" });
      yield* asyncio.sleep(0);
      yield* asyncio.gather(a, asyncio.createTask(second(), { name: "b" }));
    }
    await virtual.run(run, { instruments: [watch] });
    expect(events).toEqual(["a acquired lock", "a released lock", "b acquired lock", "b released lock"]);
  });

  it("a hook that throws removes its instrument and is reported", async () => {
    const seen: string[] = [];
    const broken: Instrument = {
      beforeTaskStep() {
        throw new Error("instrument bug");
      },
    };
    const fine: Instrument = { beforeTaskStep: (task) => void seen.push(task.getName()) };
    const loop = virtual.create();
    loop.addInstrument(broken);
    loop.addInstrument(fine);
    const [, records] = await captureLog(() => loop.runUntilComplete(main()));
    expect(loop._instruments).toEqual([fine]);
    expect(seen.length).toBeGreaterThan(1);
    expect(records).toHaveLength(1);
    expect(records[0]!.split("\n")[0]).toBe(
      "Instrument beforeTaskStep hook raised an exception; the instrument was removed",
    );
    loop.close();
  });

  it("are added and removed between two events, even from a hook; which hooks an instrument has is read when it is added", async () => {
    const seen: string[] = [];
    const loop = virtual.create();
    // Removes itself at the first step it sees; the other instrument still gets that step.
    const once: Instrument = {
      beforeTaskStep(task) {
        seen.push(`once ${task.getName()}`);
        loop.removeInstrument(once);
      },
    };
    const late: Instrument = { afterTaskStep: (task) => void seen.push(`late after ${task.getName()}`) };
    const always: Instrument = { beforeTaskStep: (task) => void seen.push(`always ${task.getName()}`) };
    loop.addInstrument(once);
    loop.addInstrument(always);
    function* twoSteps(): Coroutine<void> {
      loop.addInstrument(late); // from inside a step: its end is seen
      yield* asyncio.sleep(0);
    }
    await loop.runUntilComplete(loop.createTask(twoSteps(), { name: "t" }));
    // A hook given to an installed instrument is not called.
    always.afterTaskStep = (task) => void seen.push(`added later ${task.getName()}`);
    await loop.runUntilComplete(loop.createTask(asyncio.sleep(0), { name: "u" }));
    expect(seen).toEqual(["once t", "always t", "late after t", "always t", "late after t", "always u", "late after u", "always u", "late after u"]);
    loop.close();
  });

  it("report a task's outcome at taskExited", async () => {
    const outcomes: string[] = [];
    const instrument: Instrument = {
      taskExited(task) {
        outcomes.push(task.cancelled() ? "cancelled" : String(task.exception() ?? task.result()));
      },
    };
    await virtual.run(
      function* () {
        const failing = asyncio.createTask(
          (function* (): Coroutine<never> {
            throw new asyncio.ValueError("x");
          })(),
        );
        const cancelled = asyncio.createTask(asyncio.sleep(5));
        yield* asyncio.sleep(0);
        cancelled.cancel();
        yield* asyncio.sleep(0);
        void failing;
        return "main result";
      },
      { instruments: [instrument] },
    );
    expect(outcomes).toEqual(["ValueError: x", "cancelled", "main result"]);
  });

  it("installInstrument puts one on every loop made from then on, until uninstalled", async () => {
    const steps: string[] = [];
    const instrument: Instrument = { beforeTaskStep: (task) => void steps.push(task.getName()) };
    asyncio.installInstrument(instrument);
    asyncio.installInstrument(instrument); // once only
    try {
      await virtual.run(function* () {
        yield* asyncio.sleep(0);
      });
      expect(steps).toHaveLength(2);
    } finally {
      asyncio.uninstallInstrument(instrument);
    }
    await virtual.run(function* () {});
    expect(steps).toHaveLength(2);
  });

  it("taskWaiting is called in the frame that waits, for futures, tasks, sleeps and queues", async () => {
    const frames: string[] = [];
    const instrument: Instrument = {
      taskWaiting: (task) => {
        const stack = new Error().stack ?? "";
        frames.push(`${task.getName()} ${/waitsHere/.test(stack) ? "in frame" : "elsewhere"}`);
      },
    };
    function* waitsHere(): Coroutine<void> {
      const queue = new asyncio.Queue<number>();
      const loop = asyncio.getRunningLoop();
      loop.callSoon(() => queue.putNowait(1));
      yield* queue.get();
      yield* asyncio.sleep(0);
      yield* asyncio.sleep(0.1);
      const child = asyncio.createTask(asyncio.sleep(0.1));
      yield* child;
    }
    await virtual.run(function* () {
      asyncio.currentTask()!.setName("w");
      yield* waitsHere();
    }, { instruments: [instrument] });
    // The child waits too (its sleep is its own frame, not waitsHere).
    expect(frames.filter((f) => f.startsWith("w "))).toEqual(["w in frame", "w in frame", "w in frame", "w in frame"]);
  });

  it("noteWait names what a wait belongs to, only while the loop is watched", async () => {
    const owner = { name: "pool" };
    let watched: [object | undefined, unknown] | null = null;
    let unwatched: object | undefined = {};
    await virtual.run(function* () {
      const loop = asyncio.getRunningLoop();
      const future = loop.createFuture();
      asyncio.noteWait(future, owner, "a connection");
      watched = [asyncio.waitOwner(future), asyncio.waitDetail(future)];
    }, { instruments: [{}] });
    await virtual.run(function* () {
      const future = asyncio.getRunningLoop().createFuture();
      asyncio.noteWait(future, owner);
      unwatched = asyncio.waitOwner(future);
    });
    expect(watched).toEqual([owner, "a connection"]);
    expect(unwatched).toBeUndefined();
  });

  it("the asyncio/instruments entry is the public instrument API, the same functions as the main entry", async () => {
    const entry = await import("./instruments-entry.ts");
    expect(Object.keys(entry).sort()).toEqual(["coroutineStarted", "installInstrument", "instrumentHooks", "noteWait", "uninstallInstrument", "waitDetail", "waitOwner"]);
    expect(entry.installInstrument).toBe(asyncio.installInstrument);
    expect(Object.keys(asyncio).filter((name) => name.startsWith("_"))).toEqual([]);
  });

  it("read the clock between callbacks: events during a callback get the time it started", async () => {
    // A clock that moves 1 ms at every reading, so that each reading is told apart.
    let ms = 0;
    asyncio.setHost({ ...asyncio.defaultHost, now: () => (ms += 1) });
    const seen: { hook: string; task: unknown; ms: number }[] = [];
    const at = (hook: string) => (task: unknown, time: number) => void seen.push({ hook, task, ms: Math.round(time * 1000) });
    const instrument: Instrument = {
      beforeTaskStep: at("before"),
      taskSpawned: at("spawned"),
      afterTaskStep: at("after"),
      taskExited: at("exited"),
    };
    let child: asyncio.Task<void> | null = null;
    let main: asyncio.Task<unknown> | null = null;
    try {
      await asyncio.run(
        (function* (): Coroutine<void> {
          main = asyncio.currentTask();
          child = asyncio.createTask(asyncio.sleep(0));
          yield* asyncio.sleep(0);
        })(),
        { instruments: [instrument] },
      );
    } finally {
      asyncio.setHost(null);
    }
    const times = (hook: string, task: unknown) => seen.filter((event) => event.hook === hook && event.task === task).map((event) => event.ms);
    // The child was spawned during main's first step: that step's start time, no reading of its own.
    expect(times("spawned", child)).toEqual([times("before", main)[0]]);
    // A step's end is a new reading...
    expect(times("after", main)[0]).toBeGreaterThan(times("before", main)[0]!);
    // ...shared with the start of the next callback of the iteration (the child's step, then main's),
    expect(times("before", main)[1]).toBe(times("after", child)[0]);
    // ...and with the task's exit.
    expect(times("exited", child)).toEqual([times("after", child)[1]]);
  });
});

