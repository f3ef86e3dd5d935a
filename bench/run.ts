/**
 * `npm run bench`: every benchmark in `bench/`, one after another, each in its own
 * Node process so that none inherits another's heap or JIT state. Arguments (e.g.
 * `npm run bench -- --quick`, or `--wall`) go to the loop benchmarks.
 *
 * Benchmarks print figures; a figure that misses its target never fails the run. A
 * benchmark that crashes does: the exit status is then non-zero.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

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

let failed = 0;
for (const { file, skip, takesArgs } of benchmarks) {
  const reason = skip();
  console.log(`\n=== bench/${file}${reason === null ? "" : ` (skipped: ${reason})`}`);
  if (reason !== null) continue;
  const args = takesArgs ? process.argv.slice(2) : [];
  const child = spawnSync(process.execPath, [here(file), ...args], { stdio: "inherit", cwd: here("..") });
  if (child.status !== 0) {
    failed++;
    console.error(`bench/${file} failed (${child.signal ?? `exit status ${child.status}`})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
