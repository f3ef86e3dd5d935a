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

function drain<T>(queue: asyncio.Queue<T>): T[] {
  const items: T[] = [];
  while (!queue.empty()) items.push(queue.getNowait());
  return items;
}

describe("Queue", () => {
  it("is first in, first out, and reports its size", () => {
    const queue = new asyncio.Queue<number>();
    expect(queue.empty()).toBe(true);
    expect(queue.full()).toBe(false); // unbounded
    for (let i = 0; i < 100; i++) queue.putNowait(i);
    expect(queue.qsize()).toBe(100);
    expect(queue.maxsize).toBe(0);
    expect(queue.full()).toBe(false);
    expect(drain(queue)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it("gets and puts without yielding when it can", () => {
    const queue = new asyncio.Queue<string>(1);
    expect(firstStep(queue.put("a"))).toEqual({ done: true, value: undefined });
    expect(firstStep(queue.get())).toEqual({ done: true, value: "a" });
  });

  it("throws QueueFull and QueueEmpty from the no-wait forms", () => {
    const queue = new asyncio.Queue<number>(1);
    expect(() => queue.getNowait()).toThrow(asyncio.QueueEmpty);
    queue.putNowait(1);
    expect(queue.full()).toBe(true);
    expect(() => queue.putNowait(2)).toThrow(asyncio.QueueFull);
    expect(String(queue)).toBe("<Queue maxsize=1 _queue=[1] tasks=1>");
  });

  it("blocks put() while full, serving putters in order", async () => {
    const log = await run(function* () {
      const queue = new asyncio.Queue<string>(2);
      const log: string[] = [];
      function* producer(name: string): Coroutine<void> {
        for (const n of [1, 2]) {
          yield* queue.put(`${name}${n}`);
          log.push(`put ${name}${n}`);
        }
      }
      const producers = [asyncio.createTask(producer("a")), asyncio.createTask(producer("b"))];
      yield* asyncio.sleep(1);
      expect(queue.qsize()).toBe(2);
      expect(String(queue)).toBe("<Queue maxsize=2 _queue=['a1', 'a2'] _putters[1] tasks=2>");
      for (let i = 0; i < 4; i++) {
        log.push(`got ${yield* queue.get()}`);
        yield* asyncio.sleep(1);
      }
      yield* asyncio.gather(...producers);
      return log;
    });
    expect(log).toEqual([
      "put a1",
      "put a2",
      "got a1",
      "put b1",
      "got a2",
      "put b2",
      "got b1",
      "got b2",
    ]);
  });

  it("serves getters in the order they started waiting", async () => {
    const log = await run(function* () {
      const queue = new asyncio.Queue<number>();
      const log: string[] = [];
      function* consumer(name: string): Coroutine<void> {
        log.push(`${name} got ${yield* queue.get()}`);
      }
      const consumers = ["a", "b", "c"].map((name) => asyncio.createTask(consumer(name)));
      yield* asyncio.sleep(0);
      expect(String(queue)).toBe("<Queue maxsize=0 _getters[3]>");
      for (const n of [1, 2, 3]) queue.putNowait(n);
      yield* asyncio.gather(...consumers);
      return log;
    });
    expect(log).toEqual(["a got 1", "b got 2", "c got 3"]);
  });

  it("lets a get() take an item a woken getter has yet to run for, as asyncio does", async () => {
    const log = await run(function* () {
      const queue = new asyncio.Queue<number>();
      const log: [string, number][] = [];
      const waiter = asyncio.createTask(
        (function* () {
          log.push(["waiter", yield* queue.get()]);
        })(),
      );
      yield* asyncio.sleep(0);
      queue.putNowait(1); // wakes the waiter...
      log.push(["main", queue.getNowait()]); // ...but main takes the item first
      queue.putNowait(2);
      yield* waiter;
      return log;
    });
    expect(log).toEqual([
      ["main", 1],
      ["waiter", 2],
    ]);
  });

  it("forgets a getter cancelled while waiting", async () => {
    await run(function* () {
      const queue = new asyncio.Queue<string>();
      const first = asyncio.createTask(queue.get());
      const second = asyncio.createTask(queue.get());
      yield* asyncio.sleep(0);
      first.cancel();
      yield* asyncio.sleep(0);
      expect(first.cancelled()).toBe(true);
      expect(String(queue)).toBe("<Queue maxsize=0 _getters[1]>");
      yield* queue.put("a");
      expect(yield* second).toBe("a");
    });
  });

  it("passes an item on when the woken getter is cancelled before it runs", async () => {
    await run(function* () {
      const queue = new asyncio.Queue<string>();
      const first = asyncio.createTask(queue.get());
      const second = asyncio.createTask(queue.get());
      yield* asyncio.sleep(0);
      queue.putNowait("x"); // wakes first...
      first.cancel(); // ...which cannot take it
      const [a, b] = yield* asyncio.gather(first, second, { returnExceptions: true });
      expect(a).toBeInstanceOf(asyncio.CancelledError);
      expect(b).toBe("x");
      expect(queue.empty()).toBe(true);
    });
  });

  it("passes a free slot on when the woken putter is cancelled before it runs", async () => {
    await run(function* () {
      const queue = new asyncio.Queue<string>(1);
      queue.putNowait("a");
      const putB = asyncio.createTask(queue.put("b"));
      const putC = asyncio.createTask(queue.put("c"));
      yield* asyncio.sleep(0);
      expect(queue.getNowait()).toBe("a"); // wakes putB...
      putB.cancel(); // ...which cannot take the slot
      yield* asyncio.gather(putB, putC, { returnExceptions: true });
      expect(putB.cancelled()).toBe(true);
      expect(drain(queue)).toEqual(["c"]);
    });
  });

  it("keeps putters in order when a later one is cancelled", async () => {
    await run(function* () {
      const queue = new asyncio.Queue<string>(1);
      const putA = asyncio.createTask(queue.put("a"));
      const putB = asyncio.createTask(queue.put("b"));
      const putX = asyncio.createTask(queue.put("X"));
      yield* asyncio.sleep(0);
      expect(putA.done()).toBe(true);
      expect(putB.done()).toBe(false);
      putX.cancel();
      yield* asyncio.sleep(0);
      expect(putX.cancelled()).toBe(true);
      expect(queue.getNowait()).toBe("a");
      yield* asyncio.sleep(0);
      expect(queue.getNowait()).toBe("b");
      yield* putB;
      expect(queue.empty()).toBe(true);
    });
  });

  it("join() waits until every item is marked done", async () => {
    const log = await run(function* () {
      const queue = new asyncio.Queue<number>();
      const log: string[] = [];
      expect(firstStep(queue.join()).done).toBe(true); // nothing unfinished
      for (const n of [1, 2, 3]) queue.putNowait(n);
      function* worker(): Coroutine<never> {
        for (;;) {
          const n = yield* queue.get();
          yield* asyncio.sleep(n);
          log.push(`done ${n}`);
          queue.taskDone();
        }
      }
      const workers = [asyncio.createTask(worker()), asyncio.createTask(worker())];
      yield* queue.join();
      log.push(`joined at ${asyncio.getRunningLoop().time()}`);
      for (const w of workers) w.cancel();
      yield* asyncio.gather(...workers, { returnExceptions: true });
      return log;
    });
    expect(log).toEqual(["done 1", "done 2", "done 3", "joined at 4"]);
  });

  it("throws ValueError when taskDone() is called too many times", () => {
    const queue = new asyncio.Queue<number>();
    queue.putNowait(1);
    queue.getNowait();
    queue.taskDone();
    expect(() => queue.taskDone()).toThrow(asyncio.ValueError);
    expect(() => queue.taskDone()).toThrow("task_done() called too many times");
  });
});

describe("Queue.shutdown", () => {
  it("lets getters drain the items left, then throws QueueShutDown", async () => {
    await run(function* () {
      const queue = new asyncio.Queue<number>();
      queue.putNowait(1);
      queue.putNowait(2);
      queue.shutdown();
      expect(String(queue)).toBe("<Queue maxsize=0 _queue=[1, 2] tasks=2 shutdown>");
      expect(() => queue.putNowait(3)).toThrow(asyncio.QueueShutDown);
      expect(yield* queue.get()).toBe(1);
      expect(queue.getNowait()).toBe(2);
      expect(() => queue.getNowait()).toThrow(asyncio.QueueShutDown);
      let thrown: unknown;
      try {
        yield* queue.get();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(asyncio.QueueShutDown);
    });
  });

  it("wakes every waiting getter and putter with QueueShutDown", async () => {
    await run(function* () {
      const empty = new asyncio.Queue<number>();
      const full = new asyncio.Queue<number>(1);
      full.putNowait(0);
      const getters = [asyncio.createTask(empty.get()), asyncio.createTask(empty.get())];
      const putters = [asyncio.createTask(full.put(1)), asyncio.createTask(full.put(2))];
      yield* asyncio.sleep(0);
      empty.shutdown();
      full.shutdown();
      const results = yield* asyncio.gather(...getters, ...putters, { returnExceptions: true });
      for (const result of results) expect(result).toBeInstanceOf(asyncio.QueueShutDown);
      expect(drain(full)).toEqual([0]);
    });
  });

  it("with immediate, drops the items, counts them done and releases join()", async () => {
    await run(function* () {
      const queue = new asyncio.Queue<number>();
      for (const n of [1, 2, 3]) queue.putNowait(n);
      expect(queue.getNowait()).toBe(1); // got but not marked done
      const joiner = asyncio.createTask(queue.join());
      yield* asyncio.sleep(0);
      queue.shutdown(true);
      expect(queue.empty()).toBe(true);
      expect(() => queue.getNowait()).toThrow(asyncio.QueueShutDown);
      yield* asyncio.sleep(0);
      expect(joiner.done()).toBe(false); // item 1 is still unfinished
      queue.taskDone();
      yield* joiner;
    });
  });
});

describe("PriorityQueue", () => {
  it("returns the smallest number first", () => {
    const queue = new asyncio.PriorityQueue<number>();
    for (const n of [5, 3, 8, 1, 9, 2, -4, 0.5]) queue.putNowait(n);
    expect(drain(queue)).toEqual([-4, 0.5, 1, 2, 3, 5, 8, 9]);
  });

  it("orders arrays like Python tuples", () => {
    const queue = new asyncio.PriorityQueue<[number, ...unknown[]]>();
    const job = { run() {} };
    const items: [number, ...unknown[]][] = [[2, "b"], [1, "z"], [2, "a"], [1, "z", 0], [0, job], [1]];
    for (const item of items) queue.putNowait(item);
    expect(drain(queue)).toEqual([[0, job], [1], [1, "z"], [1, "z", 0], [2, "a"], [2, "b"]]);
  });

  it("orders strings by code point, as Python does", () => {
    const queue = new asyncio.PriorityQueue<string>();
    // UTF-16 order would put the surrogate pair of U+1F600 before U+E000.
    for (const s of ["\u{1F600}", "\uFFFD", "ab", "", "a", "\uE000"]) queue.putNowait(s);
    expect(drain(queue)).toEqual(["", "a", "ab", "\uE000", "\uFFFD", "\u{1F600}"]);
  });

  it("returns equal items in heapq's order", () => {
    // Python: the same pushes of 3, 1, 1.0, True, 2, 0, True, 1.0 pop as
    // 0, 1, True, 1.0, True, 1.0, 2, 3.
    const queue = new asyncio.PriorityQueue<number | bigint | boolean>();
    for (const x of [3, 1, 1n, true, 2, 0, true, 1n]) queue.putNowait(x);
    expect(drain(queue)).toEqual([0, 1, true, 1n, true, 1n, 2, 3]);
  });

  it("throws TypeError for items Python could not compare", () => {
    const queue = new asyncio.PriorityQueue<unknown>();
    queue.putNowait(1);
    expect(() => queue.putNowait("1")).toThrow(TypeError);
    const objects = new asyncio.PriorityQueue<[number, object]>();
    objects.putNowait([1, {}]);
    expect(() => objects.putNowait([1, {}])).toThrow("'<' not supported between instances of 'Object' and 'Object'");
  });
});

describe("LifoQueue", () => {
  it("returns the most recent item first", async () => {
    await run(function* () {
      const queue = new asyncio.LifoQueue<number>(3);
      for (const n of [1, 2, 3]) yield* queue.put(n);
      expect(queue.full()).toBe(true);
      expect(String(queue)).toBe("<LifoQueue maxsize=3 _queue=[1, 2, 3] tasks=3>");
      expect(drain(queue)).toEqual([3, 2, 1]);
    });
  });
});
