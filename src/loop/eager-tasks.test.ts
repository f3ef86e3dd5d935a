import { expect, it } from "vitest";
import * as asyncio from "./index.ts";
import type { Coroutine } from "./index.ts";
import { describeEachLoop } from "./testing/loops.ts";

describeEachLoop("eagerTaskFactory", (loop) => {
  it("runs the first step inside createTask, as the new task, then gives the creator back", async () => {
    await loop.run(function* () {
      asyncio.getRunningLoop().setTaskFactory(asyncio.eagerTaskFactory);
      const creator = asyncio.currentTask();
      const log: string[] = [];
      function* child(): Coroutine<string> {
        log.push(`child runs; current is creator: ${asyncio.currentTask() === creator}`);
        yield* asyncio.sleep(0);
        log.push("child resumed");
        return "done";
      }
      const task = asyncio.createTask(child());
      log.push(`created; done: ${task.done()}; current is creator: ${asyncio.currentTask() === creator}`);
      expect(asyncio.allTasks().has(task)).toBe(true);
      expect(yield* task).toBe("done");
      expect(log).toEqual(["child runs; current is creator: false", "created; done: false; current is creator: true", "child resumed"]);
    });
  });

  it("gives a task already done, or already failed, when the coroutine never waits", async () => {
    await loop.run(function* () {
      asyncio.getRunningLoop().setTaskFactory(asyncio.eagerTaskFactory);
      const quick = asyncio.createTask((function* (): Coroutine<number> { return 42; })());
      expect(quick.done() && quick.result()).toBe(42);
      expect(asyncio.allTasks().has(quick)).toBe(false);
      const failing = asyncio.createTask((function* (): Coroutine<never> { throw new asyncio.ValueError("now"); })());
      expect(failing.done()).toBe(true);
      expect((failing.exception() as Error).message).toBe("now");
    });
  });

  it("starts lazily while the loop is not running", () => {
    const lazyLoop = asyncio.newEventLoop();
    lazyLoop.setTaskFactory(asyncio.eagerTaskFactory);
    let ran = false;
    const task = lazyLoop.createTask((function* (): Coroutine<void> { ran = true; })());
    expect(ran).toBe(false);
    task.cancel();
    lazyLoop.close();
  });

  it("reports the eager step to instruments, inside the creator's step", async () => {
    const events: string[] = [];
    let main: asyncio.Task<unknown> | null = null;
    const who = (t: asyncio.Task<unknown>): string => (t === main ? "main" : "child");
    const instrument: asyncio.Instrument = {
      taskSpawned: (t) => {
        main ??= t; // the first task is main's
        events.push(`spawn ${who(t)}`);
      },
      beforeTaskStep: (t) => events.push(`step ${who(t)}`),
      afterTaskStep: (t) => events.push(`stepped ${who(t)}`),
      taskExited: (t) => events.push(`exit ${who(t)}`),
    };
    await loop.run(
      function* () {
        asyncio.getRunningLoop().setTaskFactory(asyncio.eagerTaskFactory);
        asyncio.createTask((function* (): Coroutine<void> {})());
      },
      { instruments: [instrument] },
    );
    const from = events.indexOf("step main");
    expect(events.slice(from, from + 6)).toEqual([
      "step main",
      "spawn child",
      "step child",
      "stepped child",
      "exit child",
      "stepped main",
    ]);
  });
});

it("createEagerTaskFactory builds tasks with the given class", async () => {
  class Counted<T> extends asyncio.Task<T> {
    static made = 0;
    constructor(coro: Coroutine<T>, options: { loop: asyncio.AbstractEventLoop; eagerStart: boolean }) {
      super(coro, options);
      Counted.made++;
    }
  }
  await asyncio.run(
    (function* (): Coroutine<void> {
      asyncio.getRunningLoop().setTaskFactory(asyncio.createEagerTaskFactory(Counted));
      const task = asyncio.createTask((function* (): Coroutine<string> { return "x"; })());
      expect(task).toBeInstanceOf(Counted);
      expect(task.done()).toBe(true);
    })(),
  );
  expect(Counted.made).toBe(1);
});
