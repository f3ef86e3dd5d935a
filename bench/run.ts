/**
 * `npm run bench`: every benchmark in `bench/`, one after another, each in its own
 * Node process so that none inherits another's heap or JIT state. Arguments (e.g.
 * `npm run bench -- --quick`, or `--wall`) go to the loop benchmarks.
 *
 * Benchmarks print figures; a figure that misses its target never fails the run. A
 * benchmark that crashes does: the exit status is then non-zero. Last comes one summary
 * table: each benchmark's headline figures, the yardstick measured beside them in the same
 * run (bare promises, native async/await, plain Node), and CPython's asyncio where python3 exists.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatTable, SUMMARY_HEADERS, type SummaryRow, summaryCells } from "./report.ts";

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

interface Benchmark {
  file: string;
  /** Why it cannot run now, or `null`. */
  skip: () => string | null;
  /** Whether it takes our arguments (`--quick`); the others have their own. */
  takesArgs: boolean;
}

const benchmarks: Benchmark[] = [
  { file: "loop.ts", skip: () => null, takesArgs: true },
  { file: "memory.ts", skip: () => null, takesArgs: true },
  { file: "timeline.ts", skip: () => null, takesArgs: true },
  { file: "echo.ts", skip: () => (existsSync(here("echo.ts")) ? null : "not written yet"), takesArgs: false },
  {
    file: "first-output.ts",
    skip: () => (existsSync(here("../dist")) ? null : "no site build: run `npm run build` first"),
    takesArgs: false,
  },
  { file: "python-start.ts", skip: () => (existsSync("/usr/bin/chromium") ? null : "no Chromium at /usr/bin/chromium"), takesArgs: false },
  {
    file: "dcl.ts",
    skip: () => (existsSync(here("../dist")) ? null : "no site build: run `npm run build` first"),
    takesArgs: false,
  },
  {
    file: "page-weight.ts",
    skip: () => (existsSync(here("../dist")) ? null : "no site build: run `npm run build` first"),
    takesArgs: false,
  },
];

if (!existsSync(here("../src/loop/dist/index.js"))) {
  console.error("The loop library is not built: run `npm run build:loop` first.");
  process.exit(1);
}

// Each benchmark hands its headline figures to this file; they are printed together at the end.
const summaryDir = mkdtempSync(join(tmpdir(), "bench-summary-"));
const summaryFile = join(summaryDir, "rows.jsonl");

let failed = 0;
for (const { file, skip, takesArgs } of benchmarks) {
  const reason = skip();
  console.log(`\n=== bench/${file}${reason === null ? "" : ` (skipped: ${reason})`}`);
  if (reason !== null) continue;
  const args = takesArgs ? process.argv.slice(2) : [];
  const child = spawnSync(process.execPath, [here(file), ...args], {
    stdio: "inherit",
    cwd: here(".."),
    env: { ...process.env, BENCH_SUMMARY: summaryFile },
  });
  if (child.status !== 0) {
    failed++;
    console.error(`bench/${file} failed (${child.signal ?? `exit status ${child.status}`})`);
  }
}
const rows: SummaryRow[] = existsSync(summaryFile)
  ? readFileSync(summaryFile, "utf8").trim().split("\n").map((line) => JSON.parse(line) as SummaryRow)
  : [];
rmSync(summaryDir, { recursive: true, force: true });
console.log(
  `\n=== Summary: Node ${process.version}, one run; "ours vs it" is how many times the yardstick we do (higher is better)\n` +
    formatTable(SUMMARY_HEADERS, rows.map(summaryCells)),
);
process.exitCode = failed > 0 ? 1 : 0;
