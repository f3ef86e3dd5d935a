/**
 * Memory held per sleeping task: 100k tasks asleep at once, ours against native
 * async/await. Each figure is `process.memoryUsage().heapUsed` after full garbage
 * collections, at the peak minus before the tasks exist, divided by the task count;
 * it is taken in a fresh `node --expose-gc` child (so the two never share a heap), three
 * times, and the median printed.
 *
 * Run: `npx node bench/memory.ts` (after `npm run build:loop`), or `npm run bench` for
 * every benchmark. `--quick` measures 10k tasks, once. It reports; it never fails on a figure.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { addSummary, formatNumber, formatRatio, formatTable, formatTarget, meetsTarget, SLEEPING } from "./report.ts";
import { type AtPeak, sleeping, sleepingNative } from "./workloads.ts";

type Variant = "ours" | "native";

/** What one child measures. */
interface Measurement {
  bytesPerTask: number;
  /** Tasks asleep at the peak, and tasks that ended cancelled (ours) or timers cleared (native). */
  sleeping: number;
  finished: number;
}

const MEASURE = "--measure";
const WARM_UP_TASKS = 1_000;

function run(variant: Variant, n: number, atPeak: AtPeak): Promise<number> {
  return variant === "ours" ? sleeping(n, atPeak) : sleepingNative(n, atPeak);
}

/** Child: measure `n` sleeping tasks of `variant`, print a `Measurement` as JSON. */
async function measure(variant: Variant, n: number): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with node --expose-gc");
  const heapUsed = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  // Compile and warm the code paths first, so that the delta is the tasks' alone.
  await run(variant, WARM_UP_TASKS, () => {});
  const before = heapUsed();
  let peak = before;
  let asleep = 0;
  const finished = await run(variant, n, (count) => {
    asleep = count;
    peak = heapUsed();
  });
  const result: Measurement = { bytesPerTask: (peak - before) / n, sleeping: asleep, finished };
  process.stdout.write(JSON.stringify(result));
}

/** Parent: one measurement in a fresh child. */
function measureInChild(variant: Variant, n: number): Measurement {
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", fileURLToPath(import.meta.url), MEASURE, variant, String(n)],
    { encoding: "utf8" },
  );
  if (child.status !== 0) throw new Error(`memory child (${variant}) failed:\n${child.stderr}`);
  const measurement = JSON.parse(child.stdout) as Measurement;
  if (measurement.sleeping !== n || measurement.finished !== n) {
    throw new Error(`${variant}: ${measurement.sleeping} of ${n} asleep, ${measurement.finished} finished`);
  }
  return measurement;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const at = process.argv.indexOf(MEASURE);
if (at >= 0) {
  await measure(process.argv[at + 1] as Variant, Number(process.argv[at + 2]));
} else {
  const quick = process.argv.includes("--quick");
  const n = quick ? 10_000 : 100_000;
  const repeats = quick ? 1 : 3;
  const figure = (variant: Variant) =>
    median(Array.from({ length: repeats }, () => measureInChild(variant, n).bytesPerTask));
  const ours = figure("ours");
  const native = figure("native");
  addSummary({
    workload: `${formatNumber(n)} sleeping tasks, memory per task`,
    ours: `${ours.toFixed(0)} bytes`,
    yardstick: `${native.toFixed(0)} (a native promise)`,
    ratio: formatRatio(native, ours),
    cpython: "—",
    vsCpython: "—",
    target: "≥ 1.00×",
    met: ours < native ? "yes" : "NO",
  });
  console.log(
    `Loop memory: Node ${process.version}, heapUsed after full GCs, median of ${repeats}${quick ? " (--quick)" : ""}\n` +
      formatTable(
        ["workload", "ours", "native async/await", "ours/native", "target", "met", "CPython 3.11", "uvloop"],
        [
          [
            `${formatNumber(n)} sleeping tasks, each sleep(3600)`,
            `${ours.toFixed(0)} ${SLEEPING.unit}`,
            `${native.toFixed(0)} ${SLEEPING.unit}`,
            formatRatio(ours, native),
            formatTarget(SLEEPING),
            meetsTarget(SLEEPING, ours) ? "yes" : "NO",
            SLEEPING.cpython.toLocaleString("en-US"),
            SLEEPING.uvloop.toLocaleString("en-US"),
          ],
        ],
      ),
  );
}
