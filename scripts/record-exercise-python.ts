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
import type { Root } from "mdast";
import { mdxToMdast } from "satteri";
import { scanExercises } from "../src/markdown/exercises.ts";

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
  let source = readFileSync(path, "utf8");
  const found = scanExercises(mdxToMdast(source) as Root, `content/${file}`);
  // From the end, so earlier offsets stay valid while later blocks are rewritten.
  for (const { exercise, blocks } of found.reverse()) {
    const where = `content/${file}: exercise ${exercise.id}`;
    const parsed = python(["-c", "import ast, sys; ast.parse(sys.stdin.read())"], exercise.python.starter);
    if (parsed.status !== 0) {
      console.error(`${where}: the Python starter does not parse:\n${parsed.stderr}`);
      failed++;
    }
    const run = python(["-"], exercise.python.solution);
    if (run.status !== 0) {
      console.error(`${where}: the Python solution exited with ${run.status}:\n${run.stderr}`);
      failed++;
      continue;
    }
    const recorded = run.stdout.replace(/\n$/, "");
    if (recorded === exercise.expectedPython) continue;
    stale++;
    if (checkOnly) {
      console.error(`${where}: the recorded output python differs from what ${version} prints:\n${recorded}`);
      continue;
    }
    const block = blocks.expectedPython.position!;
    source = `${source.slice(0, block.start.offset)}\`\`\`output python\n${recorded}\n\`\`\`${source.slice(block.end.offset)}`;
    console.log(`${where}: recorded`);
  }
  if (!checkOnly) writeFileSync(path, source);
}
console.log(`${version}: ${stale} output python block(s) ${checkOnly ? "stale" : "rewritten"}, ${failed} failure(s).`);
process.exit(failed > 0 || (checkOnly && stale > 0) ? 1 : 0);
