import { describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";
import type { Coroutine, Task } from "./index.ts";
import { describeEachLoop, virtual } from "./testing/loops.ts";
import { catching, value, fail } from "./testing/fixtures.ts";

describeEachLoop("taskGroup", (loop) => {
  it("waits for every task before returning the block's result", async () => {
    await loop.run(function* () {
      const [a, b, result] = yield* asyncio.taskGroup(function* (tg) {
        const a = tg.createTask(value(0.002, "a"));
        const b = tg.createTask(value(0.001, "b"), { name: "bee" });
        expect(b.getName()).toBe("bee");
        expect(String(tg)).toBe("<TaskGroup tasks=2 entered>");
        return [a, b, "block result"] as const;
      });
      expect(a.result()).toBe("a");
      expect(b.result()).toBe("b");
      expect(result).toBe("block result");
    });
  });

  it("cancels the siblings and the block when a task fails, then throws an ExceptionGroup", async () => {
    await loop.run(function* () {
      const log: string[] = [];
      let sibling: Task<string> | null = null;
      const error = yield* catching(
        asyncio.taskGroup(function* (tg) {
          sibling = tg.createTask(value(10, "sibling"));
          tg.createTask(fail(0.001, "child failed"));
          try {
            yield* asyncio.sleep(10);
          } catch (e) {
            log.push(`block got ${(e as Error).name}`);
            throw e;
          }
        }),
      );
      expect(error).toBeInstanceOf(asyncio.ExceptionGroup);
      const group = error as asyncio.ExceptionGroup;
      expect(group.message).toBe("unhandled errors in a TaskGroup");
      expect(String(group)).toBe("ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)");
      expect(group.exceptions).toEqual([new asyncio.ValueError("child failed")]);
      expect(log).toEqual(["block got CancelledError"]);
      expect(sibling!.cancelled()).toBe(true);
      // The group took back its cancellation of the parent.
      expect(asyncio.currentTask()!.cancelling()).toBe(0);
    });
  });

  it("collects every failure, and the block's own error last", async () => {
    await loop.run(function* () {
      const error = (yield* catching(
        asyncio.taskGroup(function* (tg) {
          tg.createTask(fail(0, "first"));
          tg.createTask(fail(0, "second"));
          yield* asyncio.sleep(0);
        }),
      )) as asyncio.ExceptionGroup;
      expect(error.exceptions.map((e) => (e as Error).message)).toEqual(["first", "second"]);

      const withBody = (yield* catching(
        asyncio.taskGroup(function* (tg): Coroutine<void> {
          tg.createTask(value(10, "cancelled by the body's failure"));
          throw new asyncio.ValueError("body failed");
        }),
      )) as asyncio.ExceptionGroup;
      expect(withBody.exceptions).toEqual([new asyncio.ValueError("body failed")]);
    });
  });

  it("ignores cancelled tasks: they are not failures", async () => {
    const cancelled = await loop.run(function* () {
      let t: Task<string> | null = null;
      yield* asyncio.taskGroup(function* (tg) {
        t = tg.createTask(value(10, "x"));
        yield* asyncio.sleep(0);
        t.cancel();
      });
      return t!.cancelled(); // the group ended normally: no ExceptionGroup, no CancelledError
    });
    expect(cancelled).toBe(true);
  });

  it("when the parent is cancelled from outside, cancels the tasks and lets CancelledError through", async () => {
    await loop.run(function* () {
      let child: Task<string> | null = null;
      const parent = asyncio.createTask(
        asyncio.taskGroup(function* (tg) {
          child = tg.createTask(value(10, "child"));
          yield* asyncio.sleep(10);
        }),
      );
      yield* asyncio.sleep(0);
      parent.cancel();
      expect(yield* catching(parent)).toBeInstanceOf(asyncio.CancelledError);
      expect(child!.cancelled()).toBe(true);
    });
  });

  it("when the parent is cancelled while the group waits for its tasks, cancels them", async () => {
    await loop.run(function* () {
      let child: Task<string> | null = null;
      const parent = asyncio.createTask(
        asyncio.taskGroup(function* (tg) {
          child = tg.createTask(value(10, "child"));
        }),
      );
      yield* asyncio.sleep(0); // the block is done; the group waits for the child
      parent.cancel();
      expect(yield* catching(parent)).toBeInstanceOf(asyncio.CancelledError);
      expect(child!.cancelled()).toBe(true);
    });
  });

  it("refuses new tasks once finished or shutting down", async () => {
    await loop.run(function* () {
      let kept: asyncio.TaskGroup | null = null;
      yield* asyncio.taskGroup(function* (tg) {
        kept = tg;
      });
      const coro = value(0, 1);
      expect(() => kept!.createTask(coro)).toThrow(
        new asyncio.RuntimeError("TaskGroup <TaskGroup entered> is finished"),
      );
      const error = yield* catching(
        asyncio.taskGroup(function* (tg) {
          tg.createTask(fail(0, "x"));
          try {
            yield* asyncio.sleep(1);
          } catch (e) {
            expect(() => tg.createTask(value(0, 1))).toThrow(/is shutting down$/);
            throw e;
          }
        }),
      );
      expect(error).toBeInstanceOf(asyncio.ExceptionGroup);
      expect(() => new asyncio.TaskGroup().createTask(value(0, 1))).toThrow(/has not been entered$/);
    });
  });

  it("nests: an inner group's failure reaches the outer block as an ExceptionGroup", async () => {
    await loop.run(function* () {
      const error = (yield* catching(
        asyncio.taskGroup(function* (outer) {
          outer.createTask(value(10, "outer sibling"));
          yield* asyncio.taskGroup(function* (inner) {
            inner.createTask(fail(0, "deep"));
          });
        }),
      )) as asyncio.ExceptionGroup;
      expect(error.exceptions).toHaveLength(1);
      const inner = error.exceptions[0] as asyncio.ExceptionGroup;
      expect(inner).toBeInstanceOf(asyncio.ExceptionGroup);
      expect(inner.exceptions).toEqual([new asyncio.ValueError("deep")]);
      const [deep] = error.split(asyncio.ValueError);
      expect(deep!.exceptions[0]).toBeInstanceOf(asyncio.ExceptionGroup);
    });
  });
});

describe("taskGroup outside a task", () => {
  it("refuses to run", async () => {
    await virtual.run(function* () {
      const l = asyncio.getRunningLoop();
      const fut = l.createFuture<unknown>();
      l.callSoon(() => {
        try {
          asyncio.taskGroup(function* () {}).next();
        } catch (e) {
          fut.setResult(e);
        }
      });
      expect(String(yield* fut)).toBe("RuntimeError: TaskGroup <TaskGroup> cannot determine the parent task");
    });
  });
});
