import { describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";
import type { Coroutine } from "./index.ts";
import { virtual } from "./testing/loops.ts";

/** Run `main` on virtual time; a deadlock fails at once with TimeoutError instead of hanging the suite. */
function run<T>(main: () => Coroutine<T>): Promise<T> {
  return virtual.run(() => asyncio.timeout(1000, main));
}

/** Drive a coroutine one step outside any loop: done on the first step means it never yielded. */
function firstStep<T>(coro: Coroutine<T>): IteratorResult<unknown, T> {
  return coro.next();
}

describe("Lock", () => {
  it("starts unlocked, and acquires a free lock without yielding", () => {
    const lock = new asyncio.Lock();
    expect(lock.locked()).toBe(false);
    expect(String(lock)).toBe("<Lock [unlocked]>");
    expect(firstStep(lock.acquire())).toEqual({ done: true, value: true });
    expect(lock.locked()).toBe(true);
    lock.release();
    expect(lock.locked()).toBe(false);
  });

  it("throws RuntimeError when released unlocked", () => {
    const lock = new asyncio.Lock();
    expect(() => lock.release()).toThrow(asyncio.RuntimeError);
    expect(() => lock.release()).toThrow("Lock is not acquired.");
  });

  it("serves waiters in the order they started waiting", async () => {
    const log = await run(function* () {
      const lock = new asyncio.Lock();
      const log: string[] = [];
      function* worker(name: string): Coroutine<void> {
        yield* lock.acquire();
        log.push(name);
        yield* asyncio.sleep(0.01);
        lock.release();
      }
      yield* lock.acquire();
      const tasks = ["a", "b", "c"].map((name) => asyncio.createTask(worker(name)));
      yield* asyncio.sleep(0);
      expect(String(lock)).toBe("<Lock [locked, waiters:3]>");
      lock.release();
      yield* asyncio.gather(...tasks);
      return log;
    });
    expect(log).toEqual(["a", "b", "c"]);
  });

  it("does not let the releasing task barge ahead of a waiter", async () => {
    const log = await run(function* () {
      const lock = new asyncio.Lock();
      const log: string[] = [];
      yield* lock.acquire();
      const waiter = asyncio.createTask(
        (function* () {
          yield* lock.acquire();
          log.push("waiter");
          lock.release();
        })(),
      );
      yield* asyncio.sleep(0);
      lock.release();
      // Free, but promised to the waiter: a new acquire must queue behind it.
      expect(lock.locked()).toBe(false);
      yield* lock.acquire();
      log.push("main");
      lock.release();
      yield* waiter;
      return log;
    });
    expect(log).toEqual(["waiter", "main"]);
  });

  it("drops a waiter cancelled while waiting", async () => {
    await run(function* () {
      const lock = new asyncio.Lock();
      yield* lock.acquire();
      const waiter = asyncio.createTask(lock.acquire());
      yield* asyncio.sleep(0);
      expect(String(lock)).toBe("<Lock [locked, waiters:1]>");
      waiter.cancel();
      yield* asyncio.sleep(0);
      expect(waiter.cancelled()).toBe(true);
      expect(String(lock)).toBe("<Lock [locked]>");
      lock.release();
      expect(lock.locked()).toBe(false);
    });
  });

  it("passes the hand-off on when the woken waiter is cancelled before it runs", async () => {
    const log = await run(function* () {
      const lock = new asyncio.Lock();
      const log: string[] = [];
      function* take(name: string): Coroutine<void> {
        yield* lock.acquire();
        log.push(name);
        lock.release();
      }
      yield* lock.acquire();
      const b = asyncio.createTask(take("b"));
      const c = asyncio.createTask(take("c"));
      yield* asyncio.sleep(0);
      lock.release(); // wakes b
      b.cancel(); // ...which is cancelled before it can take the lock
      yield* asyncio.gather(b, c, { returnExceptions: true });
      expect(b.cancelled()).toBe(true);
      expect(lock.locked()).toBe(false);
      return log;
    });
    expect(log).toEqual(["c"]);
  });

  it("lets a newcomer take a free lock when every waiter is cancelled", async () => {
    await run(function* () {
      const lock = new asyncio.Lock();
      yield* lock.acquire();
      const waiter = asyncio.createTask(lock.acquire());
      yield* asyncio.sleep(0);
      waiter.cancel(); // cancelled, but not yet run
      lock.release();
      expect(firstStep(lock.acquire())).toEqual({ done: true, value: true });
      yield* asyncio.gather(waiter, { returnExceptions: true });
      expect(waiter.cancelled()).toBe(true);
      lock.release();
    });
  });

  it("refuses to be used from a second loop once bound", async () => {
    const lock = new asyncio.Lock();
    function* contend(): Coroutine<void> {
      yield* lock.acquire();
      const waiter = asyncio.createTask(lock.acquire());
      yield* asyncio.sleep(0);
      lock.release();
      yield* waiter;
      lock.release();
    }
    await run(contend);
    await expect(run(contend)).rejects.toThrow("<Lock [locked]> is bound to a different event loop");
  });
});

describe("asyncWith", () => {
  it("holds the lock for the body and returns its result", async () => {
    const result = await run(function* () {
      const lock = new asyncio.Lock();
      const value = yield* asyncio.asyncWith(lock, function* () {
        expect(lock.locked()).toBe(true);
        yield* asyncio.sleep(0);
        return 42;
      });
      expect(lock.locked()).toBe(false);
      return value;
    });
    expect(result).toBe(42);
  });

  it("releases when the body throws", async () => {
    await run(function* () {
      const sem = new asyncio.Semaphore(1);
      let thrown: unknown;
      try {
        yield* asyncio.asyncWith(sem, function* () {
          expect(sem.locked()).toBe(true);
          throw new Error("boom");
        });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect(sem.locked()).toBe(false);
    });
  });

  it("releases when the task is cancelled in the body, and never runs the body if cancelled while acquiring", async () => {
    await run(function* () {
      const lock = new asyncio.Lock();
      const log: string[] = [];
      function* body(name: string): Coroutine<void> {
        yield* asyncio.asyncWith(lock, function* () {
          log.push(`${name} in`);
          yield* asyncio.sleep(10);
          log.push(`${name} done`);
        });
      }
      const holder = asyncio.createTask(body("holder"));
      const queued = asyncio.createTask(body("queued"));
      yield* asyncio.sleep(1);
      queued.cancel();
      holder.cancel();
      yield* asyncio.gather(holder, queued, { returnExceptions: true });
      expect(log).toEqual(["holder in"]);
      expect(lock.locked()).toBe(false);
    });
  });
});

describe("Event", () => {
  it("wakes every waiter on set(), in order, and stays set", async () => {
    const log = await run(function* () {
      const event = new asyncio.Event();
      const log: string[] = [];
      function* waiter(name: string): Coroutine<void> {
        const value = yield* event.wait();
        log.push(`${name} ${value}`);
      }
      const tasks = ["a", "b", "c"].map((name) => asyncio.createTask(waiter(name)));
      yield* asyncio.sleep(0);
      expect(String(event)).toBe("<Event [unset, waiters:3]>");
      expect(event.isSet()).toBe(false);
      event.set();
      event.set(); // idempotent
      expect(event.isSet()).toBe(true);
      yield* asyncio.gather(...tasks);
      expect(String(event)).toBe("<Event [set]>");
      expect(firstStep(event.wait())).toEqual({ done: true, value: true });
      return log;
    });
    expect(log).toEqual(["a true", "b true", "c true"]);
  });

  it("still wakes a waiter when clear() follows set() before it runs", async () => {
    await run(function* () {
      const event = new asyncio.Event();
      const waiter = asyncio.createTask(event.wait());
      yield* asyncio.sleep(0);
      event.set();
      event.clear();
      expect(yield* waiter).toBe(true);
      expect(event.isSet()).toBe(false);
      // Cleared: a new waiter blocks until the next set().
      const late = asyncio.createTask(event.wait());
      yield* asyncio.sleep(1);
      expect(late.done()).toBe(false);
      event.set();
      expect(yield* late).toBe(true);
    });
  });

  it("forgets a waiter that is cancelled", async () => {
    await run(function* () {
      const event = new asyncio.Event();
      const waiter = asyncio.createTask(event.wait());
      yield* asyncio.sleep(0);
      waiter.cancel();
      yield* asyncio.sleep(0);
      expect(waiter.cancelled()).toBe(true);
      expect(String(event)).toBe("<Event [unset]>");
    });
  });
});

describe("Condition", () => {
  it("refuses wait() and notify() without the lock", async () => {
    await run(function* () {
      const cond = new asyncio.Condition();
      let thrown: unknown;
      try {
        yield* cond.wait();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(asyncio.RuntimeError);
      expect((thrown as Error).message).toBe("cannot wait on un-acquired lock");
      expect(() => cond.notify()).toThrow("cannot notify on un-acquired lock");
      expect(() => cond.notifyAll()).toThrow("cannot notify on un-acquired lock");
    });
  });

  it("notifies waiters first come, first served, n at a time", async () => {
    const log = await run(function* () {
      const cond = new asyncio.Condition();
      const log: string[] = [];
      function* waiter(name: string): Coroutine<void> {
        yield* asyncio.asyncWith(cond, function* () {
          const value = yield* cond.wait();
          expect(cond.locked()).toBe(true);
          log.push(`${name} ${value}`);
        });
      }
      const tasks = ["a", "b", "c", "d"].map((name) => asyncio.createTask(waiter(name)));
      yield* asyncio.sleep(0);
      expect(String(cond)).toBe("<Condition [unlocked, waiters:4]>");
      yield* asyncio.asyncWith(cond, function* () {
        cond.notify(2);
      });
      yield* asyncio.sleep(0.1);
      log.push("--");
      yield* asyncio.asyncWith(cond, function* () {
        cond.notify();
      });
      yield* asyncio.sleep(0.1);
      log.push("--");
      yield* asyncio.asyncWith(cond, function* () {
        cond.notifyAll();
      });
      yield* asyncio.gather(...tasks);
      return log;
    });
    expect(log).toEqual(["a true", "b true", "--", "c true", "--", "d true"]);
  });

  it("waitFor() re-checks the predicate and returns its value", async () => {
    await run(function* () {
      const cond = new asyncio.Condition(new asyncio.Lock());
      let items: string[] = [];
      let checks = 0;
      const consumer = asyncio.createTask(
        asyncio.asyncWith(cond, function* () {
          return yield* cond.waitFor(() => {
            checks++;
            return items.length >= 2 && items;
          });
        }),
      );
      for (const item of ["x", "y"]) {
        yield* asyncio.sleep(0.1);
        yield* asyncio.asyncWith(cond, function* () {
          items = [...items, item];
          cond.notify();
        });
      }
      expect(yield* consumer).toEqual(["x", "y"]);
      expect(checks).toBe(3);
    });
  });

  it("re-acquires the lock before a cancelled wait() throws", async () => {
    await run(function* () {
      const cond = new asyncio.Condition();
      let heldInFinally: boolean | undefined;
      const waiter = asyncio.createTask(
        asyncio.asyncWith(cond, function* () {
          try {
            yield* cond.wait();
          } finally {
            heldInFinally = cond.locked();
          }
        }),
      );
      yield* asyncio.sleep(1);
      yield* cond.acquire();
      cond.notify();
      yield* asyncio.sleep(0); // the waiter now waits to re-acquire
      waiter.cancel();
      yield* asyncio.sleep(0);
      expect(waiter.done()).toBe(false); // it cannot finish without the lock
      cond.release();
      yield* asyncio.gather(waiter, { returnExceptions: true });
      expect(waiter.cancelled()).toBe(true);
      expect(heldInFinally).toBe(true);
      expect(cond.locked()).toBe(false);
    });
  });

  it("passes on a notification that raced with a cancellation", async () => {
    await run(function* () {
      const cond = new asyncio.Condition();
      let state = 0;
      function* consumer(): Coroutine<void> {
        yield* asyncio.asyncWith(cond, function* () {
          for (;;) {
            yield* cond.waitFor(() => state !== 0);
            if (state < 0) return;
            state--;
          }
        });
      }
      const consumers = [asyncio.createTask(consumer()), asyncio.createTask(consumer())];
      yield* asyncio.sleep(0);
      yield* asyncio.asyncWith(cond, function* () {
        state++;
        cond.notify(1);
        consumers[0]!.cancel(); // cancelled while its wake-up is pending
        try {
          yield* asyncio.timeout(0.01, function* () {
            yield* cond.waitFor(() => state === 0);
          });
        } catch (error) {
          if (!(error instanceof asyncio.TimeoutError)) throw error;
        }
        expect(state).toBe(0); // the other consumer got the item
        state = -1;
        cond.notifyAll();
      });
      yield* consumers[1]!;
      expect(consumers[0]!.cancelled()).toBe(true);
    });
  });
});

describe("Semaphore", () => {
  it("rejects a negative initial value", () => {
    expect(() => new asyncio.Semaphore(-1)).toThrow("Semaphore initial value must be >= 0");
    expect(() => new asyncio.Semaphore(-1)).toThrow(asyncio.ValueError);
  });

  it("counts slots down without yielding, then blocks", async () => {
    await run(function* () {
      const sem = new asyncio.Semaphore(2);
      expect(String(sem)).toBe("<Semaphore [unlocked, value:2]>");
      expect(firstStep(sem.acquire())).toEqual({ done: true, value: true });
      expect(firstStep(sem.acquire())).toEqual({ done: true, value: true });
      expect(sem.locked()).toBe(true);
      const waiter = asyncio.createTask(sem.acquire());
      yield* asyncio.sleep(0);
      expect(String(sem)).toBe("<Semaphore [locked, waiters:1]>");
      sem.release();
      expect(yield* waiter).toBe(true);
      sem.release();
      sem.release();
      expect(String(sem)).toBe("<Semaphore [unlocked, value:2]>");
    });
  });

  it("serves waiters FIFO, a re-acquiring task queuing behind the others", async () => {
    const log = await run(function* () {
      const sem = new asyncio.Semaphore(1);
      const log: string[] = [];
      function* worker(tag: string): Coroutine<void> {
        for (const round of [1, 2]) {
          yield* sem.acquire();
          log.push(`${tag}_${round}`);
          yield* asyncio.sleep(0.01);
          sem.release();
        }
      }
      yield* asyncio.gather(worker("c1"), worker("c2"), worker("c3"));
      return log;
    });
    expect(log).toEqual(["c1_1", "c2_1", "c3_1", "c1_2", "c2_2", "c3_2"]);
  });

  it("keeps FIFO order when a woken task releases and re-acquires", async () => {
    const log = await run(function* () {
      const sem = new asyncio.Semaphore(1);
      const log: number[] = [];
      const t1 = asyncio.createTask(
        (function* () {
          yield* sem.acquire();
          log.push(1);
        })(),
      );
      const t2 = asyncio.createTask(
        (function* () {
          yield* sem.acquire();
          log.push(2);
          sem.release();
          yield* sem.acquire();
          log.push(4);
        })(),
      );
      const t3 = asyncio.createTask(
        (function* () {
          yield* sem.acquire();
          log.push(3);
        })(),
      );
      yield* asyncio.sleep(0);
      sem.release();
      sem.release();
      yield* asyncio.gather(t1, t2, t3);
      return log;
    });
    expect(log).toEqual([1, 2, 3, 4]);
  });

  it("skips a waiter cancelled before the release reaches it", async () => {
    const log = await run(function* () {
      const sem = new asyncio.Semaphore(0);
      const log: number[] = [];
      function* take(n: number): Coroutine<void> {
        yield* sem.acquire();
        log.push(n);
      }
      const tasks = [1, 2, 3].map((n) => asyncio.createTask(take(n)));
      yield* asyncio.sleep(0);
      tasks[0]!.cancel();
      sem.release();
      sem.release();
      yield* asyncio.gather(...tasks, { returnExceptions: true });
      expect(tasks[0]!.cancelled()).toBe(true);
      expect(sem.locked()).toBe(true); // both slots are taken by 2 and 3
      return log;
    });
    expect(log).toEqual([2, 3]);
  });

  it("conserves the count when a task is cancelled after being handed a slot", async () => {
    await run(function* () {
      const sem = new asyncio.Semaphore(0);
      const waiter = asyncio.createTask(sem.acquire());
      yield* asyncio.sleep(0);
      sem.release(); // handed to the waiter...
      waiter.cancel(); // ...which never gets to use it
      yield* asyncio.gather(waiter, { returnExceptions: true });
      expect(waiter.cancelled()).toBe(true);
      expect(String(sem)).toBe("<Semaphore [unlocked, value:1]>");
    });
  });
});

describe("BoundedSemaphore", () => {
  it("refuses a release above its initial value", async () => {
    const sem = new asyncio.BoundedSemaphore(2);
    expect(() => sem.release()).toThrow(asyncio.ValueError);
    expect(() => sem.release()).toThrow("BoundedSemaphore released too many times");
    expect(firstStep(sem.acquire()).done).toBe(true);
    sem.release();
    expect(String(sem)).toBe("<BoundedSemaphore [unlocked, value:2]>");
  });
});

describe("Barrier", () => {
  it("rejects fewer than one party", () => {
    expect(() => new asyncio.Barrier(0)).toThrow(new asyncio.ValueError("parties must be > 0"));
    expect(() => new asyncio.Barrier(0)).toThrow(asyncio.ValueError);
  });

  it("releases all parties together with distinct indices, and can be reused", async () => {
    const log = await run(function* () {
      const barrier = new asyncio.Barrier(3);
      const log: string[] = [];
      function* party(name: string, delay: number): Coroutine<void> {
        for (const round of [1, 2]) {
          yield* asyncio.sleep(delay);
          log.push(`${name} arrives ${round}`);
          const index = yield* barrier.wait();
          log.push(`${name} passes ${round} as ${index}`);
        }
      }
      const tasks = [asyncio.createTask(party("a", 1)), asyncio.createTask(party("b", 2))];
      yield* asyncio.sleep(2.5);
      expect(barrier.nWaiting).toBe(2);
      expect(String(barrier)).toBe("<Barrier [filling, waiters:2/3]>");
      tasks.push(asyncio.createTask(party("c", 3)));
      yield* asyncio.gather(...tasks);
      expect(barrier.nWaiting).toBe(0);
      return log;
    });
    expect(log).toEqual([
      "a arrives 1",
      "b arrives 1",
      "c arrives 1",
      "c passes 1 as 2",
      "a passes 1 as 0",
      "b passes 1 as 1",
      "a arrives 2",
      "b arrives 2",
      "c arrives 2",
      "c passes 2 as 2",
      "a passes 2 as 0",
      "b passes 2 as 1",
    ]);
  });

  it("abort() breaks it for current and future waiters", async () => {
    await run(function* () {
      const barrier = new asyncio.Barrier(3);
      const waiters = [asyncio.createTask(barrier.wait()), asyncio.createTask(barrier.wait())];
      yield* asyncio.sleep(0);
      yield* barrier.abort();
      const results = yield* asyncio.gather(...waiters, { returnExceptions: true });
      for (const result of results) {
        expect(result).toBeInstanceOf(asyncio.BrokenBarrierError);
        expect((result as Error).message).toBe("Abort or reset of barrier");
      }
      expect(barrier.broken).toBe(true);
      expect(String(barrier)).toBe("<Barrier [broken]>");
      let thrown: unknown;
      try {
        yield* barrier.wait();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(asyncio.BrokenBarrierError);
      expect(thrown).toBeInstanceOf(asyncio.RuntimeError);
      expect((thrown as Error).message).toBe("Barrier aborted");
    });
  });

  it("reset() breaks the current round and refills", async () => {
    await run(function* () {
      const barrier = new asyncio.Barrier(2);
      const early = asyncio.createTask(barrier.wait());
      yield* asyncio.sleep(0);
      yield* barrier.reset();
      const [result] = yield* asyncio.gather(early, { returnExceptions: true });
      expect(result).toBeInstanceOf(asyncio.BrokenBarrierError);
      expect(barrier.broken).toBe(false);
      const indices = yield* asyncio.gather(barrier.wait(), barrier.wait());
      expect([...indices].sort()).toEqual([0, 1]);
    });
  });

  it("stops counting a waiter that is cancelled", async () => {
    await run(function* () {
      const barrier = new asyncio.Barrier(2);
      const waiter = asyncio.createTask(barrier.wait());
      yield* asyncio.sleep(0);
      expect(barrier.nWaiting).toBe(1);
      waiter.cancel();
      yield* asyncio.gather(waiter, { returnExceptions: true });
      expect(waiter.cancelled()).toBe(true);
      expect(barrier.nWaiting).toBe(0);
      expect(String(barrier)).toBe("<Barrier [filling, waiters:0/2]>");
    });
  });
});
