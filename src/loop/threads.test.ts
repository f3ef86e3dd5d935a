import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import type { Awaitable, Coroutine } from "./coroutines.ts";
import { getRunningLoop } from "./events.ts";
import { CancelledError, RuntimeError } from "./exceptions.ts";
import { nodeThreadPlatform } from "./node/threads.ts";
import { run } from "./runners.ts";
import { createTask, gather, sleep } from "./tasks.ts";
import { DataCloneError, getThreadPlatform, setThreadPlatform, type ThreadPlatform, ThreadPoolExecutor, toThread } from "./threads.ts";

setThreadPlatform(nodeThreadPlatform);

function add(a: number, b: number): number {
  return a + b;
}

/** Block the calling thread for `ms` milliseconds. */
function block(ms: number): number {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  return ms;
}

function* caught(body: Awaitable<unknown>): Coroutine<unknown> {
  try {
    yield* body;
  } catch (error) {
    return error;
  }
  throw new Error("expected an exception");
}

describe("toThread", () => {
  test("returns the function's result, by structured clone; async functions are awaited", async () => {
    const result = await run(
      (function* () {
        const sum = yield* toThread(add, 2, 3);
        const map = yield* toThread((m: Map<string, Uint8Array>) => new Map([...m].map(([k, v]) => [k.toUpperCase(), v.reverse()])), new Map([["a", new Uint8Array([1, 2])]]));
        const later = yield* toThread(async (x: number) => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          return x * 2;
        }, 21);
        const method = yield* toThread({ twice(x: number) { return 2 * x; } }.twice, 4);
        return { sum, map, later, method };
      })(),
    );
    expect(result.sum).toBe(5);
    expect(result.map).toEqual(new Map([["A", new Uint8Array([2, 1])]]));
    expect(result.later).toBe(42);
    expect(result.method).toBe(8);
  });

  test("exceptions keep their class (built-ins), name, message, stack and properties", async () => {
    const errors = await run(
      (function* () {
        const typeError = yield* caught(toThread(function failing(x: unknown) {
          return (x as { no: { such: number } }).no.such;
        }, {}));
        const custom = yield* caught(toThread(() => {
          class QuotaError extends Error {
            code = "E_QUOTA";
          }
          throw new QuotaError("over quota");
        }));
        const thrownValue = yield* caught(toThread(() => {
          throw 42;
        }));
        return { typeError, custom, thrownValue };
      })(),
    );
    expect(errors.typeError).toBeInstanceOf(TypeError);
    expect((errors.typeError as Error).message).toMatch(/Cannot read properties of undefined/);
    expect((errors.typeError as Error).stack).toMatch(/^TypeError: Cannot read properties of undefined[^\n]*\n\s+at failing /);
    expect((errors.custom as Error).name).toBe("QuotaError");
    expect((errors.custom as Error).message).toBe("over quota");
    expect((errors.custom as { code: string }).code).toBe("E_QUOTA");
    expect(errors.thrownValue).toBe(42);
  });

  test("a function using variables of its surroundings fails with the thread's ReferenceError and a hint", async () => {
    const factor = 3;
    const error = (await run(caught(toThread((x: number) => x * factor, 2)))) as Error;
    expect(error).toBeInstanceOf(ReferenceError);
    expect(error.message).toMatch(/^factor is not defined \(.*runs in a worker thread from its source text.*pass factor as an argument/);
  });

  test("functions without source (native, bound) are refused at once with TypeError", async () => {
    const native = (await run(caught(toThread(Math.max, 1, 2)))) as Error;
    const bound = (await run(caught(toThread(add.bind(null, 1), 2)))) as Error;
    expect(native).toBeInstanceOf(TypeError);
    expect(native.message).toMatch(/native or bound function/);
    expect(bound).toBeInstanceOf(TypeError);
  });

  test("arguments or results that cannot be cloned fail with an explained DataCloneError", async () => {
    const errors = await run(
      (function* () {
        const args = yield* caught(toThread((f: unknown) => typeof f, () => 1));
        const result = yield* caught(toThread(() => () => 1));
        const after = yield* toThread(add, 1, 1); // the worker is fine afterwards
        return { args, result, after };
      })(),
    );
    expect(errors.args).toBeInstanceOf(DataCloneError);
    expect((errors.args as Error).message).toMatch(/could not be sent to the worker thread.*structured clone/);
    expect(errors.result).toBeInstanceOf(DataCloneError);
    expect((errors.result as Error).message).toMatch(/could not be sent back from the worker thread.*structured clone/);
    expect(errors.after).toBe(2);
  });

  test("a blocking function does not stall the loop", async () => {
    // The thread blocks until the loop has ticked three times, so it can only return if the
    // loop keeps running while the thread blocks. [thread started, ticks, released]
    const flags = new Int32Array(new SharedArrayBuffer(12));
    const outcome = await run(
      (function* () {
        function* ticker(): Coroutine<void> {
          while (Atomics.load(flags, 0) === 0) yield* sleep(0.001);
          for (let i = 0; i < 3; i++) {
            yield* sleep(0.01);
            Atomics.add(flags, 1, 1);
          }
          Atomics.store(flags, 2, 1);
          Atomics.notify(flags, 2);
        }
        const blockUntilReleased = (f: Int32Array): string => {
          Atomics.store(f, 0, 1);
          // Long enough never to run out on a loaded machine; a stalled loop would wait it out.
          const woken = Atomics.wait(f, 2, 0, 30_000);
          return `${woken}, after ${Atomics.load(f, 1)} ticks`;
        };
        const [result] = yield* gather(toThread(blockUntilReleased, flags), ticker());
        return result;
      })(),
    );
    expect(outcome).toMatch(/^(ok|not-equal), after 3 ticks$/);
  });

  test("many concurrent calls are limited by the pool: min(32, cpus + 4) at once", async () => {
    // [running, most at once, released]: each call waits (up to 2 s) until a full pool
    // runs, so slow worker start-up cannot hide a worker, and more would show.
    const counters = new Int32Array(new SharedArrayBuffer(12));
    const pool = new ThreadPoolExecutor();
    const calls = pool.maxWorkers * 3;
    const results = await run(
      (function* () {
        const loop = getRunningLoop();
        loop.setDefaultExecutor(pool);
        const work = (shared: Int32Array, i: number, full: number): number => {
          const now = Atomics.add(shared, 0, 1) + 1;
          for (let seen = Atomics.load(shared, 1); now > seen; seen = Atomics.load(shared, 1)) {
            if (Atomics.compareExchange(shared, 1, seen, now) === seen) break;
          }
          if (now >= full) {
            Atomics.store(shared, 2, 1);
            Atomics.notify(shared, 2);
          }
          Atomics.wait(shared, 2, 0, 2000);
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
          Atomics.sub(shared, 0, 1);
          return i;
        };
        return yield* gather(...Array.from({ length: calls }, (_, i) => toThread(work, counters, i, pool.maxWorkers)));
      })(),
    );
    await pool.shutdown();
    expect(results).toEqual(Array.from({ length: calls }, (_, i) => i));
    expect(pool.maxWorkers).toBe(Math.min(32, nodeThreadPlatform.cpuCount() + 4));
    expect(counters[1]).toBe(pool.maxWorkers);
    expect(counters[0]).toBe(0);
  });

  test("cancellation cancels the Future at once; a started call runs to its end, a queued one never starts", async () => {
    const flags = new Int32Array(new SharedArrayBuffer(12)); // [A started, A finished, B started]
    const pool = new ThreadPoolExecutor({ maxWorkers: 1 });
    const outcome = await run(
      (function* () {
        const loop = getRunningLoop();
        const a = loop.runInExecutor(pool, (f: Int32Array) => {
          Atomics.store(f, 0, 1);
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
          Atomics.store(f, 1, 1);
        }, flags);
        const b = loop.runInExecutor(pool, (f: Int32Array) => void Atomics.store(f, 2, 1), flags);
        while (Atomics.load(flags, 0) === 0) yield* sleep(0.01);
        a.cancel();
        b.cancel();
        const cancelledAtOnce = a.cancelled() && b.cancelled();
        const finishedWhenCancelled = Atomics.load(flags, 1);
        // A task awaiting toThread is cancelled the same way.
        const task = createTask(toThread(block, 50));
        yield* sleep(0);
        task.cancel();
        const taskError = yield* caught(task);
        yield* sleep(0.3);
        return { cancelledAtOnce, finishedWhenCancelled, taskError };
      })(),
    );
    await pool.shutdown();
    expect(outcome.cancelledAtOnce).toBe(true);
    expect(outcome.finishedWhenCancelled).toBe(0);
    expect(outcome.taskError).toBeInstanceOf(CancelledError);
    expect(Atomics.load(flags, 1)).toBe(1); // A ran to its end anyway
    expect(Atomics.load(flags, 2)).toBe(0); // B never started
  });

  test("a worker that dies fails its call; the pool replaces it", async () => {
    const outcome = await run(
      (function* () {
        const died = yield* caught(toThread(() => {
          (globalThis as unknown as { process: { exit(code: number): never } }).process.exit(3);
        }));
        const next = yield* toThread(add, 20, 22);
        return { died, next };
      })(),
    );
    expect(outcome.died).toBeInstanceOf(RuntimeError);
    expect((outcome.died as Error).message).toMatch(/worker thread running .* died: .*exited with code 3/);
    expect(outcome.next).toBe(42);
  });

  test("shutdownDefaultExecutor() waits for the workers, then refuses new calls", async () => {
    const outcome = await run(
      (function* () {
        const loop = getRunningLoop();
        const pending = createTask(toThread(block, 100));
        yield* sleep(0.01);
        yield* loop.shutdownDefaultExecutor();
        const finished = pending.done();
        const refused = yield* caught(toThread(add, 1, 2));
        return { finished, result: pending.result(), refused };
      })(),
    );
    expect(outcome.finished).toBe(true);
    expect(outcome.result).toBe(100);
    expect(outcome.refused).toBeInstanceOf(RuntimeError);
    expect((outcome.refused as Error).message).toBe("Executor shutdown has been called");
  });

  test("idle workers do not keep the process alive after run() returns", () => {
    const script = `
      import * as asyncio from ${JSON.stringify(new URL("./node-entry.ts", import.meta.url).pathname)};
      function* main() { return yield* asyncio.toThread((a, b) => a * b, 6, 7); }
      console.log(await asyncio.run(main()));
    `;
    const started = Date.now();
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 10_000 });
    expect(child.stderr).toBe("");
    expect(child.stdout).toBe("42\n");
    expect(child.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test("a closed loop's default pool is shut down when the next loop makes its own", async () => {
    // A platform whose workers answer from this thread, counting spawns and terminations.
    let spawned = 0;
    let terminated = 0;
    const fake: ThreadPlatform = {
      name: "fake",
      cpuCount: () => 1,
      spawn(onMessage) {
        spawned++;
        return {
          postMessage: (job) => setTimeout(() => onMessage({ id: (job as { id: number }).id, ok: true, value: "done" })),
          setBusy() {},
          terminate: () => void terminated++,
        };
      },
    };
    const previous = getThreadPlatform();
    setThreadPlatform(fake);
    try {
      // A loop driven by hand and closed without shutdownDefaultExecutor().
      const loop = new (await import("./base-events.ts")).BaseEventLoop();
      expect(await loop.runUntilComplete(toThread(add, 1, 2))).toBe("done");
      loop.close();
      expect([spawned, terminated]).toEqual([1, 0]);
      expect(await run(toThread(add, 1, 2))).toBe("done");
      // The closed loop's pool went when run() made its own; run() shut down its own at the end.
      expect([spawned, terminated]).toEqual([2, 2]);
    } finally {
      setThreadPlatform(previous);
    }
  });
});
