import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TimerHandle } from "./events.ts";
import { TimerHeap } from "./timer-heap.ts";
import { VirtualTimeLoop } from "./virtual-time.ts";

const loop = new VirtualTimeLoop();

function timer(when: number, seq: number): TimerHandle {
  const t = new TimerHandle(when, () => {}, [], loop);
  t._seq = seq;
  return t;
}

describe("TimerHeap", () => {
  it("pops by deadline, equal deadlines in scheduling order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }), (deadlines) => {
        const heap = new TimerHeap();
        const timers = deadlines.map((when, seq) => timer(when, seq));
        for (const t of timers) heap.push(t);
        const popped: TimerHandle[] = [];
        for (let t = heap.pop(); t !== undefined; t = heap.pop()) popped.push(t);
        const expected = [...timers].sort((a, b) => a._when - b._when || a._seq - b._seq);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it("drops cancelled timers in one pass, keeping the order of the rest", () => {
    const heap = new TimerHeap();
    const timers = Array.from({ length: 20 }, (_, i) => timer(20 - i, i));
    for (const t of timers) {
      heap.push(t);
      t._scheduled = true;
    }
    for (const t of timers.filter((_, i) => i % 3 === 0)) t._cancelled = true;
    heap.removeCancelled();
    expect(heap.size).toBe(13);
    expect(timers[0]!._scheduled).toBe(false);
    const whens: number[] = [];
    for (let t = heap.pop(); t !== undefined; t = heap.pop()) whens.push(t._when);
    expect(whens).toEqual([...whens].sort((a, b) => a - b));
  });
});
