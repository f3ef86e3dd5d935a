/**
 * The Python check harness (./check_harness.py) under Pyodide in Node, on CPython's own loop on
 * virtual time (src/runner/python/loop.ts), through the same session as the page's worker: each
 * exercise's Python solution passes its Python checks and its Python starter fails them. No
 * system Python needed. The checks are fixtures (./testing/python-checks/ID.py) until the
 * chapters carry them as ` ```python check ` blocks; the starters and solutions are the
 * chapters' own.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { extractExercisesFromSource, type Exercise } from "../markdown/exercises.ts";
import type { NodeOutcome } from "../runner/testing/index.ts";
import { pythonCheckFiles, PYTHON_CHECK_ENTRY } from "./python-tree.ts";
import { verdictOf } from "../notebook/index.ts";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const SCRIPT = here("../runner/testing/pyodide-node.ts");
const CONTENT = here("../../content");
const CHECKS = here("./testing/python-checks");
const HARNESS = readFileSync(here("./check_harness.py"), "utf8");

const exercises: Exercise[] = readdirSync(CONTENT)
  .filter((name) => name.endsWith(".mdx"))
  .flatMap((name) => extractExercisesFromSource(readFileSync(join(CONTENT, name), "utf8"), name));
const checked = exercises.filter((exercise) => existsSync(join(CHECKS, `${exercise.id}.py`)));

const dir = mkdtempSync(join(tmpdir(), "python-checks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every (exercise, starter | solution) check run, in one child: one Pyodide for all. */
let outcomes: Promise<Map<string, NodeOutcome>> | undefined;
function runAll(): Promise<Map<string, NodeOutcome>> {
  const entries: string[] = [];
  for (const exercise of checked) {
    const check = readFileSync(join(CHECKS, `${exercise.id}.py`), "utf8");
    for (const kind of ["starter", "solution"] as const) {
      const sub = `${exercise.id.replace(/-/g, "_")}_${kind}`;
      for (const [path, text] of Object.entries(pythonCheckFiles(check, exercise.python[kind], HARNESS))) {
        mkdirSync(join(dir, sub), { recursive: true });
        writeFileSync(join(dir, sub, path), text);
      }
      entries.push(`${sub}/${PYTHON_CHECK_ENTRY}`);
    }
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, dir, ...entries], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`pyodide-node.ts exited ${code}:\n${stderr.slice(-2000)}`));
      const results = JSON.parse(stdout) as NodeOutcome[];
      resolve(new Map(entries.map((entry, i) => [entry.split("/")[0]!, results[i]!])));
    });
  });
}

async function verdict(exercise: Exercise, kind: "starter" | "solution") {
  outcomes ??= runAll();
  const outcome = (await outcomes).get(`${exercise.id.replace(/-/g, "_")}_${kind}`)!;
  return { outcome, verdict: verdictOf({ stdout: outcome.stdout, stderr: outcome.stderr, code: outcome.code, timeoutMs: 10_000 }) };
}

const TIMEOUT = 180_000;

describe("Python checks under Pyodide, on CPython's loop on virtual time", () => {
  it("has Python checks for every exercise", () => {
    expect(exercises.length).toBeGreaterThan(0);
    expect(exercises.filter((exercise) => !checked.includes(exercise)).map((exercise) => exercise.id)).toEqual([]);
  });

  for (const exercise of checked) {
    it(`${exercise.id}: the Python solution passes every check`, { timeout: TIMEOUT }, async () => {
      const { outcome, verdict: result } = await verdict(exercise, "solution");
      expect(result.text, outcome.stderr).toMatch(/^Passed: all \d+ checks hold\.$/);
      expect(result.reports.length).toBeGreaterThan(1);
    });

    it(`${exercise.id}: the Python starter fails a check, and says why`, { timeout: TIMEOUT }, async () => {
      const { outcome, verdict: result } = await verdict(exercise, "starter");
      expect(result.text, outcome.stderr).toMatch(/^Not yet: check \d+, “.+”, fails: .+ \d+ of \d+ checks hold\.$/);
      // The checks ran to their end: the starter failed them, the harness did not break.
      expect(outcome.stdout).toContain("::checks-done::");
      expect(outcome.code).toBe(0);
    });
  }
});
