import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Liveness, trackTimers, type TimerScope } from "./liveness.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function scope(): TimerScope {
  return {
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval,
  } as TimerScope;
}

describe("Liveness", () => {
  it("calls onIdle each time the count drops to zero, and releases only once", () => {
    const onIdle = vi.fn();
    const liveness = new Liveness(onIdle);
    const a = liveness.hold();
    const b = liveness.hold();
    a();
    a();
    expect(liveness.pending).toBe(1);
    expect(onIdle).not.toHaveBeenCalled();
    b();
    expect(liveness.pending).toBe(0);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});

describe("trackTimers", () => {
  it("holds a reference while a timeout is pending and releases it after the callback", () => {
    const idle = vi.fn();
    const liveness = new Liveness(idle);
    const timers = scope();
    trackTimers(timers, liveness, () => {});
    const order: string[] = [];
    timers.setTimeout((x: string) => order.push(`ran ${x}`), 10, "a");
    expect(liveness.pending).toBe(1);
    vi.advanceTimersByTime(10);
    expect(order).toEqual(["ran a"]);
    expect(liveness.pending).toBe(0);
    expect(idle).toHaveBeenCalledTimes(1);
  });

  it("a timeout scheduled from a callback keeps the program alive without an idle in between", () => {
    const idle = vi.fn();
    const liveness = new Liveness(idle);
    const timers = scope();
    trackTimers(timers, liveness, () => {});
    timers.setTimeout(() => timers.setTimeout(() => {}, 5), 5);
    vi.advanceTimersByTime(5);
    expect(liveness.pending).toBe(1);
    expect(idle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5);
    expect(idle).toHaveBeenCalledTimes(1);
  });

  it("clearTimeout and clearInterval release", () => {
    const liveness = new Liveness(() => {});
    const timers = scope();
    trackTimers(timers, liveness, () => {});
    const t = timers.setTimeout(() => {}, 10);
    const i = timers.setInterval(() => {}, 10);
    expect(liveness.pending).toBe(2);
    timers.clearTimeout(t);
    timers.clearInterval(i);
    expect(liveness.pending).toBe(0);
  });

  it("an interval stays pending until cleared", () => {
    const liveness = new Liveness(() => {});
    const timers = scope();
    trackTimers(timers, liveness, () => {});
    let ticks = 0;
    const i = timers.setInterval(() => ticks++, 10);
    vi.advanceTimersByTime(35);
    expect(ticks).toBe(3);
    expect(liveness.pending).toBe(1);
    timers.clearTimeout(i); // Node accepts either clear function for either handle
    expect(liveness.pending).toBe(0);
  });

  it("reports a throwing callback and still releases", () => {
    const liveness = new Liveness(() => {});
    const timers = scope();
    const errors: unknown[] = [];
    trackTimers(timers, liveness, (error) => errors.push(error));
    timers.setTimeout(() => {
      throw new Error("boom");
    }, 1);
    vi.advanceTimersByTime(1);
    expect(errors).toEqual([new Error("boom")]);
    expect(liveness.pending).toBe(0);
  });

  it("leaves timers that are not the program's untracked, and they still run and clear", () => {
    const liveness = new Liveness(() => {});
    const timers = scope();
    let ours = false;
    trackTimers(timers, liveness, () => {}, () => ours);
    let ran = 0;
    timers.setTimeout(() => ran++, 5);
    const interval = timers.setInterval(() => ran++, 5);
    expect(liveness.pending).toBe(0);
    vi.advanceTimersByTime(5);
    expect(ran).toBe(2);
    timers.clearInterval(interval);
    ours = true;
    timers.setTimeout(() => ran++, 5);
    expect(liveness.pending).toBe(1);
  });

  it("returns the original timers, which do not hold the program", () => {
    const liveness = new Liveness(() => {});
    const timers = scope();
    const original = trackTimers(timers, liveness, () => {});
    original.setTimeout(() => {}, 10);
    expect(liveness.pending).toBe(0);
  });
});
