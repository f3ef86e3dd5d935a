/**
 * Records every Python twin's stdout under CPython 3.11 into its cell's ` ```output python `
 * block (see src/markdown/cells.ts), and stamps the block with the twin's hash.
 *
 *   npx node scripts/record-python.ts [--check] [CELL-ID...]
 *
 * A block whose text still matches the new run (its `…` lines included) is kept as written, so
 * wildcards an author put over machine-dependent lines survive; otherwise the new output
 * replaces it, and the script says so: review it, and put `…` over lines that vary from run to
 * run. The declared rules (`rules=`, `ts-only=`) are kept. `--check` writes nothing and exits 1
 * if any block is missing, stale or no longer matches. Only this script needs Python; the tests
 * check the recorded blocks (src/markdown/twins.test.ts).
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Root } from "mdast";
import { mdxToMdast } from "satteri";
import { scanChapter, twinHash, type CellBlocks } from "../src/markdown/cells.ts";
import { checkOutput } from "../src/notebook/index.ts";
import { checkTwin } from "../src/notebook/index.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const args = process.argv.slice(2);
const checkOnly = args.includes("--check");
const only = new Set(args.filter((arg) => !arg.startsWith("--")));

/** Debian's CPython 3.11 where it exists (`python3` on PATH may be a pyenv shim). */
function python(): string {
  const candidate = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const version = execFileSync(candidate, ["--version"], { encoding: "utf8" }).trim();
  if (!/^Python 3\.11\./.test(version)) {
    throw new Error(`${candidate} is ${version}; the recorded outputs are CPython 3.11's`);
  }
  console.log(`recording with ${candidate} (${version})`);
  return candidate;
}

async function chapters(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await chapters(path)));
    else if (entry.name.endsWith(".mdx")) found.push(path);
  }
  return found.sort();
}

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

async function runTwin(interpreter: string, source: string, timeoutMs: number): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), "python-twin-"));
  try {
    await writeFile(join(dir, "twin.py"), source);
    return await new Promise<Run>((resolve) => {
      execFile(
        interpreter,
        ["twin.py"],
        { cwd: dir, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024, env: { ...process.env, PYTHONIOENCODING: "utf-8", PYTHONDONTWRITEBYTECODE: "1" } },
        (error, stdout, stderr) => {
          const code = error ? (typeof (error as { code?: unknown }).code === "number" ? (error as { code: number }).code : null) : 0;
          resolve({ stdout, stderr, code });
        },
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A twin marked `cpython=3.14` (it uses what 3.11 lacks), run under CPython 3.14 in Pyodide by Node. */
async function runInPyodide(source: string): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), "python-twin-"));
  try {
    await writeFile(join(dir, "twin.py"), source);
    const harness = join(root, "src/runner/testing/pyodide-node.ts");
    const json = execFileSync(process.execPath, ["--experimental-wasm-jspi", harness, dir, "twin.py"], { cwd: root, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    const [outcome] = JSON.parse(json) as { stdout: string; stderr: string; code: number }[];
    return { stdout: outcome!.stdout, stderr: outcome!.stderr, code: outcome!.code };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function fenceMeta(blocks: CellBlocks, hash: string): string {
  const record = blocks.cell.pythonRecord;
  const parts = ["output python", `twin=${hash}`];
  if (record && record.rules.length > 0) parts.push(`rules=${record.rules.join(",")}`);
  if (record?.tsOnly !== undefined) parts.push(`ts-only="${record.tsOnly}"`);
  if (record?.cpython !== undefined) parts.push(`cpython=${record.cpython}`);
  return parts.join(" ");
}

const interpreter = python();
let problems = 0;

for (const file of await chapters(join(root, "content"))) {
  const path = relative(root, file);
  const original = await readFile(file, "utf8");
  const lines = original.split("\n");
  const { cells } = scanChapter(mdxToMdast(original) as Root, path);
  // Edit from the bottom up, so that earlier line numbers stay right.
  for (const blocks of [...cells].reverse()) {
    const { cell } = blocks;
    if (only.size > 0 && !only.has(cell.id)) continue;
    const where = `${path}:${cell.line} ${cell.id}`;
    if (cell.python === undefined) {
      console.log(`${where}: no Python twin`);
      problems++;
      continue;
    }
    const run = cell.pythonRecord?.cpython === "3.14" ? await runInPyodide(cell.python) : await runTwin(interpreter, cell.python, cell.timeoutMs * 3);
    if (run.code !== 0) {
      // Every chapter cell must exit 0 (src/notebook/cell-check.ts); so must its twin.
      console.log(`${where}: the twin exited with ${run.code}\n${run.stderr}`);
      problems++;
    }
    else if (run.stderr !== "") console.log(`${where}: the twin wrote to stderr (not recorded):\n${run.stderr}`);
    const actual = run.stdout.replace(/\r\n/g, "\n").replace(/\n$/, "");
    const hash = twinHash(cell.python);
    const recorded = cell.pythonExpected;
    const stillMatches = recorded !== undefined && checkOutput(recorded, run.stdout).matches;
    const text = stillMatches ? recorded : actual;
    if (!stillMatches) {
      console.log(`${where}: ${recorded === undefined ? "recorded" : "output CHANGED, re-recorded"}; review it (put … over lines that vary)`);
      problems++;
    } else if (cell.pythonRecord?.twin !== hash) {
      console.log(`${where}: twin changed, same output; hash updated`);
      problems++;
    }
    const verdict = checkTwin(text, cell.expected, cell.pythonRecord ?? { rules: [] });
    if (!verdict.matches || verdict.unused.length > 0) {
      console.log(
        `${where}: the Python output does not map onto the TypeScript output` +
          (verdict.unused.length > 0 ? ` (rules that change nothing: ${verdict.unused.join(", ")})` : "") +
          `\n--- python, normalised\n${verdict.normalised}\n--- typescript\n${verdict.expected}`,
      );
    }
    const block = ["```" + fenceMeta(blocks, hash), ...(text === "" ? [] : text.split("\n")), "```"];
    const existing = blocks.pythonOutput?.position;
    if (existing) {
      lines.splice(existing.start.line - 1, existing.end.line - existing.start.line + 1, ...block);
    } else {
      const after = (blocks.stderr ?? blocks.output).position!.end.line;
      lines.splice(after, 0, "", ...block);
    }
  }
  const updated = lines.join("\n");
  if (!checkOnly && updated !== original) await writeFile(file, updated);
}

if (checkOnly && problems > 0) {
  console.log(`${problems} twin(s) need recording: npx node scripts/record-python.ts`);
  process.exit(1);
}
console.log(problems === 0 ? "every twin's recorded output is current" : `${problems} block(s) written; review them`);
