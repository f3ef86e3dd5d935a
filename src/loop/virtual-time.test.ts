import { describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";
import type { Coroutine } from "./index.ts";
import { LOOP_KINDS, virtual } from "./testing/loops.ts";

/** A program whose output depends only on ordering and on the clock's readings, scaled by `unit`. */
function* program(unit: number): Coroutine<string[]> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const log: string[] = [];
  const stamp = () => Math.round((loop.time() - start) / unit);
  function* worker(name: string, delays: number[]): Coroutine<void> {
    for (const delay of delays) {
      yield* asyncio.sleep(delay * unit);
      log.push(`${name}@${stamp()}`);
    }
  }
  yield* asyncio.gather(worker("a", [1, 2, 3]), worker("b", [2, 2]), worker("c", [5]));
  return log;
}

describe("VirtualTimeLoop", () => {
  it("starts at 0 and jumps to each deadline, taking no real time", async () => {
    const started = Date.now();
    const readings = await virtual.run(function* () {
      const loop = asyncio.getRunningLoop();
      const readings = [loop.time()];
      yield* asyncio.sleep(86400);
      readings.push(loop.time());
      loop.callLater(0.25, () => readings.push(loop.time()));
      yield* asyncio.sleep(1);
      readings.push(loop.time());
      return readings;
    });
    expect(readings).toEqual([0, 86400, 86400.25, 86401]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("gives the same order and readings as the real-time loop", async () => {
    const onVirtual = await virtual.run(() => program(1));
    // 0.1 s units: a busy machine's late timers (tens of ms) cannot change a rounded reading.
    const onReal = await LOOP_KINDS[0]!.run(() => program(0.1));
    expect(onVirtual).toEqual(["a@1", "b@2", "a@3", "b@4", "c@5", "a@6"]);
    expect(onReal).toEqual(onVirtual);
  });

  it("does not move while callbacks are ready", async () => {
    const readings = await virtual.run(function* () {
      const loop = asyncio.getRunningLoop();
      const readings: number[] = [];
      for (let i = 0; i < 1000; i++) yield* asyncio.sleep(0);
      readings.push(loop.time());
      return readings;
    });
    expect(readings).toEqual([0]);
  });

  it("can start elsewhere and be advanced by hand", async () => {
    const loop = new asyncio.VirtualTimeLoop(100);
    expect(loop.time()).toBe(100);
    loop.advance(5);
    loop.advance(-3); // never backwards
    expect(loop.time()).toBe(105);
    const fired: number[] = [];
    loop.callAt(110, () => fired.push(loop.time()));
    loop.callAt(110, () => loop.stop());
    await loop.runForever();
    expect(fired).toEqual([110]);
    loop.close();
  });

  it("waits for outside work when no timer is pending, instead of spinning", async () => {
    const result = await virtual.run(function* () {
      const loop = asyncio.getRunningLoop();
      const fut = loop.createFuture<number>();
      setTimeout(() => loop.callSoonThreadsafe(() => fut.setResult(loop.time())), 5);
      return yield* fut;
    });
    expect(result).toBe(0);
  });

  it("is selected for every new loop through the policy", async () => {
    asyncio.setEventLoopPolicy(new asyncio.DefaultEventLoopPolicy(() => new asyncio.VirtualTimeLoop()));
    try {
      expect(asyncio.newEventLoop()).toBeInstanceOf(asyncio.VirtualTimeLoop);
      expect(await asyncio.run(program(1))).toEqual(["a@1", "b@2", "a@3", "b@4", "c@5", "a@6"]);
    } finally {
      asyncio.setEventLoopPolicy(null);
    }
  });
});
