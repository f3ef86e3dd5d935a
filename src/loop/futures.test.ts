import { describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";
import type { Coroutine } from "./index.ts";
import { captureLog, describeEachLoop, virtual } from "./testing/loops.ts";

describeEachLoop("Future", (loop) => {
  it("goes from pending to finished with a result, once", async () => {
    await loop.run(function* () {
      const fut = asyncio.getRunningLoop().createFuture<number>();
      expect(fut.done()).toBe(false);
      expect(fut.cancelled()).toBe(false);
      expect(() => fut.result()).toThrow(new asyncio.InvalidStateError("Result is not set."));
      expect(() => fut.exception()).toThrow(new asyncio.InvalidStateError("Exception is not set."));
      fut.setResult(42);
      expect(fut.done()).toBe(true);
      expect(fut.result()).toBe(42);
      expect(fut.exception()).toBeNull();
      expect(() => fut.setResult(43)).toThrow(new asyncio.InvalidStateError("invalid state"));
      expect(() => fut.setException(new Error("late"))).toThrow(asyncio.InvalidStateError);
      expect(fut.cancel()).toBe(false);
      expect(fut.result()).toBe(42);
    });
  });

  it("finishes with an exception that result() throws and exception() returns", async () => {
    await loop.run(function* () {
      const fut = asyncio.getRunningLoop().createFuture();
      const error = new asyncio.ValueError("boom");
      fut.setException(error);
      expect(() => fut.result()).toThrow(error);
      expect(fut.exception()).toBe(error);
    });
  });

  it("instantiates an error class given to setException, and refuses undefined", async () => {
    await loop.run(function* () {
      const fut = asyncio.getRunningLoop().createFuture();
      expect(() => fut.setException(undefined)).toThrow(new TypeError("invalid exception object"));
      fut.setException(asyncio.ValueError);
      expect(fut.exception()).toBeInstanceOf(asyncio.ValueError);
    });
  });

  it("cancels: result() throws CancelledError carrying the message", async () => {
    await loop.run(function* () {
      const fut = asyncio.getRunningLoop().createFuture();
      expect(fut.cancel("stop it")).toBe(true);
      expect(fut.cancelled()).toBe(true);
      expect(fut.done()).toBe(true);
      expect(fut.cancel()).toBe(false);
      expect(() => fut.result()).toThrow(new asyncio.CancelledError("stop it"));
      expect(() => fut.exception()).toThrow(asyncio.CancelledError);
      expect(() => fut.setResult(1)).toThrow(asyncio.InvalidStateError);
    });
  });

  it("schedules done callbacks with callSoon, in registration order, never inline", async () => {
    const log = await loop.run(function* () {
      const log: string[] = [];
      const fut = asyncio.getRunningLoop().createFuture<string>();
      fut.addDoneCallback((f) => log.push(`first ${f.result()}`));
      fut.addDoneCallback(() => log.push("second"));
      asyncio.getRunningLoop().callSoon(() => log.push("callSoon before setResult"));
      fut.setResult("x");
      log.push("after setResult");
      fut.addDoneCallback(() => log.push("added when done"));
      yield* asyncio.sleep(0);
      return log;
    });
    expect(log).toEqual(["after setResult", "callSoon before setResult", "first x", "second", "added when done"]);
  });

  it("removes every registration of a callback and counts them", async () => {
    await loop.run(function* () {
      const calls: string[] = [];
      const fut = asyncio.getRunningLoop().createFuture();
      const a = () => calls.push("a");
      const b = () => calls.push("b");
      fut.addDoneCallback(a);
      fut.addDoneCallback(b);
      fut.addDoneCallback(a);
      expect(fut.removeDoneCallback(a)).toBe(2);
      expect(fut.removeDoneCallback(a)).toBe(0);
      fut.setResult(undefined);
      yield* asyncio.sleep(0);
      expect(calls).toEqual(["b"]);
    });
  });

  it("is awaited with yield*, returning the result or throwing", async () => {
    const result = await loop.run(function* () {
      const l = asyncio.getRunningLoop();
      const ok = l.createFuture<string>();
      l.callLater(0.001, () => ok.setResult("from a timer"));
      const failing = l.createFuture<string>();
      l.callSoon(() => failing.setException(new asyncio.ValueError("bad")));
      let caught: unknown;
      try {
        yield* failing;
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(asyncio.ValueError);
      return yield* ok;
    });
    expect(result).toBe("from a timer");
  });

  it("wakes every task awaiting it, in the order they started waiting", async () => {
    const log = await loop.run(function* () {
      const fut = asyncio.getRunningLoop().createFuture<number>();
      const log: string[] = [];
      function* waiter(name: string): Coroutine<void> {
        log.push(`${name} got ${yield* fut}`);
      }
      const tasks = [asyncio.createTask(waiter("a")), asyncio.createTask(waiter("b"))];
      yield* asyncio.sleep(0);
      fut.setResult(7);
      yield* asyncio.gather(...tasks);
      return log;
    });
    expect(log).toEqual(["a got 7", "b got 7"]);
  });

  it("has Python's repr", async () => {
    await loop.run(function* () {
      const l = asyncio.getRunningLoop();
      const fut = l.createFuture<string>();
      expect(String(fut)).toBe("<Future pending>");
      function onDone() {}
      fut.addDoneCallback(onDone);
      expect(String(fut)).toBe("<Future pending cb=[onDone()]>");
      fut.addDoneCallback(onDone);
      fut.addDoneCallback(onDone);
      expect(String(fut)).toBe("<Future pending cb=[onDone(), <1 more>, onDone()]>");
      fut.setResult("x".repeat(100));
      expect(String(fut)).toBe("<Future finished result='xxxxxxxxxxxx...xxxxxxxxxxxxx'>");
      const failed = l.createFuture();
      failed.setException(new asyncio.ValueError("bad"));
      expect(String(failed)).toBe("<Future finished exception=ValueError('bad')>");
      failed.exception();
      const cancelled = l.createFuture();
      cancelled.cancel();
      expect(String(cancelled)).toBe("<Future cancelled>");
      const waited = l.createFuture();
      const task = asyncio.createTask(
        (function* () {
          yield* waited;
        })(),
      );
      yield* asyncio.sleep(0);
      expect(String(waited)).toBe("<Future pending cb=[Task.task_wakeup()]>");
      waited.setResult(undefined);
      yield* task;
    });
  });

  it("attaches to the running loop by default, and getLoop() returns it", async () => {
    await loop.run(function* () {
      const fut = new asyncio.Future();
      expect(fut.getLoop()).toBe(asyncio.getRunningLoop());
      expect(asyncio.isFuture(fut)).toBe(true);
      expect(asyncio.isFuture({ done: () => true })).toBe(false);
    });
  });
});

describe("Future exceptions never retrieved", () => {
  it("are reported when the loop closes, once, unless retrieved", async () => {
    const [, records] = await captureLog(() =>
      virtual.run(function* () {
        const l = asyncio.getRunningLoop();
        const lost = l.createFuture();
        lost.setException(new asyncio.ValueError("nobody looks at me"));
        const seen = l.createFuture();
        seen.setException(new asyncio.ValueError("looked at"));
        seen.exception();
        const awaited = l.createFuture();
        awaited.setException(new asyncio.ValueError("awaited"));
        try {
          yield* awaited;
        } catch {
          // retrieved by awaiting
        }
        const cancelledAfter = l.createFuture();
        cancelledAfter.setException(new asyncio.ValueError("cancel() marks it retrieved"));
        cancelledAfter.cancel();
      }),
    );
    expect(records).toHaveLength(1);
    const lines = records[0]!.split("\n");
    expect(lines[0]).toBe("Future exception was never retrieved");
    expect(lines[1]).toBe("future: <Future finished exception=ValueError('nobody looks at me')>");
    expect(lines[2]).toBe("ValueError: nobody looks at me");
  });
});

describe("Future iteration", () => {
  it("throws RuntimeError if resumed while still pending", () => {
    const fut = new asyncio.Future({ loop: virtual.create() });
    const it = fut[Symbol.iterator]();
    // Not toEqual: it would iterate the future itself.
    const first = it.next();
    expect(first.done).toBe(false);
    expect(first.value).toBe(fut);
    expect(fut._asyncioFutureBlocking).toBe(true);
    expect(() => it.next()).toThrow(new asyncio.RuntimeError("await wasn't used with future"));
  });

  it("returns the result at once when already done, yielding nothing", () => {
    const fut = new asyncio.Future<number>({ loop: virtual.create() });
    fut.setResult(5);
    const result = fut[Symbol.iterator]().next();
    expect([result.done, result.value]).toEqual([true, 5]);
  });
});
