/**
 * Throughput of the loop library against the same workloads in native async/await,
 * measured in one process with tinybench: spawning tasks, and ping-pong through two
 * Queues. Then the instruments' cost: none installed must cost nothing.
 *
 * Runs are timed in this process's CPU time (`--wall` for wall-clock time): the
 * machine is shared, and another process's load stretches wall-clock time, not ours.
 * Garbage collection threads count too, so the figure errs low, never high. Figures
 * are medians with a 95% confidence interval (`±`, the farther bound).
 *
 * Run: `npx node bench/loop.ts` (after `npm run build:loop`), or `npm run bench` for
 * every benchmark. `--quick` runs a tenth of the work, for a smoke run. Runs in
 * `node --expose-gc` (re-running itself so if need be), to collect between runs.
 * It reports; it never fails on a figure.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Bench, type Task as BenchTask } from "tinybench";
import { requireGc } from "./expose-gc.ts";
import {
  type Estimate,
  formatEstimate,
  formatNumber,
  formatRatio,
  formatTable,
  formatTarget,
  mapEstimate,
  medianInterval,
  meetsTarget,
  overlap,
  PING_PONG,
  type Reference,
  SPAWN,
  addSummary,
} from "./report.ts";
import { instrumentRemovedOptions, noOpInstrument, pingPong, pingPongNative, spawn, spawnBareGenerators, spawnNative } from "./workloads.ts";

const gc = requireGc();
const quick = process.argv.includes("--quick");
const wall = process.argv.includes("--wall");
const TASKS = quick ? 10_000 : 100_000;
const MESSAGES = quick ? 20_000 : 200_000;
const WARM_UP_ROUNDS = 5;
const ROUNDS = quick ? 1 : 4;
const ITERATIONS = quick ? 3 : 5;

/** One workload run, as tinybench times it; throws if the workload did not count `expected`. */
function checked(expected: number, run: () => Promise<number>): () => Promise<void> {
  return async () => {
    const count = await run();
    if (count !== expected) throw new Error(`expected ${expected}, counted ${count}`);
  };
}

/** This process's CPU time (all threads, user and system), in ms: what the work costs, whatever else the machine runs. */
function cpuTime(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPython's asyncio on the same workloads (bench/cpython.py), measured now, before ours; `null` without python3. */
interface CPythonRates {
  python: string;
  spawn: number;
  pingPong: number;
}
function measureCPython(): CPythonRates | null {
  const python = ["/usr/bin/python3", "/usr/local/bin/python3"].find((path) => existsSync(path));
  if (python === undefined) return null;
  const script = fileURLToPath(new URL("cpython.py", import.meta.url));
  const child = spawnSync(python, [script, ...(quick ? ["--quick"] : [])], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`bench/cpython.py failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as CPythonRates;
}
const cpython = measureCPython();

const bench = new Bench({
  name: "loop",
  ...(wall ? {} : { now: cpuTime }),
  time: 0, // the iteration count alone decides
  iterations: ITERATIONS,
  warmup: false, // done below, for every workload at once
  retainSamples: true,
  throws: true,
});

const spawnOne = `spawn ${formatNumber(TASKS)} tasks`;
const pingPongOne = `ping-pong ${formatNumber(MESSAGES)} messages`;

const workloads: [name: string, run: () => Promise<void>][] = [
  [`${spawnOne}: ours`, checked(TASKS, () => spawn(TASKS))],
  [`${spawnOne}: instrument removed`, checked(TASKS, () => spawn(TASKS, instrumentRemovedOptions()))],
  [`${spawnOne}: no-op instrument`, checked(TASKS, () => spawn(TASKS, { instruments: [noOpInstrument()] }))],
  [`${spawnOne}: native`, checked(TASKS, () => spawnNative(TASKS))],
  [`${spawnOne}: bare generators`, checked(TASKS, () => spawnBareGenerators(TASKS))],
  [`${pingPongOne}: ours`, checked(MESSAGES, () => pingPong(MESSAGES))],
  [`${pingPongOne}: instrument removed`, checked(MESSAGES, () => pingPong(MESSAGES, instrumentRemovedOptions()))],
  [`${pingPongOne}: no-op instrument`, checked(MESSAGES, () => pingPong(MESSAGES, { instruments: [noOpInstrument()] }))],
  [`${pingPongOne}: native`, checked(MESSAGES, () => pingPongNative(MESSAGES))],
];
// Every workload in several rounds, pooled afterwards: figures compared are then taken
// side by side, not one block after the other while the machine's load drifts.
// Each run starts on a collected young generation, so that none pays for the short-lived
// garbage of the one before. Not a full collection: a forced one lets V8 drop the shapes
// (maps) of classes that have no live instance left, and the code optimized for them, so
// each of our runs would start deoptimized (about 3x slower; native async/await, whose
// shapes are built in, is unaffected), which no program that does not force collections
// meets. (tinybench calls beforeEach with its mode, "run", which gc() reads as minor too.)
const collectYoung = (): void => gc({ type: "minor" });
for (let round = 1; round <= ROUNDS; round++) {
  for (const [name, run] of workloads) bench.add(`${name} #${round}`, run, { beforeEach: collectYoung });
}

console.log(
  `Loop throughput: Node ${process.version}, tinybench, ${wall ? "wall-clock" : "CPU"} time, ` +
    `median of ${ROUNDS * ITERATIONS} runs ±95% confidence interval${quick ? " (--quick)" : ""}`,
);
// Every workload in turn before any is timed: the first one timed would otherwise
// also pay for compiling the code the later ones share.
for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const [, run] of workloads) await run();
await bench.run();

/** Work units per second of a workload: the median of its runs over all rounds, with its interval. */
function rate(name: string, units: number): Estimate {
  const samples: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const task: BenchTask | undefined = bench.getTask(`${name} #${round}`);
    const result = task?.result;
    if (result === undefined || result.state !== "completed" || result.latency.samples === undefined) {
      throw new Error(`${name} #${round}: ${result?.state ?? "missing"}`);
    }
    samples.push(...result.latency.samples);
  }
  return mapEstimate(medianInterval(samples), (ms) => (units * 1000) / ms);
}

