import { afterEach, describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";
import type { Coroutine, Task } from "./index.ts";
import { captureLog, describeEachLoop, virtual } from "./testing/loops.ts";

afterEach(() => {
  asyncio.setEventLoopPolicy(null);
});

describeEachLoop("run", (loop) => {
  it("resolves with main's result", async () => {
    expect(
      await loop.run(function* () {
        yield* asyncio.sleep(0.001);
        return 42;
      }),
    ).toBe(42);
  });

  it("rejects with main's exception, after cleaning up", async () => {
    let leftover: Task<void> | null = null;
    const error = new asyncio.ValueError("main failed");
    await expect(
      loop.run(function* (): Coroutine<never> {
        leftover = asyncio.createTask(asyncio.sleep(10));
        yield* asyncio.sleep(0);
        throw error;
      }),
    ).rejects.toBe(error);
    expect(leftover!.cancelled()).toBe(true);
  });

  it("cancels the tasks left pending, lets them clean up, and closes the loop", async () => {
    const log: string[] = [];
    let runLoop: asyncio.AbstractEventLoop | null = null;
    await loop.run(function* () {
      runLoop = asyncio.getRunningLoop();
      asyncio.createTask(
        (function* () {
          try {
            yield* asyncio.sleep(10);
          } finally {
            log.push("leftover cleaned up");
          }
        })(),
      );
      yield* asyncio.sleep(0);
    });
    expect(log).toEqual(["leftover cleaned up"]);
    expect(runLoop!.isClosed()).toBe(true);
    expect(() => asyncio.getRunningLoop()).toThrow(asyncio.RuntimeError);
    expect(asyncio.allTasks(runLoop!).size).toBe(0);
  });

  it("reports a leftover task that fails while being cancelled", async () => {
    const [, records] = await captureLog(() =>
      loop.run(function* () {
        function* stubborn(): Coroutine<void> {
          try {
            yield* asyncio.sleep(10);
          } catch {
            throw new asyncio.ValueError("during cancel");
          }
        }
        asyncio.createTask(stubborn(), { name: "stubborn" });
        yield* asyncio.sleep(0);
      }),
    );
    expect(records).toHaveLength(1);
    const lines = records[0]!.split("\n");
    expect(lines[0]).toBe("unhandled exception during asyncio.run() shutdown");
    expect(lines[1]).toBe("task: <Task finished name='stubborn' coro=<stubborn() done> exception=ValueError('during cancel')>");
  });

  it("throws RuntimeError synchronously inside a running loop, and closes the coroutine", async () => {
    await loop.run(function* () {
      let started = false;
      const inner = (function* () {
        started = true;
      })();
      expect(() => asyncio.run(inner)).toThrow(
        new asyncio.RuntimeError("asyncio.run() cannot be called from a running event loop"),
      );
      expect(inner.next()).toEqual({ done: true, value: undefined });
      expect(started).toBe(false);
      yield* asyncio.sleep(0);
    });
  });
});

describe("run arguments", () => {
  it("throws ValueError synchronously for a non-coroutine, naming it, as Python does", () => {
    function* main() {}
    expect(() => asyncio.run(main as never)).toThrow(new asyncio.ValueError("a coroutine was expected, got <function main>"));
    expect(() => asyncio.run(42 as never)).toThrow(new asyncio.ValueError("a coroutine was expected, got 42"));
    expect(() => asyncio.run(42 as never)).toThrow(asyncio.ValueError);
    expect(() => new asyncio.Runner().run(main as never)).toThrow(asyncio.ValueError);
  });

  it("counts as running while waiting for a timer: a second run() throws", async () => {
    const first = asyncio.run(asyncio.sleep(0.005));
    expect(() => asyncio.run(asyncio.sleep(0))).toThrow(asyncio.RuntimeError);
    await first;
  });

  it("uses the policy's loop by default, and unsets the current loop afterwards", async () => {
    asyncio.setEventLoopPolicy(new asyncio.DefaultEventLoopPolicy(() => new asyncio.VirtualTimeLoop()));
    const time = await asyncio.run(
      (function* () {
        expect(asyncio.getRunningLoop()).toBeInstanceOf(asyncio.VirtualTimeLoop);
        expect(asyncio.getEventLoop()).toBe(asyncio.getRunningLoop());
        yield* asyncio.sleep(100);
        return asyncio.getRunningLoop().time();
      })(),
    );
    expect(time).toBe(100);
    expect(() => asyncio.getEventLoop()).toThrow(
      new asyncio.RuntimeError("There is no current event loop in thread 'MainThread'."),
    );
  });

  it("applies debug and instruments options", async () => {
    const spawned: string[] = [];
    await virtual.run(
      function* () {
        expect(asyncio.getRunningLoop().getDebug()).toBe(true);
        yield* asyncio.sleep(0);
      },
      { debug: true, instruments: [{ taskSpawned: (task) => spawned.push(task.getName()) }] },
    );
    expect(spawned).toHaveLength(1);
  });
});

describe("Runner", () => {
  it("runs several coroutines on one loop, then closes it", async () => {
    const runner = new asyncio.Runner({ loopFactory: () => new asyncio.VirtualTimeLoop() });
    const loop = runner.getLoop();
    expect(
      await runner.run(
        (function* () {
          yield* asyncio.sleep(1);
          return asyncio.getRunningLoop();
        })(),
      ),
    ).toBe(loop);
    expect(
      await runner.run(
        (function* () {
          yield* asyncio.sleep(1);
          return asyncio.getRunningLoop().time();
        })(),
      ),
    ).toBe(2);
    await runner.close();
    expect(loop.isClosed()).toBe(true);
    expect(() => runner.getLoop()).toThrow(new asyncio.RuntimeError("Runner is closed"));
    await runner.close(); // again: nothing to do
  });

  it("does nothing on close if never used", async () => {
    let loops = 0;
    const runner = new asyncio.Runner({ loopFactory: () => (loops++, new asyncio.VirtualTimeLoop()) });
    await runner.close();
    expect(loops).toBe(0);
    // Nothing was closed: the runner still runs.
    expect(await runner.run((function* () { return 7; })())).toBe(7);
    await runner.close();
    expect(loops).toBe(1);
  });
});
