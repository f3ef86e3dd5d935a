import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Deque } from "./ring-deque.ts";

describe("Deque", () => {
  it("is FIFO through shift() and LIFO through pop(), across growth and wrap-around", () => {
    const deque = new Deque<number>();
    for (let i = 0; i < 5; i++) deque.push(i);
    expect(deque.shift()).toBe(0);
    expect(deque.shift()).toBe(1);
    for (let i = 5; i < 20; i++) deque.push(i); // wraps, then grows
    expect(deque.length).toBe(18);
    expect(deque.at(0)).toBe(2);
    expect(deque.at(-1)).toBe(19);
    expect(deque.at(18)).toBeUndefined();
    expect(deque.pop()).toBe(19);
    expect(deque.toArray()).toEqual(Array.from({ length: 17 }, (_, i) => i + 2));
    expect([...deque]).toEqual(deque.toArray());
  });

  it("keeps no reference to an item it no longer holds when it grows wrapped around", () => {
    const deque = new Deque<object>();
    const items = Array.from({ length: 12 }, (_, i) => ({ i }));
    for (const item of items.slice(0, 8)) deque.push(item);
    for (let i = 0; i < 3; i++) deque.shift();
    for (const item of items.slice(8)) deque.push(item); // full and wrapped at 8, then grows
    expect(deque.toArray()).toEqual(items.slice(3));
    const buffer = (deque as unknown as { _buffer: (object | undefined)[] })._buffer;
    expect(buffer.filter((slot) => slot !== undefined)).toHaveLength(9);
  });

  it("returns undefined from shift() and pop() when empty", () => {
    const deque = new Deque<string>(["a"]);
    expect(deque.pop()).toBe("a");
    expect(deque.shift()).toBeUndefined();
    expect(deque.pop()).toBeUndefined();
    expect(deque.length).toBe(0);
  });

  it("removes the first occurrence only, and reports a miss", () => {
    const deque = new Deque([1, 2, 3, 2, 4]);
    expect(deque.remove(2)).toBe(true);
    expect(deque.toArray()).toEqual([1, 3, 2, 4]);
    expect(deque.remove(7)).toBe(false);
    deque.clear();
    expect(deque.toArray()).toEqual([]);
  });

  it("behaves like an array under any sequence of operations", () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant("push" as const), value: fc.integer() }),
      fc.record({ op: fc.constant("unshift" as const), value: fc.integer() }),
      fc.record({ op: fc.constant("remove" as const), value: fc.integer({ min: -3, max: 3 }) }),
      fc.constantFrom({ op: "shift" as const }, { op: "pop" as const }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const deque = new Deque<number>();
        const model: number[] = [];
        for (const step of ops) {
          switch (step.op) {
            case "push":
              deque.push(step.value);
              model.push(step.value);
              break;
            case "unshift":
              deque.unshift(step.value);
              model.unshift(step.value);
              break;
            case "shift":
              expect(deque.shift()).toBe(model.shift());
              break;
            case "pop":
              expect(deque.pop()).toBe(model.pop());
              break;
            case "remove": {
              const index = model.indexOf(step.value);
              if (index >= 0) model.splice(index, 1);
              expect(deque.remove(step.value)).toBe(index >= 0);
              break;
            }
          }
          expect(deque.length).toBe(model.length);
        }
        expect(deque.toArray()).toEqual(model);
      }),
      { numRuns: 200 },
    );
  });
});
