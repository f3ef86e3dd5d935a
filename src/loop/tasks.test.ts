import { describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";
import type { Coroutine, Future, Task } from "./index.ts";
import { captureLog, describeEachLoop, virtual } from "./testing/loops.ts";
import { catching, expectMembers } from "./testing/fixtures.ts";

describeEachLoop("Task", (loop) => {
  it("schedules its first step with callSoon, behind the callbacks already scheduled", async () => {
    const order = await loop.run(function* () {
      const order: string[] = [];
      const l = asyncio.getRunningLoop();
      l.callSoon(() => order.push("callback before"));
      const task = asyncio.createTask(
        (function* () {
          order.push("task first step");
        })(),
      );
      l.callSoon(() => order.push("callback after"));
      order.push("creator goes on");
      yield* task;
      return order;
    });
    expect(order).toEqual(["creator goes on", "callback before", "task first step", "callback after"]);
  });

  it("interleaves tasks at each sleep(0), in FIFO order", async () => {
    const log = await loop.run(function* () {
      const log: string[] = [];
      function* worker(name: string): Coroutine<void> {
        for (let i = 0; i < 3; i++) {
          log.push(`${name}${i}`);
          yield* asyncio.sleep(0);
        }
      }
      yield* asyncio.gather(worker("a"), worker("b"), worker("c"));
      return log.join(" ");
    });
    expect(log).toBe("a0 b0 c0 a1 b1 c1 a2 b2 c2");
  });

  it("finishes with the coroutine's return value or exception", async () => {
    await loop.run(function* () {
      const ok = asyncio.createTask(
        (function* () {
          yield* asyncio.sleep(0.001);
          return "value";
        })(),
      );
      const error = new asyncio.ValueError("boom");
      const failing = asyncio.createTask(
        (function* (): Coroutine<never> {
          yield* asyncio.sleep(0);
          throw error;
        })(),
      );
      expect(yield* ok).toBe("value");
      expect(yield* catching(failing)).toBe(error);
      expect(failing.exception()).toBe(error);
      expect(() => ok.setResult("no")).toThrow(new asyncio.RuntimeError("Task does not support set_result operation"));
      expect(() => ok.setException(error)).toThrow(asyncio.RuntimeError);
    });
  });

  it("names tasks Task-<n>, consuming a number when asyncio.createTask is given a name", async () => {
    await loop.run(function* () {
      const noop = function* () {};
      const first = asyncio.createTask(noop()).getName();
      const n = Number(first.slice("Task-".length));
      const named = asyncio.createTask(noop(), { name: "fetcher" });
      expect(named.getName()).toBe("fetcher");
      expect(asyncio.createTask(noop()).getName()).toBe(`Task-${n + 2}`);
      // loop.createTask with a name does not consume a number.
      asyncio.getRunningLoop().createTask(noop(), { name: "b" });
      expect(asyncio.createTask(noop()).getName()).toBe(`Task-${n + 3}`);
      named.setName(12);
      expect(named.getName()).toBe("12");
      yield* asyncio.sleep(0);
    });
  });

  describe("cancellation", () => {
    it("throws CancelledError into the coroutine at its current yield*", async () => {
      const log = await loop.run(function* () {
        const log: string[] = [];
        const task = asyncio.createTask(
          (function* () {
            try {
              yield* asyncio.sleep(10);
            } catch (e) {
              log.push(`caught ${(e as Error).name} '${(e as Error).message}'`);
              throw e;
            } finally {
              log.push("finally ran");
            }
          })(),
        );
        yield* asyncio.sleep(0);
        expect(task.cancel("shutting down")).toBe(true);
        expect(task.cancelled()).toBe(false); // not until the coroutine ends
        const error = yield* catching(task);
        expect(error).toBeInstanceOf(asyncio.CancelledError);
        expect((error as Error).message).toBe("shutting down");
        expect(task.cancelled()).toBe(true);
        expect(task.cancel()).toBe(false);
        return log;
      });
      expect(log).toEqual(["caught CancelledError 'shutting down'", "finally ran"]);
    });

    it("cancelled before its first step, the coroutine never runs", async () => {
      await loop.run(function* () {
        let ran = false;
        const task = asyncio.createTask(
          (function* () {
            ran = true;
          })(),
        );
        task.cancel();
        task.cancel();
        expect(task.cancelling()).toBe(2);
        expect(String(task)).toMatch(/^<Task cancelling name='Task-\d+' coro=<coroutine\(\) running>>$/);
        expect(yield* catching(task)).toBeInstanceOf(asyncio.CancelledError);
        expect(ran).toBe(false);
        expect(task.cancelled()).toBe(true);
      });
    });

    it("may be refused: the coroutine catches it and returns", async () => {
      await loop.run(function* () {
        const task = asyncio.createTask(
          (function* () {
            try {
              yield* asyncio.sleep(10);
            } catch (e) {
              if (!(e instanceof asyncio.CancelledError)) throw e;
              return "refused";
            }
            return "not cancelled";
          })(),
        );
        yield* asyncio.sleep(0);
        task.cancel();
        expect(yield* task).toBe("refused");
        expect(task.cancelled()).toBe(false);
        expect(task.cancelling()).toBe(1);
        expect(task.uncancel()).toBe(0);
        expect(task.uncancel()).toBe(0);
      });
    });

    it("cancels the awaited task too, which may swallow it and be cancelled again later", async () => {
      await loop.run(function* () {
        const log: string[] = [];
        const inner = asyncio.createTask(
          (function* () {
            try {
              yield* asyncio.sleep(10);
            } catch (e) {
              log.push("inner cancelled");
              throw e;
            }
          })(),
        );
        const outer = asyncio.createTask(
          (function* () {
            yield* inner;
          })(),
        );
        yield* asyncio.sleep(0);
        outer.cancel();
        expect(yield* catching(outer)).toBeInstanceOf(asyncio.CancelledError);
        expect(inner.cancelled()).toBe(true);
        expect(log).toEqual(["inner cancelled"]);
      });
    });

    it("cancelled right before its coroutine returns, ends cancelled", async () => {
      await loop.run(function* () {
        const fut = asyncio.getRunningLoop().createFuture<number>();
        const task = asyncio.createTask(
          (function* () {
            return yield* fut;
          })(),
        );
        yield* asyncio.sleep(0);
        fut.setResult(1); // schedules the wake-up...
        task.cancel(); // ...and the cancel lands after it: the coroutine is woken with CancelledError
        expect(yield* catching(task)).toBeInstanceOf(asyncio.CancelledError);
      });
    });
  });

  describe("bad input", () => {
    it("throws RuntimeError into a coroutine that yields a non-awaitable, naming the value, as Python does", async () => {
      const messages = await loop.run(function* () {
        const messages: string[] = [];
        for (const value of [42, "text", { a: 1 }, Promise.resolve(1)]) {
          const task = asyncio.createTask(
            (function* (): Coroutine<void> {
              try {
                yield value as never;
              } catch (e) {
                expect(e).toBeInstanceOf(asyncio.RuntimeError);
                messages.push((e as Error).message);
              }
            })(),
          );
          yield* task;
        }
        return messages;
      });
      expect(messages[0]).toBe("Task got bad yield: 42");
      expect(messages[1]).toBe("Task got bad yield: 'text'");
      expect(messages[2]).toBe("Task got bad yield: {'a': 1}");
      expect(messages[3]).toMatch(/^Task got bad yield: <Promise object> \(a Promise is not awaitable/);
    });

    it("explains `yield coro` used instead of `yield* coro`", async () => {
      await loop.run(function* () {
        const task = asyncio.createTask(
          (function* (): Coroutine<void> {
            yield asyncio.sleep(1) as never;
          })(),
        );
        const error = yield* catching(task);
        expect(error).toBeInstanceOf(asyncio.RuntimeError);
        expect((error as Error).message).toMatch(/^yield was used instead of yield\* for generator in task <Task/);
      });
    });

    it("refuses a bare `yield future` and a future of another loop with RuntimeError", async () => {
      await loop.run(function* () {
        const l = asyncio.getRunningLoop();
        const bare = asyncio.createTask(
          (function* (): Coroutine<void> {
            yield l.createFuture();
          })(),
        );
        expect(String(yield* catching(bare))).toMatch(/^RuntimeError: yield was used instead of yield\* in task/);
        const other = new asyncio.VirtualTimeLoop();
        const foreign = asyncio.createTask(
          (function* () {
            yield* other.createFuture();
          })(),
        );
        const error = yield* catching(foreign);
        expect(error).toBeInstanceOf(asyncio.RuntimeError);
        expect((error as Error).message).toMatch(/got Future <Future pending> attached to a different loop$/);
        other.close();
      });
    });

    it("refuses a task awaiting itself", async () => {
      await loop.run(function* () {
        const holder: { task?: Task<void> } = {};
        holder.task = asyncio.createTask(
          (function* () {
            yield* holder.task!;
          })(),
        );
        const error = yield* catching(holder.task);
        expect((error as Error).message).toMatch(/^Task cannot await on itself: <Task/);
      });
    });

    it("refuses a non-coroutine with TypeError naming it", async () => {
      await loop.run(function* () {
        expect(() => asyncio.createTask(42 as never)).toThrow(new TypeError("a coroutine was expected, got 42"));
        const fn = function* () {};
        expect(() => asyncio.createTask(fn as never)).toThrow(/^a coroutine was expected, got <function fn>$/);
      });
    });

    it("needs a running loop for createTask", () => {
      const coro = (function* () {})();
      expect(() => asyncio.createTask(coro)).toThrow(new asyncio.RuntimeError("no running event loop"));
    });
  });

  it("has Python's repr, with the coroutine named once known", async () => {
    await loop.run(function* () {
      const fut = asyncio.getRunningLoop().createFuture();
      function* waiter(): Coroutine<void> {
        yield* fut;
      }
      const task = asyncio.createTask(waiter(), { name: "w" });
      yield* asyncio.sleep(0);
      expect(String(task)).toBe(
        "<Task pending name='w' coro=<coroutine() running> wait_for=<Future pending cb=[Task.task_wakeup()]>>",
      );
      function* fails(): Coroutine<never> {
        throw new asyncio.ValueError("boom");
      }
      const failed = asyncio.createTask(fails(), { name: "f" });
      yield* asyncio.sleep(0);
      // Its own exception's stack names the coroutine.
      expect(String(failed)).toBe("<Task finished name='f' coro=<fails() done> exception=ValueError('boom')>");
      failed.exception();
      fut.setResult(undefined);
      yield* task;
      expect(String(task)).toBe("<Task finished name='w' coro=<coroutine() done> result=None>");
    });
  });

  it("in debug mode, names the coroutine at its first wait, through deep yield* chains", async () => {
    await loop.run(
      function* () {
        function* level(n: number): Coroutine<void> {
          if (n === 0) yield* asyncio.sleep(0.001);
          else yield* level(n - 1);
        }
        function* deepMain(): Coroutine<void> {
          yield* level(12);
        }
        const task = asyncio.createTask(deepMain());
        yield* asyncio.sleep(0);
        expect(String(task)).toMatch(/ coro=<deepMain\(\) running> /);
        yield* task;
      },
      { debug: true },
    );
  });

  it("fails with JavaScript's TypeError, naming the value, on `yield*` of a non-iterable", async () => {
    await loop.run(function* () {
      const task = asyncio.createTask(
        (function* () {
          yield* (42 as unknown as Coroutine);
        })(),
      );
      const error = yield* catching(task);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/42 is not iterable/);
    });
  });

  it("reports currentTask() and allTasks()", async () => {
    await loop.run(function* () {
      const main = asyncio.currentTask()!;
      expect(main).toBeInstanceOf(asyncio.Task);
      let seen: Task<unknown> | null = null;
      const child = asyncio.createTask(
        (function* () {
          seen = asyncio.currentTask();
          yield* asyncio.sleep(0.001);
        })(),
      );
      expectMembers(asyncio.allTasks(), [main, child]);
      yield* child;
      expect(seen).toBe(child);
      expectMembers(asyncio.allTasks(), [main]);
      expect(asyncio.currentTask(asyncio.getRunningLoop())).toBe(main);
    });
    expect(() => asyncio.currentTask()).toThrow(asyncio.RuntimeError);
  });

  it("returns the coroutine from getCoro()", async () => {
    await loop.run(function* () {
      const coro = (function* () {})();
      expect(asyncio.createTask(coro).getCoro()).toBe(coro);
    });
  });

  it("steps a generator through a `next` of its own when it was given one before the task was made", async () => {
    const seen = await loop.run(function* () {
      const coro = (function* () {
        yield* asyncio.sleep(0);
        return "done";
      })();
      const builtIn = coro.next;
      const seen: unknown[] = [];
      coro.next = function (this: typeof coro, ...args: [] | [unknown]) {
        seen.push("next");
        return builtIn.apply(this, args);
      };
      seen.push(yield* asyncio.createTask(coro));
      return seen;
    });
    expect(seen).toEqual(["next", "next", "done"]);
  });

  it("takes any object with next, throw, return and [Symbol.iterator] as a coroutine, and steps it", async () => {
    const result = await loop.run(function* () {
      let steps = 0;
      const coro = {
        next: () => (++steps === 1 ? { done: false as const, value: undefined } : { done: true as const, value: steps }),
        throw: (error: unknown) => {
          throw error;
        },
        return: (value: unknown) => ({ done: true as const, value }),
        [Symbol.iterator]() {
          return this;
        },
      };
      expect(asyncio.isCoroutine(coro)).toBe(true);
      return yield* asyncio.createTask(coro as unknown as Coroutine<number>);
    });
    expect(result).toBe(2);
  });
});

describeEachLoop("sleep", (loop) => {
  it("returns its result after the delay, in deadline order", async () => {
    const { log, deadlines } = await loop.run(function* () {
      const log: string[] = [];
      const deadlines: Array<[number, string]> = [];
      function* sleeper(delay: number, name: string): Coroutine<void> {
        deadlines.push([asyncio.getRunningLoop().time() + delay, name]);
        log.push(`${name} woke with ${yield* asyncio.sleep(delay, name.toUpperCase())}`);
      }
      yield* asyncio.gather(sleeper(0.003, "c"), sleeper(0.001, "a"), sleeper(0.002, "b"));
      return { log, deadlines };
    });
    // Each task reads the clock when its turn comes: on the real clock a late turn moves its
    // deadline, so the order to expect is that of the deadlines the sleeps actually got.
    const byDeadline = deadlines.sort(([a], [b]) => a - b).map(([, name]) => `${name} woke with ${name.toUpperCase()}`);
    expect(log).toEqual(byDeadline);
    if (loop.name === "VirtualTimeLoop") expect(log).toEqual(["a woke with A", "b woke with B", "c woke with C"]);
  });

  it("with a delay <= 0, yields to the loop exactly once, with no timer", async () => {
    await loop.run(function* () {
      const l = asyncio.getRunningLoop();
      const order: string[] = [];
      l.callSoon(() => order.push("ready callback"));
      expect(yield* asyncio.sleep(-1, "r")).toBe("r");
      order.push("after sleep(-1)");
      expect((l as asyncio.BaseEventLoop)._scheduled.size).toBe(0);
      expect(order).toEqual(["ready callback", "after sleep(-1)"]);
    });
  });

  it("drops its timer when cancelled", async () => {
    await loop.run(function* () {
      const l = asyncio.getRunningLoop() as asyncio.BaseEventLoop;
      const task = asyncio.createTask(asyncio.sleep(100));
      yield* asyncio.sleep(0);
      expect(l._scheduled.size).toBe(1);
      const timer = l._scheduled.peek()!;
      task.cancel();
      expect(yield* catching(task)).toBeInstanceOf(asyncio.CancelledError);
      expect(timer.cancelled()).toBe(true);
    });
  });

  it("throws ValueError for NaN and TypeError for a non-number, when awaited", async () => {
    await loop.run(function* () {
      const nan = asyncio.sleep(NaN); // nothing thrown yet, as in Python
      expect(yield* catching(nan)).toEqual(new asyncio.ValueError("Invalid delay: NaN (not a number)"));
      expect(yield* catching(asyncio.sleep("1" as never))).toBeInstanceOf(TypeError);
    });
  });
});

describe("sleep on virtual time", () => {
  it("takes no real time and advances the clock exactly", async () => {
    const started = Date.now();
    const times = await virtual.run(function* () {
      const l = asyncio.getRunningLoop();
      const times = [l.time()];
      yield* asyncio.sleep(3600);
      times.push(l.time());
      yield* asyncio.sleep(0.5);
      times.push(l.time());
      return times;
    });
    expect(times).toEqual([0, 3600, 3600.5]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("ensureFuture", () => {
  it("returns futures as they are, wraps coroutines and awaitables in tasks", async () => {
    await virtual.run(function* () {
      const l = asyncio.getRunningLoop();
      const fut = l.createFuture<number>();
      expect(asyncio.ensureFuture(fut)).toBe(fut);
      const task = asyncio.ensureFuture((function* () {
        return 1;
      })());
      expect(task).toBeInstanceOf(asyncio.Task);
      const awaitable = {
        *[Symbol.iterator](): Generator<Future<unknown> | undefined, string, unknown> {
          yield* asyncio.sleep(0);
          return "custom";
        },
      };
      const wrapped = asyncio.ensureFuture(awaitable);
      expect(wrapped).toBeInstanceOf(asyncio.Task);
      expect(yield* wrapped).toBe("custom");
      expect(yield* task).toBe(1);
      const other = new asyncio.VirtualTimeLoop();
      expect(() => asyncio.ensureFuture(fut, other)).toThrow(asyncio.ValueError);
      other.close();
    });
  });

  it("refuses what is not awaitable, naming it", () => {
    expect(() => asyncio.ensureFuture(42 as never)).toThrow(
      new TypeError("An asyncio.Future, a coroutine or an awaitable is required, got 42"),
    );
    expect(() => asyncio.ensureFuture([1, 2] as never)).toThrow(TypeError);
  });
});

describe("Task exception never retrieved", () => {
  it("is reported when the run ends, with the task's repr and stack", async () => {
    const [, records] = await captureLog(() =>
      virtual.run(function* () {
        function* fails(): Coroutine<never> {
          throw new asyncio.ValueError("nobody looks at me");
        }
        asyncio.createTask(fails());
        yield* asyncio.sleep(0.05);
      }),
    );
    expect(records).toHaveLength(1);
    const lines = records[0]!.split("\n");
    expect(lines[0]).toBe("Task exception was never retrieved");
    expect(lines[1]).toMatch(
      /^future: <Task finished name='Task-\d+' coro=<fails\(\) done> exception=ValueError\('nobody looks at me'\)>$/,
    );
    expect(lines[2]).toBe("ValueError: nobody looks at me");
    expect(lines[3]).toMatch(/^\s+at fails /);
  });

  it("is not reported once retrieved", async () => {
    const [, records] = await captureLog(() =>
      virtual.run(function* () {
        const task = asyncio.createTask(
          (function* (): Coroutine<never> {
            throw new asyncio.ValueError("seen");
          })(),
        );
        yield* asyncio.sleep(0);
        expect(task.exception()).toBeInstanceOf(asyncio.ValueError);
      }),
    );
    expect(records).toEqual([]);
  });
});
