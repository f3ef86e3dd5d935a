import { describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";

describe("coroutine checks", () => {
  function* gen() {}
  function plain() {}

  it("isCoroutineFunction: generator functions only", () => {
    expect(asyncio.isCoroutineFunction(gen)).toBe(true);
    expect(asyncio.isCoroutineFunction(plain)).toBe(false);
    expect(asyncio.isCoroutineFunction(async () => {})).toBe(false);
    expect(asyncio.isCoroutineFunction(42)).toBe(false);
  });

  it("isCoroutine: generator objects and look-alikes, not futures", () => {
    expect(asyncio.isCoroutine(gen())).toBe(true);
    expect(asyncio.isCoroutine(asyncio.sleep(1))).toBe(true);
    expect(asyncio.isCoroutine(gen)).toBe(false);
    expect(asyncio.isCoroutine(new asyncio.Future({ loop: new asyncio.VirtualTimeLoop() }))).toBe(false);
    expect(asyncio.isCoroutine([1])).toBe(false);
    expect(asyncio.isCoroutine(null)).toBe(false);
  });

  it("isAwaitable: objects with an iterator, but not containers", () => {
    expect(asyncio.isAwaitable(gen())).toBe(true);
    expect(asyncio.isAwaitable(new asyncio.Future({ loop: new asyncio.VirtualTimeLoop() }))).toBe(true);
    expect(asyncio.isAwaitable({ *[Symbol.iterator]() {} })).toBe(true);
    for (const container of ["abc", [1], new Uint8Array(1), new Map(), new Set(), {}, 42]) {
      expect(asyncio.isAwaitable(container)).toBe(false);
    }
  });
});