interface Group {
  label: string;
  prefix: string;
  units: number;
  reference: Reference;
}

const groups: Group[] = [
  { label: `${spawnOne}, each sleep(0) once`, prefix: spawnOne, units: TASKS, reference: SPAWN },
  { label: `${pingPongOne} between 2 tasks, 2 Queues`, prefix: pingPongOne, units: MESSAGES, reference: PING_PONG },
];

/** What issue 18 asks of each workload, against native async/await (bare promises). */
const RATIO_TARGETS: Record<string, number> = { [spawnOne]: 1.5, [pingPongOne]: 0.67 };

const throughputRows = groups.map(({ label, prefix, units, reference }) => {
  const ours = rate(`${prefix}: ours`, units);
  const native = rate(`${prefix}: native`, units);
  const python = cpython === null ? null : prefix === spawnOne ? cpython.spawn : cpython.pingPong;
  const target = RATIO_TARGETS[prefix]!;
  addSummary({
    workload: label,
    ours: `${formatNumber(ours.value)} ${reference.unit}`,
    yardstick: `${formatNumber(native.value)} (${prefix === spawnOne ? "native async/await" : "bare promises"})`,
    ratio: formatRatio(ours.value, native.value),
    cpython: python === null ? "—" : `${formatNumber(python)} (${cpython!.python})`,
    vsCpython: python === null ? "—" : formatRatio(ours.value, python),
    target: `≥ ${target.toFixed(2)}×`,
    met: ours.value / native.value >= target ? "yes" : "NO",
  });
  return [
    label,
    `${formatEstimate(ours)} ${reference.unit}`,
    `${formatEstimate(native)} ${reference.unit}`,
    formatRatio(ours.value, native.value),
    formatTarget(reference),
    meetsTarget(reference, ours.value) ? "yes" : "NO",
    python === null ? "—" : formatNumber(python),
    formatNumber(reference.uvloop),
  ];
});
console.log(
  "\n" +
    formatTable(
      ["workload", "ours", "native async/await", "ours/native", "target", "met", `CPython ${cpython?.python ?? "(no python3)"}`, "uvloop (issue)"],
      throughputRows,
    ),
);

{
  // The floor under a generator-based loop (see spawnBareGenerators): how far a port of asyncio can go.
  const ours = rate(`${spawnOne}: ours`, TASKS);
  const native = rate(`${spawnOne}: native`, TASKS);
  const bare = rate(`${spawnOne}: bare generators`, TASKS);
  console.log(
    `\nThe floor for spawn: ${spawnOne} on bare generators (a ready array, a one-shot sleep(0), nothing of asyncio) ` +
      `${formatEstimate(bare)} tasks/s, ${formatRatio(bare.value, native.value)} native async/await; ours is ${formatRatio(ours.value, bare.value)} of it.`,
  );
}

const instrumentRows = groups.map(({ prefix, units, reference }) => {
  const none = rate(`${prefix}: ours`, units);
  const removed = rate(`${prefix}: instrument removed`, units);
  const installed = rate(`${prefix}: no-op instrument`, units);
  const delta = (removed.value / none.value - 1) * 100;
  return [
    prefix,
    `${formatEstimate(none)} ${reference.unit}`,
    `${formatEstimate(removed)} ${reference.unit}`,
    `${delta >= 0 ? "+" : ""}${delta.toFixed(1)}%`,
    overlap(none, removed) ? "yes" : "NO",
    `${formatEstimate(installed)} ${reference.unit}`,
    formatRatio(installed.value, none.value),
  ];
});
console.log(
  "\nInstruments: none installed must cost nothing (\"removed\": one was added to the loop, then removed)\n" +
    formatTable(
      ["workload", "no instrument", "instrument removed", "difference", "within noise", "one no-op instrument", "vs none"],
      instrumentRows,
    ),
);
console.log(
  "\nA message is one item through one queue. Within noise: the two 95% intervals overlap.\n" +
    "CPython asyncio: bench/cpython.py, the same workloads, measured in this run (CPU time, median of 5); uvloop: the issue's figure.",
);
