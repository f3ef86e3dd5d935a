/**
 * Throughput of the loop library against the same workloads in native async/await,
 * measured in one process with tinybench: spawning tasks, and ping-pong through two
 * Queues. Then the instruments' cost: none installed must cost nothing.
 *
 * Figures are medians with a 95% confidence interval (`±`, the farther bound): the
 * machine is shared, and a median shrugs off the runs another process slowed down.
 *
 * Run: `npx node bench/loop.ts` (after `npm run build:loop`), or `npm run bench` for
 * every benchmark. `--quick` runs a tenth of the work, for a smoke run.
 * It reports; it never fails on a figure.
 */
import { Bench, type Task as BenchTask } from "tinybench";
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
} from "./report.ts";
import { instrumentRemovedOptions, noOpInstrument, pingPong, pingPongNative, spawn, spawnNative } from "./workloads.ts";

const quick = process.argv.includes("--quick");
const TASKS = quick ? 10_000 : 100_000;
const MESSAGES = quick ? 20_000 : 200_000;

/** One workload run, as tinybench times it; throws if the workload did not count `expected`. */
function checked(expected: number, run: () => Promise<number>): () => Promise<void> {
  return async () => {
    const count = await run();
    if (count !== expected) throw new Error(`expected ${expected}, counted ${count}`);
  };
}

const bench = new Bench({
  name: "loop",
  time: quick ? 300 : 1_500,
  iterations: quick ? 3 : 15,
  warmupTime: quick ? 100 : 500,
  warmupIterations: quick ? 10 : 5,
  retainSamples: true,
  throws: true,
});

const spawnOne = `spawn ${formatNumber(TASKS)} tasks`;
const pingPongOne = `ping-pong ${formatNumber(MESSAGES)} messages`;

// Each group back to back, so that the figures compared are taken in the same conditions.
bench
  .add(`${spawnOne}: ours`, checked(TASKS, () => spawn(TASKS)))
  .add(`${spawnOne}: instrument removed`, checked(TASKS, () => spawn(TASKS, instrumentRemovedOptions())))
  .add(`${spawnOne}: no-op instrument`, checked(TASKS, () => spawn(TASKS, { instruments: [noOpInstrument()] })))
  .add(`${spawnOne}: native`, checked(TASKS, () => spawnNative(TASKS)))
  .add(`${pingPongOne}: ours`, checked(MESSAGES, () => pingPong(MESSAGES)))
  .add(`${pingPongOne}: instrument removed`, checked(MESSAGES, () => pingPong(MESSAGES, instrumentRemovedOptions())))
  .add(
    `${pingPongOne}: no-op instrument`,
    checked(MESSAGES, () => pingPong(MESSAGES, { instruments: [noOpInstrument()] })),
  )
  .add(`${pingPongOne}: native`, checked(MESSAGES, () => pingPongNative(MESSAGES)));

console.log(
  `Loop throughput: Node ${process.version}, tinybench, median ±95% confidence interval${quick ? " (--quick)" : ""}`,
);
await bench.run();

/** Work units per second of a finished task: the median run, with its interval. */
function rate(name: string, units: number): Estimate {
  const task: BenchTask | undefined = bench.getTask(name);
  const result = task?.result;
  if (result === undefined || result.state !== "completed" || result.latency.samples === undefined) {
    throw new Error(`${name}: ${result?.state ?? "missing"}`);
  }
  return mapEstimate(medianInterval(result.latency.samples), (ms) => (units * 1000) / ms);
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

const throughputRows = groups.map(({ label, prefix, units, reference }) => {
  const ours = rate(`${prefix}: ours`, units);
  const native = rate(`${prefix}: native`, units);
  return [
    label,
    `${formatEstimate(ours)} ${reference.unit}`,
    `${formatEstimate(native)} ${reference.unit}`,
    formatRatio(ours.value, native.value),
    formatTarget(reference),
    meetsTarget(reference, ours.value) ? "yes" : "NO",
    formatNumber(reference.cpython),
    formatNumber(reference.uvloop),
  ];
});
console.log(
  "\n" +
    formatTable(
      ["workload", "ours", "native async/await", "ours/native", "target", "met", "CPython 3.11", "uvloop"],
      throughputRows,
    ),
);

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
    "CPython 3.11 asyncio and uvloop: the issue's figures, same machine.",
);
