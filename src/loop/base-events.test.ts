import { afterEach, describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";
import type { Coroutine, Host } from "./index.ts";
import { captureLog, describeEachLoop, LOOP_KINDS, virtual } from "./testing/loops.ts";

afterEach(() => {
  asyncio.setHost(null);
});

/** A host that counts what is armed, delegating to the default host. */
function countingHost(): Host & { armed: () => number; timers: number[] } {
  const live = new Set<unknown>();
  const timers: number[] = [];
  const base = asyncio.defaultHost;
  const host = {
    now: () => base.now(),
    setImmediate(callback: () => void) {
      const token: unknown = base.setImmediate(() => {
        live.delete(token);
        callback();
      });
      live.add(token);
      return token;
    },
    clearImmediate(token: unknown) {
      live.delete(token);
      base.clearImmediate(token);
    },
    setTimeout(callback: () => void, ms: number) {
      timers.push(ms);
      const token: unknown = base.setTimeout(() => {
        live.delete(token);
        callback();
      }, ms);
      live.add(token);
      return token;
    },
    clearTimeout(token: unknown) {
      live.delete(token);
      base.clearTimeout(token);
    },
    armed: () => live.size,
    timers,
  };
  return host;
}

describeEachLoop("BaseEventLoop scheduling", (kind) => {
  it("runs callSoon callbacks in FIFO order, those they schedule on the next iteration", async () => {
    const loop = kind.create();
    const log: string[] = [];
    loop.callSoon(() => {
      log.push("a");
      loop.callSoon(() => log.push("scheduled by a"));
    });
    loop.callSoon((x: string, y: number) => log.push(`b ${x} ${y}`), "x", 1);
    loop.callSoon(() => loop.stop());
    loop.callSoon(() => log.push("c (same iteration as stop)"));
    await loop.runForever();
    expect(log).toEqual(["a", "b x 1", "c (same iteration as stop)"]);
    // What was scheduled during that iteration waits for the next run.
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    expect(log.at(-1)).toBe("scheduled by a");
    loop.close();
  });

  it("runs timers by deadline, equal deadlines in scheduling order, and skips cancelled ones", async () => {
    const loop = kind.create();
    const log: string[] = [];
    // Deadlines from one reading of the clock: on the real clock, each callLater reads it
    // again, and a late turn between two of them would move one deadline past another.
    const now = loop.time();
    for (const name of ["first", "second", "third", "fourth"]) loop.callAt(now + 0.002, () => log.push(name));
    const cancelled = loop.callAt(now + 0.001, () => log.push("cancelled"));
    loop.callAt(now + 0.001, () => log.push("earlier"));
    loop.callAt(now + 0.003, () => loop.stop());
    cancelled.cancel();
    expect(cancelled.cancelled()).toBe(true);
    await loop.runForever();
    expect(log).toEqual(["earlier", "first", "second", "third", "fourth"]);
    loop.close();
  });

  it("runs due timers after the callbacks already ready", async () => {
    const loop = kind.create();
    const log: string[] = [];
    loop.callLater(-1, () => log.push("timer due at once"));
    loop.callSoon(() => log.push("ready callback"));
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    expect(log).toEqual(["ready callback", "timer due at once"]);
    loop.close();
  });

  it("stop() before runForever() makes the next run do one iteration", async () => {
    const loop = kind.create();
    const log: string[] = [];
    loop.callSoon(() => {
      log.push("one");
      loop.callSoon(() => log.push("two"));
    });
    loop.stop();
    await loop.runForever();
    expect(log).toEqual(["one"]);
    expect(loop.isRunning()).toBe(false);
    loop.close();
  });

  it("runUntilComplete resolves with the result, or rejects with the error", async () => {
    const loop = kind.create();
    expect(
      await loop.runUntilComplete(
        (function* () {
          yield* asyncio.sleep(0.001);
          return "done";
        })(),
      ),
    ).toBe("done");
    const failing = (function* (): Coroutine<never> {
      yield* asyncio.sleep(0);
      throw new asyncio.ValueError("failed");
    })();
    await expect(loop.runUntilComplete(failing)).rejects.toThrow(new asyncio.ValueError("failed"));
    const fut = loop.createFuture();
    loop.callSoon(() => loop.stop());
    await expect(loop.runUntilComplete(fut)).rejects.toThrow(
      new asyncio.RuntimeError("Event loop stopped before Future completed."),
    );
    loop.close();
  });

  it("is running from runForever() until it stops, including while waiting for a timer", async () => {
    const loop = kind.create();
    expect(loop.isRunning()).toBe(false);
    const running = loop.runUntilComplete(asyncio.sleep(0.002));
    expect(loop.isRunning()).toBe(true);
    expect(asyncio.getRunningLoop()).toBe(loop);
    expect(() => loop.runForever()).toThrow(new asyncio.RuntimeError("This event loop is already running"));
    const other = kind.create();
    expect(() => other.runForever()).toThrow(
      new asyncio.RuntimeError("Cannot run the event loop while another loop is running"),
    );
    expect(() => loop.close()).toThrow(new asyncio.RuntimeError("Cannot close a running event loop"));
    await running;
    expect(loop.isRunning()).toBe(false);
    expect(() => asyncio.getRunningLoop()).toThrow(asyncio.RuntimeError);
    loop.close();
    other.close();
  });

  it("refuses any work once closed, with a clear error", () => {
    const loop = kind.create();
    loop.close();
    loop.close(); // closing twice does nothing
    expect(loop.isClosed()).toBe(true);
    const closed = new asyncio.RuntimeError("Event loop is closed");
    expect(() => loop.callSoon(() => {})).toThrow(closed);
    expect(() => loop.callLater(1, () => {})).toThrow(closed);
    expect(() => loop.callAt(1, () => {})).toThrow(closed);
    expect(() => loop.createTask((function* () {})())).toThrow(closed);
    expect(() => loop.runForever()).toThrow(closed);
    expect(() => loop.runUntilComplete(loop.createFuture())).toThrow(closed);
  });

  it("drops pending callbacks when closed", async () => {
    const loop = kind.create();
    let ran = false;
    loop.callSoon(() => (ran = true));
    loop.callLater(0.001, () => (ran = true));
    loop.close();
    expect(loop._ready.length).toBe(0);
    expect(loop._scheduled.size).toBe(0);
    expect(ran).toBe(false);
  });

  it("rejects bad callbacks and delays", () => {
    const loop = kind.create();
    expect(() => loop.callSoon(42 as never)).toThrow(
      new TypeError("a callable object was expected by callSoon(), got 42"),
    );
    expect(() => loop.callLater(NaN, () => {})).toThrow(new asyncio.ValueError("Invalid delay: NaN (not a number)"));
    expect(() => loop.callAt(NaN, () => {})).toThrow(asyncio.ValueError);
    loop.setDebug(true);
    expect(() => loop.callSoon(function* () {} as never)).toThrow(
      new TypeError("coroutines cannot be used with callSoon()"),
    );
    loop.close();
  });

  it("rebuilds the timer heap when most timers are cancelled", async () => {
    const loop = kind.create();
    const timers = Array.from({ length: 200 }, () => loop.callLater(100, () => {}));
    for (const timer of timers.slice(0, 150)) timer.cancel();
    expect(loop._scheduled.size).toBe(200);
    loop.stop();
    await loop.runForever();
    expect(loop._scheduled.size).toBe(50);
    expect(timers[0]!._scheduled).toBe(false);
    loop.close();
  });

  it("has Python's reprs for itself and its handles", () => {
    const loop = kind.create();
    expect(String(loop)).toBe(`<${kind.name} running=False closed=False debug=False>`);
    function greet(_name: string, _n: number) {}
    const handle = loop.callSoon(greet, "hi", 1);
    expect(String(handle)).toBe("<Handle greet('hi', 1)>");
    handle.cancel();
    expect(String(handle)).toBe("<Handle cancelled>");
    const timer = loop.callAt(12.5, greet, "x", 2);
    expect(timer.when()).toBe(12.5);
    expect(String(timer)).toBe("<TimerHandle when=12.5 greet('x', 2)>");
    timer.cancel();
    expect(String(timer)).toBe("<TimerHandle cancelled when=12.5>");
    loop.setDebug(true);
    const kept = loop.callSoon(greet, "kept", 3);
    kept.cancel(); // in debug mode the repr survives cancellation
    expect(String(kept)).toBe("<Handle cancelled greet('kept', 3)>");
    loop.close();
  });
});

describeEachLoop("BaseEventLoop exception handling", (kind) => {
  it("reports a callback's error to the default handler and goes on", async () => {
    const loop = kind.create();
    const log: string[] = [];
    function bad() {
      throw new asyncio.ValueError("cb boom");
    }
    loop.callSoon(bad);
    loop.callSoon(() => log.push("next callback still runs"));
    loop.callSoon(() => loop.stop());
    const [, records] = await captureLog(() => loop.runForever());
    expect(log).toEqual(["next callback still runs"]);
    expect(records).toHaveLength(1);
    const lines = records[0]!.split("\n");
    expect(lines.slice(0, 3)).toEqual(["Exception in callback bad()", "handle: <Handle bad()>", "ValueError: cb boom"]);
    expect(lines[3]).toMatch(/^\s+at bad /);
    loop.close();
  });

  it("calls a custom handler with the loop and the context; falls back when it throws", async () => {
    const loop = kind.create();
    const contexts: asyncio.ExceptionContext[] = [];
    const handler: asyncio.ExceptionHandler = (l, context) => {
      expect(l).toBe(loop);
      contexts.push(context);
      if (contexts.length === 2) throw new Error("handler broke");
    };
    loop.setExceptionHandler(handler);
    expect(loop.getExceptionHandler()).toBe(handler);
    const error = new asyncio.ValueError("first");
    loop.callSoon(() => {
      throw error;
    });
    loop.callSoon(() => {
      throw new asyncio.ValueError("second");
    });
    loop.callSoon(() => loop.stop());
    const [, records] = await captureLog(() => loop.runForever());
    expect(contexts[0]!.exception).toBe(error);
    expect(contexts[0]!.handle).toBeInstanceOf(asyncio.Handle);
    expect(contexts[0]!.message).toMatch(/^Exception in callback <anonymous>\(\)$/);
    expect(records).toHaveLength(1);
    expect(records[0]!.split("\n")[0]).toBe("Unhandled error in exception handler");
    expect(records[0]).toContain("Error: handler broke");
    expect(() => loop.setExceptionHandler(42 as never)).toThrow(TypeError);
    loop.setExceptionHandler(null);
    expect(loop.getExceptionHandler()).toBeNull();
    loop.close();
  });

  it("formats contexts like asyncio's logger: message, sorted keys, then the stack", async () => {
    const loop = kind.create();
    const [, records] = await captureLog(() => {
      loop.callExceptionHandler({ message: "", zeta: "last", alpha: [1, "a"] });
      loop.callExceptionHandler({ message: "plain", exception: "a string was thrown" });
    });
    expect(records[0]).toBe("Unhandled exception in event loop\nalpha: [1, 'a']\nzeta: 'last'");
    expect(records[1]).toBe("plain\n'a string was thrown' (a non-Error value was thrown)");
    loop.close();
  });
});

describeEachLoop("BaseEventLoop on the host", (kind) => {
  it("yields to the host between batches: a busy `while (true) sleep(0)` does not starve host timers", async () => {
    // A loop that never handed control back would spin forever and the test would time out;
    // that is the failure this test catches.
    let hostTimerFired = false;
    const spins = await kind.run(function* () {
      setTimeout(() => (hostTimerFired = true), 0);
      let spins = 0;
      while (!hostTimerFired) {
        spins += 1;
        yield* asyncio.sleep(0);
      }
      return spins;
    });
    expect(hostTimerFired).toBe(true);
    expect(spins).toBeGreaterThanOrEqual(1);
  });

  it("leaves nothing armed on the host after the run", async () => {
    const host = countingHost();
    asyncio.setHost(host);
    await kind.run(function* () {
      yield* asyncio.sleep(0.002);
      const never = asyncio.createTask(asyncio.sleep(3600)); // cancelled by run() at the end
      yield* asyncio.sleep(0);
      void never;
    });
    expect(host.armed()).toBe(0);
  });

  it("wakes from outside when idle: a host callback's callSoonThreadsafe", async () => {
    const result = await kind.run(function* () {
      const loop = asyncio.getRunningLoop();
      const fut = loop.createFuture<string>();
      // Nothing ready, no timer: the loop idles until outside work arrives.
      setTimeout(() => loop.callSoonThreadsafe(() => fut.setResult("woken")), 2);
      return yield* fut;
    });
    expect(result).toBe("woken");
  });

  it("stops promptly when stop() comes from outside while it waits for a far timer", async () => {
    const loop = kind.create();
    loop.callLater(3600, () => {});
    if (kind.name === "VirtualTimeLoop") {
      // Virtual time would jump to the timer at once: stop from inside instead.
      loop.callSoon(() => loop.stop());
    } else {
      setTimeout(() => loop.stop(), 2);
    }
    const started = Date.now();
    await loop.runForever();
    expect(Date.now() - started).toBeLessThan(1000);
    loop.close();
  });
});

describe("BaseEventLoop real time", () => {
  it("arms one host timer for the next deadline instead of polling", async () => {
    const host = countingHost();
    asyncio.setHost(host);
    await LOOP_KINDS[0]!.run(function* () {
      yield* asyncio.sleep(0.02);
    });
    expect(host.timers.length).toBeGreaterThanOrEqual(1);
    expect(host.timers.length).toBeLessThanOrEqual(3); // one, plus a retry if the host fired early
    // Armed for what is left of the 20 ms (less whatever a loaded machine spent getting there),
    // never a 0-1 ms poll.
    expect(host.timers[0]).toBeGreaterThan(1);
    expect(host.timers[0]).toBeLessThanOrEqual(20);
  });

  it("has a monotonic clock in seconds", () => {
    const loop = LOOP_KINDS[0]!.create();
    const a = loop.time();
    const b = loop.time();
    expect(b).toBeGreaterThanOrEqual(a);
    expect(Math.abs(a - asyncio.defaultHost.now() / 1000)).toBeLessThan(1);
    loop.close();
  });
});

describe("debug mode", () => {
  /** A host whose clock jumps when `advance` is called: slow callbacks without burning CPU. */
  function fakeClockHost(): Host & { advance(ms: number): void } {
    let offset = 0;
    const base = asyncio.defaultHost;
    return {
      now: () => base.now() + offset,
      setImmediate: (cb) => base.setImmediate(cb),
      clearImmediate: (t) => base.clearImmediate(t),
      setTimeout: (cb, ms) => base.setTimeout(cb, ms),
      clearTimeout: (t) => base.clearTimeout(t),
      advance(ms: number) {
        offset += ms;
      },
    };
  }

  it("warns about callbacks and task steps slower than 100 ms", async () => {
    const host = fakeClockHost();
    asyncio.setHost(host);
    const [, records] = await captureLog(() =>
      virtual.run(
        function* () {
          function slowCallback() {
            host.advance(150);
          }
          asyncio.getRunningLoop().callSoon(slowCallback);
          function* slowStep(): Coroutine<void> {
            yield* asyncio.sleep(0); // the coroutine is named at its first wait
            host.advance(120);
          }
          asyncio.getRunningLoop().callSoon(() => host.advance(50)); // fast enough
          yield* asyncio.createTask(slowStep(), { name: "slowpoke" });
        },
        { debug: true },
      ),
    );
    expect(records).toEqual([
      "Executing <Handle slowCallback()> took 0.150 seconds",
      "Executing <Task finished name='slowpoke' coro=<slowStep() done> result=None> took 0.120 seconds",
    ]);
  });

  it("honours slowCallbackDuration", async () => {
    const host = fakeClockHost();
    asyncio.setHost(host);
    const loop = virtual.create();
    loop.setDebug(true);
    expect(loop.getDebug()).toBe(true);
    loop.slowCallbackDuration = 1;
    loop.callSoon(() => host.advance(500));
    loop.callSoon(() => loop.stop());
    const [, records] = await captureLog(() => loop.runForever());
    expect(records).toEqual([]);
    loop.close();
  });
});

describe("task factory", () => {
  it("builds tasks through the factory, named as asked", async () => {
    const made: string[] = [];
    const loop = virtual.create();
    const factory: asyncio.TaskFactory = (l, coro) => {
      made.push("made");
      return new asyncio.Task(coro, { loop: l });
    };
    loop.setTaskFactory(factory);
    expect(loop.getTaskFactory()).toBe(factory);
    const task = loop.createTask((function* () {})(), { name: "custom" });
    expect(task.getName()).toBe("custom");
    expect(made).toEqual(["made"]);
    expect(() => loop.setTaskFactory(1 as never)).toThrow(TypeError);
    await loop.runUntilComplete(task);
    loop.close();
  });
});
