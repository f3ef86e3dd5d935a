/** Smoke test of the benchmarks: every workload runs to completion at a tiny size and counts right. Never timed. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Instrument, InstrumentHook } from "asyncio";
import { describe, expect, it } from "vitest";
import { formatNumber, formatTable, meetsTarget, PING_PONG, SLEEPING } from "./report.ts";
import {
  instrumentRemovedOptions,
  noOpInstrument,
  pingPong,
  pingPongNative,
  sleeping,
  sleepingNative,
  spawn,
  spawnNative,
} from "./workloads.ts";

const HOOKS: InstrumentHook[] = [
  "beforeRun",
  "afterRun",
  "taskSpawned",
  "taskScheduled",
  "beforeTaskStep",
  "afterTaskStep",
  "taskExited",
  "callbackScheduled",
  "beforeCallback",
  "afterCallback",
  "timerScheduled",
];

/** An instrument counting its calls per hook. */
function countingInstrument(): { instrument: Instrument; calls: Map<InstrumentHook, number> } {
  const calls = new Map<InstrumentHook, number>();
  const instrument: Instrument = {};
  for (const hook of HOOKS) instrument[hook] = () => void calls.set(hook, (calls.get(hook) ?? 0) + 1);
  return { instrument, calls };
}

describe("spawn", () => {
  it("runs every task past its sleep(0), on our loop and natively", async () => {
    expect(await spawn(1_000)).toBe(1_000);
    expect(await spawnNative(1_000)).toBe(1_000);
  });

  it("reports each task to an installed instrument", async () => {
    const { instrument, calls } = countingInstrument();
    expect(await spawn(1_000, { instruments: [instrument] })).toBe(1_000);
    expect(calls.get("taskSpawned")).toBe(1_001); // the workers and the main task
    expect(calls.get("taskExited")).toBe(1_001);
  });

  it("reports nothing to an instrument removed before the run", async () => {
    const { instrument, calls } = countingInstrument();
    expect(await spawn(1_000, instrumentRemovedOptions(instrument))).toBe(1_000);
    expect(calls.size).toBe(0);
  });

  it("completes with the no-op instrument, which has every hook", async () => {
    expect(Object.keys(noOpInstrument()).sort()).toEqual([...HOOKS].sort());
    expect(await spawn(1_000, { instruments: [noOpInstrument()] })).toBe(1_000);
  });
});

describe("ping-pong", () => {
  it("delivers all 1,000 messages in order, on our loop and natively", async () => {
    expect(await pingPong(1_000)).toBe(1_000);
    expect(await pingPongNative(1_000)).toBe(1_000);
  });

  it("completes with an instrument installed, and with one removed", async () => {
    expect(await pingPong(1_000, { instruments: [noOpInstrument()] })).toBe(1_000);
    expect(await pingPong(1_000, instrumentRemovedOptions())).toBe(1_000);
  });

  it("refuses a message count that cannot be split into pings and pongs", async () => {
    await expect(pingPong(999)).rejects.toThrow(RangeError);
    await expect(pingPongNative(0)).rejects.toThrow(RangeError);
  });
});

describe("sleeping tasks", () => {
  it("has every task asleep at the peak, then cancels them all", async () => {
    const peaks: number[] = [];
    expect(await sleeping(1_000, (count) => peaks.push(count))).toBe(1_000);
    expect(peaks).toEqual([1_000]);
  });

  it("has every native sleeper waiting on its timer at the peak, then clears the timers", async () => {
    const peaks: number[] = [];
    expect(await sleepingNative(1_000, (count) => peaks.push(count))).toBe(1_000);
    expect(peaks).toEqual([1_000]);
  });

  it("measures bytes per task in a --expose-gc child", () => {
    const script = fileURLToPath(new URL("./memory.ts", import.meta.url));
    for (const variant of ["ours", "native"]) {
      const child = spawnSync(process.execPath, ["--expose-gc", script, "--measure", variant, "1000"], {
        encoding: "utf8",
      });
      expect(child.stderr).toBe("");
      const measurement = JSON.parse(child.stdout) as { bytesPerTask: number; sleeping: number; finished: number };
      expect(measurement).toMatchObject({ sleeping: 1_000, finished: 1_000 });
      expect(Number.isFinite(measurement.bytesPerTask)).toBe(true);
    }
  });
});

describe("report", () => {
  it("formats figures compactly", () => {
    expect(formatNumber(2_310_000)).toBe("2.31M");
    expect(formatNumber(512_345)).toBe("512k");
    expect(formatNumber(1_468)).toBe("1.5k");
    expect(formatNumber(640)).toBe("640");
  });

  it("holds rates to a floor and sizes to a ceiling", () => {
    expect(meetsTarget(PING_PONG, 2_000_000)).toBe(true);
    expect(meetsTarget(PING_PONG, 1_999_999)).toBe(false);
    expect(meetsTarget(SLEEPING, 700)).toBe(true);
    expect(meetsTarget(SLEEPING, 701)).toBe(false);
  });

  it("aligns labels left and figures right", () => {
    expect(formatTable(["workload", "ours"], [["spawn", "5k"], ["ping-pong", "10k"]])).toBe(
      ["workload   ours", "---------  ----", "spawn        5k", "ping-pong   10k"].join("\n"),
    );
  });
});
