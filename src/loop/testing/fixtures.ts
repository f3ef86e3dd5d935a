/** Small coroutines the unit tests share (as Effection's test/suite.ts). */
import { expect } from "vitest";
import * as asyncio from "../index.ts";
import type { Coroutine } from "../index.ts";

/** Await `aw` and return what it throws; fail the test if it throws nothing. */
export function* catching(aw: asyncio.Awaitable<unknown>): Coroutine<unknown> {
  try {
    yield* aw;
  } catch (error) {
    return error;
  }
  throw new Error("expected an exception");
}

/** Sleep `delay` seconds, then return `result`. */
export function* value<T>(delay: number, result: T): Coroutine<T> {
  yield* asyncio.sleep(delay);
  return result;
}

/** Sleep `delay` seconds, then throw `ValueError(message)`. */
export function* fail(delay: number, message: string): Coroutine<never> {
  yield* asyncio.sleep(delay);
  throw new asyncio.ValueError(message);
}

/** Compare sets of futures by identity (`toEqual` would iterate, that is await, the futures). */
export function expectMembers(actual: Set<unknown>, expected: unknown[]): void {
  expect(actual.size).toBe(expected.length);
  for (const item of expected) expect(actual.has(item)).toBe(true);
}
