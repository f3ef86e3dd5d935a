/** Test helpers: run a suite against every loop implementation (CPython's test mixins), capture the log. */
import { describe } from "vitest";
import { BaseEventLoop } from "../base-events.ts";
import type { Coroutine } from "../coroutines.ts";
import { logger } from "../log.ts";
import { run, type RunOptions } from "../runners.ts";
import { VirtualTimeLoop } from "../virtual-time.ts";

/** One loop implementation under test. */
export interface LoopKind {
  name: string;
  create(): BaseEventLoop;
  /** `asyncio.run(main(), { loopFactory: create, ...options })`. */
  run<T>(main: () => Coroutine<T>, options?: RunOptions): Promise<T>;
}

function kind(name: string, create: () => BaseEventLoop): LoopKind {
  return {
    name,
    create,
    run: (main, options = {}) => run(main(), { loopFactory: create, ...options }),
  };
}

/** The real-time loop and the virtual-time loop. Shared suites keep real delays to a few milliseconds. */
export const LOOP_KINDS: readonly LoopKind[] = [
  kind("BaseEventLoop", () => new BaseEventLoop()),
  kind("VirtualTimeLoop", () => new VirtualTimeLoop()),
];

/** The virtual-time loop, for tests that sleep for long or read the clock. */
export const virtual: LoopKind = LOOP_KINDS[1]!;

/** `describe(title)` once per loop implementation, with that implementation. */
export function describeEachLoop(title: string, suite: (loop: LoopKind) => void): void {
  for (const loop of LOOP_KINDS) describe(`${title} [${loop.name}]`, () => suite(loop));
}

/** Run `fn` while capturing what the library logs to stderr; returns its result and the records. */
export async function captureLog<T>(fn: () => T | Promise<T>): Promise<[T, string[]]> {
  const records: string[] = [];
  const saved = logger.write;
  logger.write = (text) => void records.push(text);
  try {
    return [await fn(), records];
  } finally {
    logger.write = saved;
  }
}
