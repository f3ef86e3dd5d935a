/** Smoke test of the benchmarks: every workload runs to completion at a tiny size and counts right. Never timed. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as asyncio from "asyncio";
import type { Instrument, InstrumentHook } from "asyncio";
import { describe, expect, it } from "vitest";
import {
  formatEstimate,
  formatNumber,
  formatTable,
  mapEstimate,
  medianInterval,
  meetsTarget,
  overlap,
  PING_PONG,
  SLEEPING,
} from "./report.ts";
import {
  instrumentRemovedOptions,
  noOpInstrument,
  pingPong,
  pingPongNative,
  sleeping,
  sleepingNative,
  spawn,
  spawnBareGenerators,
  spawnNative,
} from "./workloads.ts";

const HOOKS = asyncio.instrumentHooks;

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
    expect(await spawnBareGenerators(1_000)).toBe(1_000);
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

describe("the benchmark scripts", () => {
  /** Run `bench/<file> --quick` under this Node, as `npm run bench` would. */
  function runQuick(file: string): { status: number | null; stdout: string; stderr: string } {
    const script = fileURLToPath(new URL(file, import.meta.url));
    return spawnSync(process.execPath, [script, "--quick"], { encoding: "utf8", timeout: 120_000 });
  }

  it("loop.ts prints its throughput and instrument tables", () => {
    const { status, stdout, stderr } = runQuick("./loop.ts");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(/^spawn 10k tasks, each sleep\(0\) once .* tasks\/s .* tasks\/s .*≥ 500k/m);
    expect(stdout).toMatch(/^ping-pong 20k messages between 2 tasks, 2 Queues .* msgs\/s .* msgs\/s .*≥ 2\.00M/m);
    // The instruments table: a row per workload, starting with the figure with none installed.
    expect(stdout).toMatch(/^spawn 10k tasks +[\d.]+[kM]? ±[\d.]+% tasks\/s /m);
    expect(stdout).toMatch(/^ping-pong 20k messages +[\d.]+[kM]? ±[\d.]+% msgs\/s /m);
  }, 120_000);

  it("memory.ts prints bytes per sleeping task", () => {
    const { status, stdout, stderr } = runQuick("./memory.ts");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(/^10k sleeping tasks, each sleep\(3600\) +\d+ bytes\/task +\d+ bytes\/task .*≤ 700/m);
  }, 120_000);
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

  it("estimates a median between two order statistics, ignoring an outlier", () => {
    const samples = [12, 10, 11, 13, 10, 11, 12, 11, 10, 500, 11, 12, 11, 13, 12];
    expect(medianInterval(samples)).toEqual({ value: 11, low: 10, high: 13 });
    expect(medianInterval([4, 1, 3, 2])).toMatchObject({ value: 2.5, low: 1, high: 4 });
    expect(() => medianInterval([])).toThrow(RangeError);
  });

  it("turns durations into rates, swapping the bounds, and compares intervals", () => {
    const rate = mapEstimate({ value: 20, low: 10, high: 40 }, (ms) => 1000 / ms);
    expect(rate).toEqual({ value: 50, low: 25, high: 100 });
    expect(formatEstimate(rate)).toBe("50 ±100.0%");
    expect(overlap({ value: 1, low: 0, high: 2 }, { value: 3, low: 2, high: 4 })).toBe(true);
    expect(overlap({ value: 1, low: 0, high: 2 }, { value: 4, low: 3, high: 5 })).toBe(false);
  });

  it("aligns labels left and figures right", () => {
    expect(formatTable(["workload", "ours"], [["spawn", "5k"], ["ping-pong", "10k"]])).toBe(
      ["workload   ours", "---------  ----", "spawn        5k", "ping-pong   10k"].join("\n"),
    );
  });
});
