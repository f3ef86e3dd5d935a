/** The targets and reference figures the benchmarks print next to ours, and the tables they print. */
import { appendFileSync } from "node:fs";

/** What one workload is held to, and what asyncio itself does on this machine. */
export interface Reference {
  unit: string;
  /** `true` for rates (more is better), `false` for sizes (less is better). */
  higherIsBetter: boolean;
  target: number;
  /** CPython 3.11 asyncio, measured on this machine (from the issue). */
  cpython: number;
  /** uvloop on CPython, same machine. */
  uvloop: number;
}

export const SPAWN: Reference = { unit: "tasks/s", higherIsBetter: true, target: 500_000, cpython: 50_000, uvloop: 52_000 };
export const PING_PONG: Reference = {
  unit: "msgs/s",
  higherIsBetter: true,
  target: 2_000_000,
  cpython: 106_000,
  uvloop: 137_000,
};
export const SLEEPING: Reference = { unit: "bytes/task", higherIsBetter: false, target: 700, cpython: 1_468, uvloop: 1_782 };

/** `true` if `value` meets the reference's target. */
export function meetsTarget(reference: Reference, value: number): boolean {
  return reference.higherIsBetter ? value >= reference.target : value <= reference.target;
}

/** `"≥ 500k"` or `"≤ 700"`. */
export function formatTarget(reference: Reference): string {
  return `${reference.higherIsBetter ? "≥" : "≤"} ${formatNumber(reference.target)}`;
}

/** A compact figure: `512k`, `2.31M`, `640`. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${Math.round(value / 1e3)}k`;
  if (abs >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
  return value.toFixed(0);
}

/** A median and a 95% confidence interval for it. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/**
 * The median of `samples` and a distribution-free 95% confidence interval for it,
 * between two order statistics (the binomial's normal approximation). Robust to the
 * outliers a busy machine produces, where a mean and its margin are not.
 */
export function medianInterval(samples: readonly number[]): Estimate {
  if (samples.length === 0) throw new RangeError("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = n >> 1;
  const value = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  // Ranks n/2 ∓ 1.96·√n/2, the upper one plus 1, as 1-based ranks (Conover); indices are 0-based.
  const spread = (1.96 * Math.sqrt(n)) / 2;
  const low = sorted[Math.max(0, Math.floor(n / 2 - spread) - 1)]!;
  const high = sorted[Math.min(n - 1, Math.ceil(n / 2 + spread))]!;
  return { value, low, high };
}

/** `f` applied to an estimate; `f` decreasing (a rate from a duration) swaps the bounds. */
export function mapEstimate(estimate: Estimate, f: (x: number) => number): Estimate {
  const a = f(estimate.low);
  const b = f(estimate.high);
  return { value: f(estimate.value), low: Math.min(a, b), high: Math.max(a, b) };
}

/** `true` if the two confidence intervals overlap: the difference is within noise. */
export function overlap(a: Estimate, b: Estimate): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/** `512k ±2.1%`: the value and the farther bound of its interval, relative. */
export function formatEstimate(estimate: Estimate): string {
  const margin = Math.max(estimate.value - estimate.low, estimate.high - estimate.value) / estimate.value;
  return `${formatNumber(estimate.value)} ±${(margin * 100).toFixed(1)}%`;
}

/** `"4.20×"`: how many times `a` is `b`. */
export function formatRatio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

/** A plain-text table: a header row, a rule, the rows; the first column (the label) left-aligned, the others right-aligned. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * One row of the table `npm run bench` prints last: a figure of ours, the yardstick on the
 * same machine in the same run (bare promises, native async/await or plain Node), and
 * CPython's asyncio where `python3` exists, as ratios.
 */
export interface SummaryRow {
  workload: string;
  ours: string;
  yardstick: string;
  /** How many times the yardstick ours is (higher is better), e.g. `0.72×`. */
  ratio: string;
  cpython: string;
  /** How many times CPython's asyncio ours is (higher is better), or "—". */
  vsCpython: string;
  /** The ratio the issue asks for, e.g. `≥ 0.67×`. */
  target: string;
  met: string;
}

export const SUMMARY_HEADERS = ["workload", "ours", "yardstick (same run)", "ours vs it", "CPython asyncio", "ours vs CPython", "target", "met"];

/** Hand a row to `npm run bench`'s summary (a file named by `BENCH_SUMMARY`); printed alone, it does nothing. */
export function addSummary(row: SummaryRow): void {
  const file = process.env.BENCH_SUMMARY;
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
}

/** The summary rows handed in, as table cells. */
export function summaryCells(row: SummaryRow): string[] {
  return [row.workload, row.ours, row.yardstick, row.ratio, row.cpython, row.vsCpython, row.target, row.met];
}
