/**
 * Runs every exercise's Python solution with CPython 3.11 and records its stdout in the
 * exercise's ` ```output python ` block, the way the chapters record their cells' Python
 * output. Also checks that each Python starter parses.
 *
 *   npx node scripts/record-exercise-python.ts           rewrite the blocks that differ
 *   npx node scripts/record-exercise-python.ts --check   only report them (exit 1 if any)
 *
 * Python: /usr/bin/python3 when it exists (Debian's CPython 3.11), else `python3`, or $PYTHON.
 * The tests never run Python: they compare the recorded output with the TypeScript's.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { recordPythonOutputs } from "../src/exercises/record.ts";

const PYTHON = process.env.PYTHON ?? (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
const contentDir = join(import.meta.dirname, "..", "content");
const checkOnly = process.argv.includes("--check");

const version = execFileSync(PYTHON, ["--version"], { encoding: "utf8" }).trim();
if (!version.startsWith("Python 3.11.")) {
  console.error(`${PYTHON} is ${version}; the recorded outputs are CPython 3.11's. Set PYTHON to a 3.11 interpreter.`);
  process.exit(1);
}

function python(args: string[], input: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(PYTHON, args, { input, encoding: "utf8", timeout: 60_000, env: { ...process.env, PYTHONHASHSEED: "0" } });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

let stale = 0;
let failed = 0;
for (const file of readdirSync(contentDir).filter((name) => name.endsWith(".mdx")).sort()) {
  const path = join(contentDir, file);
  const original = readFileSync(path, "utf8");
  const { source, changed } = recordPythonOutputs(original, `content/${file}`, (exercise) => {
    const where = `content/${file}: exercise ${exercise.id}`;
    const parsed = python(["-c", "import ast, sys; ast.parse(sys.stdin.read())"], exercise.python.starter);
    if (parsed.status !== 0) {
      console.error(`${where}: the Python starter does not parse:\n${parsed.stderr}`);
      failed++;
    }
    const run = python(["-"], exercise.python.solution);
    if (run.status === 0) return run.stdout;
    console.error(`${where}: the Python solution exited with ${run.status}:\n${run.stderr}`);
    failed++;
    return undefined;
  });
  stale += changed.length;
  for (const id of changed) console.log(`content/${file}: exercise ${id}: ${checkOnly ? "stale" : "recorded"}`);
  if (!checkOnly && changed.length > 0) writeFileSync(path, source);
}
console.log(`${version}: ${stale} output python block(s) ${checkOnly ? "stale" : "rewritten"}, ${failed} failure(s).`);
process.exit(failed > 0 || (checkOnly && stale > 0) ? 1 : 0);
