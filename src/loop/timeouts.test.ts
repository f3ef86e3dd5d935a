import { describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";
import { describeEachLoop, virtual } from "./testing/loops.ts";
import { catching } from "./testing/fixtures.ts";

describeEachLoop("timeout", (loop) => {
  it("returns the block's result when the deadline is not reached", async () => {
    await loop.run(function* () {
      let cm: asyncio.Timeout | null = null;
      const result = yield* asyncio.timeout(1, function* (t) {
        cm = t;
        yield* asyncio.sleep(0.001);
        return "in time";
      });
      expect(result).toBe("in time");
      expect(cm!.expired()).toBe(false);
      expect(String(cm)).toBe("<Timeout [finished]>");
    });
  });

  it("turns the deadline's cancellation into TimeoutError, caused by the CancelledError", async () => {
    await loop.run(function* () {
      const log: string[] = [];
      let cm: asyncio.Timeout | null = null;
      const error = yield* catching(
        asyncio.timeout(0.002, function* (t) {
          cm = t;
          try {
            yield* asyncio.sleep(10);
          } catch (e) {
            log.push(`block saw ${(e as Error).name}`);
            throw e;
          }
        }),
      );
      expect(error).toBeInstanceOf(asyncio.TimeoutError);
      expect((error as Error).cause).toBeInstanceOf(asyncio.CancelledError);
      expect(log).toEqual(["block saw CancelledError"]);
      expect(cm!.expired()).toBe(true);
      expect(String(cm)).toBe("<Timeout [expired]>");
      // The cancellation request was taken back: the task is not being cancelled.
      expect(asyncio.currentTask()!.cancelling()).toBe(0);
    });
  });

  it("lets an outside cancellation through unchanged", async () => {
    await loop.run(function* () {
      const task = asyncio.createTask(
        asyncio.timeout(10, function* () {
          yield* asyncio.sleep(5);
        }),
      );
      yield* asyncio.sleep(0);
      task.cancel();
      expect(yield* catching(task)).toBeInstanceOf(asyncio.CancelledError);
      expect(task.cancelled()).toBe(true);
    });
  });

  it("with null, never expires", async () => {
    await loop.run(function* () {
      expect(
        yield* asyncio.timeout(null, function* (t) {
          expect(t.when()).toBeNull();
          yield* asyncio.sleep(0.001);
          return 1;
        }),
      ).toBe(1);
    });
  });

  it("refuses to be used outside a task", async () => {
    await loop.run(function* () {
      const l = asyncio.getRunningLoop();
      const fut = l.createFuture<unknown>();
      l.callSoon(() => {
        try {
          asyncio.timeout(1, function* () {}).next();
        } catch (e) {
          fut.setResult(e);
        }
      });
      expect(yield* fut).toEqual(new asyncio.RuntimeError("Timeout should be used inside a task"));
    });
    expect(() => asyncio.timeout(1, function* () {}).next()).toThrow(new asyncio.RuntimeError("no running event loop"));
  });
});

describe("timeout on virtual time", () => {
  it("expires at exactly its deadline", async () => {
    const at = await virtual.run(function* () {
      yield* catching(
        asyncio.timeout(2.5, function* () {
          yield* asyncio.sleep(60);
        }),
      );
      return asyncio.getRunningLoop().time();
    });
    expect(at).toBe(2.5);
  });

  it("can be rescheduled, to later, to the past, or to never", async () => {
    await virtual.run(function* () {
      const l = asyncio.getRunningLoop();
      // Later: the block finishes in time.
      yield* asyncio.timeout(1, function* (t) {
        expect(t.when()).toBe(l.time() + 1);
        expect(String(t)).toBe(`<Timeout [active] when=${l.time() + 1}>`);
        t.reschedule(l.time() + 5);
        yield* asyncio.sleep(3);
      });
      // To the past: expires on the next iteration.
      const start = l.time();
      expect(
        yield* catching(
          asyncio.timeout(10, function* (t) {
            t.reschedule(l.time() - 1);
            yield* asyncio.sleep(1);
          }),
        ),
      ).toBeInstanceOf(asyncio.TimeoutError);
      expect(l.time()).toBe(start);
      // To never.
      yield* asyncio.timeout(1, function* (t) {
        t.reschedule(null);
        yield* asyncio.sleep(100);
      });
    });
  });

  it("refuses reschedule() outside the block", async () => {
    await virtual.run(function* () {
      const created = new asyncio.Timeout(1);
      expect(() => created.reschedule(2)).toThrow(new asyncio.RuntimeError("Timeout has not been entered"));
      expect(String(created)).toBe("<Timeout [created]>");
      let kept: asyncio.Timeout | null = null;
      yield* asyncio.timeout(1, function* (t) {
        kept = t;
      });
      expect(() => kept!.reschedule(2)).toThrow(new asyncio.RuntimeError("Cannot change state of finished Timeout"));
      expect(yield* catching(kept!.run(function* () {}))).toEqual(
        new asyncio.RuntimeError("Timeout has already been entered"),
      );
    });
  });

  it("nested: the inner deadline raises inside, the outer one outside", async () => {
    const log = await virtual.run(function* () {
      const log: string[] = [];
      yield* asyncio.timeout(10, function* () {
        try {
          yield* asyncio.timeout(1, function* () {
            yield* asyncio.sleep(5);
          });
        } catch (e) {
          log.push(`inner: ${(e as Error).name} at ${asyncio.getRunningLoop().time()}`);
        }
      });
      try {
        yield* asyncio.timeout(1, function* () {
          // The outer deadline fires first: the inner block sees a CancelledError it does not own.
          yield* asyncio.timeout(10, function* () {
            yield* asyncio.sleep(5);
          });
        });
      } catch (e) {
        log.push(`outer: ${(e as Error).name} at ${asyncio.getRunningLoop().time()}`);
      }
      return log;
    });
    expect(log).toEqual(["inner: TimeoutError at 1", "outer: TimeoutError at 2"]);
  });

  it("timeoutAt takes an absolute loop time", async () => {
    const at = await virtual.run(function* () {
      const l = asyncio.getRunningLoop();
      yield* asyncio.sleep(1);
      yield* catching(
        asyncio.timeoutAt(l.time() + 2, function* () {
          yield* asyncio.sleep(60);
        }),
      );
      return l.time();
    });
    expect(at).toBe(3);
  });

  it("expired and cancelled from outside at once: the outside cancellation wins", async () => {
    await virtual.run(function* () {
      const task = asyncio.createTask(
        asyncio.timeout(1, function* () {
          yield* asyncio.sleep(5);
        }),
      );
      const l = asyncio.getRunningLoop();
      l.callLater(1, () => task.cancel()); // same deadline, scheduled after the timeout's timer
      expect(yield* catching(task)).toBeInstanceOf(asyncio.CancelledError);
    });
  });
});
