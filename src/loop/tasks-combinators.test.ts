/** gather, wait, waitFor, shield and asCompleted (the second half of CPython's tasks.py). */
import { describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";
import { describeEachLoop, virtual } from "./testing/loops.ts";
import { catching, value, fail, expectMembers } from "./testing/fixtures.ts";

/** A task that waits until it is cancelled: on the real clock too, it cannot finish first. */
function* untilCancelled(): asyncio.Coroutine<never> {
  return yield* asyncio.getRunningLoop().createFuture<never>();
}

describeEachLoop("gather", (loop) => {
  it("returns results in argument order, not completion order", async () => {
    const results = await loop.run(function* () {
      const fut = asyncio.getRunningLoop().createFuture<string>();
      fut.setResult("already done");
      return yield* asyncio.gather(value(0.003, "slow"), value(0.001, "fast"), fut);
    });
    expect(results).toEqual(["slow", "fast", "already done"]);
  });

  it("fails at once with the first error; the other children go on", async () => {
    await loop.run(function* () {
      const slow = asyncio.createTask(value(0.2, "slow"));
      const error = yield* catching(asyncio.gather(slow, fail(0.01, "bad")));
      expect(error).toEqual(new asyncio.ValueError("bad"));
      expect(slow.done()).toBe(false);
      expect(yield* slow).toBe("slow");
    });
  });

  it("with returnExceptions, puts errors (and CancelledError) in the list", async () => {
    const results = await loop.run(function* () {
      const cancelled = asyncio.createTask(value(1, "never"));
      cancelled.cancel("gone");
      return yield* asyncio.gather(value(0, 1), fail(0, "bad"), cancelled, { returnExceptions: true });
    });
    expect(results[0]).toBe(1);
    expect(results[1]).toEqual(new asyncio.ValueError("bad"));
    // The message is lost when the task is cancelled before its first step (so in Python).
    expect(results[2]).toEqual(new asyncio.CancelledError(""));
  });

  it("treats a child cancelled on its own as a failure, without cancelling the others", async () => {
    await loop.run(function* () {
      const victim = asyncio.createTask(value(1, "never"));
      const other = asyncio.createTask(value(0.002, "other"));
      const gathered = asyncio.gather(victim, other);
      yield* asyncio.sleep(0);
      victim.cancel();
      expect(yield* catching(gathered)).toBeInstanceOf(asyncio.CancelledError);
      expect(gathered.cancelled()).toBe(false);
      expect(yield* other).toBe("other");
    });
  });

  it("cancelled, cancels its children and fails with CancelledError, even with returnExceptions", async () => {
    await loop.run(function* () {
      const a = asyncio.createTask(value(1, "a"));
      const b = asyncio.createTask(value(2, "b"));
      const gathered = asyncio.gather(a, b, { returnExceptions: true });
      yield* asyncio.sleep(0);
      expect(gathered.cancel("enough")).toBe(true);
      const error = yield* catching(gathered);
      expect(error).toEqual(new asyncio.CancelledError("enough"));
      expect(a.cancelled() && b.cancelled()).toBe(true);
      // As in Python: finished with the CancelledError as its exception, not cancelled.
      expect(gathered.cancelled()).toBe(false);
      expect(gathered.cancel()).toBe(false);
      expect(String(gathered)).toBe("<_GatheringFuture finished exception=CancelledError('enough')>");
    });
  });

  it("is cancelled when the task awaiting it is", async () => {
    await loop.run(function* () {
      const child = asyncio.createTask(value(1, "child"));
      const parent = asyncio.createTask(
        (function* () {
          return yield* asyncio.gather(child);
        })(),
      );
      yield* asyncio.sleep(0);
      parent.cancel();
      expect(yield* catching(parent)).toBeInstanceOf(asyncio.CancelledError);
      expect(child.cancelled()).toBe(true);
    });
  });

  it("with no awaitables, is a future already done with []", async () => {
    await loop.run(function* () {
      const gathered = asyncio.gather();
      expect(gathered.done()).toBe(true);
      expect(yield* gathered).toEqual([]);
    });
  });

  it("awaits a repeated awaitable once", async () => {
    await loop.run(function* () {
      const task = asyncio.createTask(value(0, "x"));
      expect(yield* asyncio.gather(task, task)).toEqual(["x", "x"]);
    });
  });

  it("refuses a non-awaitable with TypeError", () => {
    expect(() => asyncio.gather(42 as never)).toThrow(TypeError);
  });
});

describeEachLoop("wait", (loop) => {
  it("returns [done, pending] when the first one completes", async () => {
    await loop.run(function* () {
      const fast = asyncio.createTask(value(0.001, "fast"));
      const slow = asyncio.createTask(untilCancelled());
      const [done, pending] = yield* asyncio.wait([fast, slow], { returnWhen: asyncio.FIRST_COMPLETED });
      expectMembers(done, [fast]);
      expectMembers(pending, [slow]);
      expect(slow.cancelled()).toBe(false);
      slow.cancel();
    });
  });

  it("returns at the first exception with FIRST_EXCEPTION", async () => {
    await loop.run(function* () {
      const failing = asyncio.createTask(fail(0.001, "bad"));
      const slow = asyncio.createTask(untilCancelled());
      const [done, pending] = yield* asyncio.wait([failing, slow], { returnWhen: asyncio.FIRST_EXCEPTION });
      expectMembers(done, [failing]);
      expectMembers(pending, [slow]);
      expect(failing.exception()).toEqual(new asyncio.ValueError("bad"));
      slow.cancel();
    });
  });

  it("waits for all by default, and returns pending ones at the timeout without raising", async () => {
    await loop.run(function* () {
      const a = asyncio.createTask(value(0.001, "a"));
      const b = asyncio.createTask(value(0.002, "b"));
      const [done] = yield* asyncio.wait([a, b]);
      expectMembers(done, [a, b]);
      const slow = asyncio.createTask(value(10, "slow"));
      const [done2, pending2] = yield* asyncio.wait([slow], { timeout: 0.002 });
      expect(done2.size).toBe(0);
      expectMembers(pending2, [slow]);
      slow.cancel();
    });
  });

  it("refuses bad arguments like Python", async () => {
    await loop.run(function* () {
      const coro = value(0, 1);
      expect(yield* catching(asyncio.wait([]))).toEqual(new asyncio.ValueError("Set of Tasks/Futures is empty."));
      expect(yield* catching(asyncio.wait([coro as never]))).toEqual(
        new TypeError("Passing coroutines is forbidden, use tasks explicitly."),
      );
      const task = asyncio.createTask(value(0, 1));
      expect(yield* catching(asyncio.wait(task as never))).toBeInstanceOf(TypeError);
      expect(yield* catching(asyncio.wait([task], { returnWhen: "SOON" as never }))).toEqual(
        new asyncio.ValueError("Invalid return_when value: SOON"),
      );
      yield* task;
    });
  });
});

describeEachLoop("waitFor", (loop) => {
  it("returns the result when in time", async () => {
    expect(await loop.run(() => asyncio.waitFor(value(0.001, "ok"), 1))).toBe("ok");
    expect(await loop.run(() => asyncio.waitFor(value(0.001, "ok"), null))).toBe("ok");
  });

  it("cancels the awaitable and throws TimeoutError (caused by CancelledError) when late", async () => {
    await loop.run(function* () {
      const task = asyncio.createTask(value(10, "late"));
      const error = yield* catching(asyncio.waitFor(task, 0.001));
      expect(error).toBeInstanceOf(asyncio.TimeoutError);
      expect((error as Error).cause).toBeInstanceOf(asyncio.CancelledError);
      expect(task.cancelled()).toBe(true);
    });
  });

  it("with timeout <= 0, does not start a coroutine", async () => {
    await loop.run(function* () {
      let started = false;
      const coro = (function* () {
        started = true;
      })();
      expect(yield* catching(asyncio.waitFor(coro, 0))).toBeInstanceOf(asyncio.TimeoutError);
      expect(started).toBe(false);
      const done = asyncio.getRunningLoop().createFuture<number>();
      done.setResult(3);
      expect(yield* asyncio.waitFor(done, 0)).toBe(3);
    });
  });

  it("lets an outside cancellation through, cancelling the awaited task", async () => {
    await loop.run(function* () {
      const inner = asyncio.createTask(value(10, "inner"));
      const outer = asyncio.createTask(asyncio.waitFor(inner, 5));
      yield* asyncio.sleep(0);
      outer.cancel();
      expect(yield* catching(outer)).toBeInstanceOf(asyncio.CancelledError);
      expect(inner.cancelled()).toBe(true);
    });
  });

  it("names a non-awaitable in its TypeError", async () => {
    await loop.run(function* () {
      expect(yield* catching(asyncio.waitFor(42 as never, 1))).toEqual(
        new TypeError("An asyncio.Future, a coroutine or an awaitable is required, got 42"),
      );
    });
  });
});

describeEachLoop("shield", (loop) => {
  it("keeps the inner task running when the awaiting task is cancelled", async () => {
    await loop.run(function* () {
      const inner = asyncio.createTask(value(0.002, "saved"));
      const outer = asyncio.createTask(
        (function* () {
          return yield* asyncio.shield(inner);
        })(),
      );
      yield* asyncio.sleep(0);
      outer.cancel();
      expect(yield* catching(outer)).toBeInstanceOf(asyncio.CancelledError);
      expect(inner.cancelled()).toBe(false);
      expect(yield* inner).toBe("saved");
    });
  });

  it("is cancelled if the inner task is, and passes results and errors through", async () => {
    await loop.run(function* () {
      const inner = asyncio.createTask(value(1, "x"));
      const shielded = asyncio.shield(inner);
      inner.cancel();
      expect(yield* catching(shielded)).toBeInstanceOf(asyncio.CancelledError);
      expect(shielded.cancelled()).toBe(true);
      expect(yield* asyncio.shield(value(0, "through"))).toBe("through");
      expect(yield* catching(asyncio.shield(fail(0, "err")))).toEqual(new asyncio.ValueError("err"));
      const done = asyncio.getRunningLoop().createFuture<number>();
      done.setResult(1);
      expect(asyncio.shield(done)).toBe(done);
    });
  });
});

describeEachLoop("asCompleted", (loop) => {
  it("refuses a single future or coroutine", () => {
    expect(() => asyncio.asCompleted(value(0, 1) as never)).toThrow(TypeError);
  });
});

// Orders on a millisecond scale: on the real clock a late turn moves a deadline (and a late
// loop finds two deadlines due in one iteration, where the timeout runs before the fast task's
// last step, as in CPython), so only virtual time makes the order sure.
describe("asCompleted's order and timeout", () => {
  it("yields results in completion order", async () => {
    const order = await virtual.run(function* () {
      const order: string[] = [];
      for (const next of asyncio.asCompleted([value(0.003, "c"), value(0.001, "a"), value(0.002, "b")])) {
        order.push(yield* next);
      }
      return order;
    });
    expect(order).toEqual(["a", "b", "c"]);
  });

  it("throws TimeoutError for the items left when the timeout expires", async () => {
    const log = await virtual.run(function* () {
      const log: string[] = [];
      const slow = asyncio.createTask(value(10, "slow"));
      for (const next of asyncio.asCompleted([value(0.001, "fast"), slow], { timeout: 0.003 })) {
        try {
          log.push(yield* next);
        } catch (e) {
          log.push((e as Error).name);
        }
      }
      slow.cancel();
      return log;
    });
    expect(log).toEqual(["fast", "TimeoutError"]);
  });
});

describe("combinators on virtual time", () => {
  it("time out at exactly the deadline", async () => {
    const at = await virtual.run(function* () {
      try {
        yield* asyncio.waitFor(asyncio.sleep(60), 2.5);
      } catch (e) {
        if (!(e instanceof asyncio.TimeoutError)) throw e;
      }
      return asyncio.getRunningLoop().time();
    });
    expect(at).toBe(2.5);
  });
});
