/**
 * The Python half of every exercise under Pyodide in Node, on CPython's own loop on virtual
 * time (src/runner/python/loop.ts), through the same session as the page's worker, with the
 * Python check harness (./check_harness.py) and each chapter's ` ```python check ` block:
 * every Python solution passes, every Python starter fails, and every Python wrong solution
 * (./testing/fakes/, the `python` export beside the TypeScript ones) fails the check named
 * beside it. No system Python needed. One interpreter runs them all (loading it is most of
 * the cost); each program still gets a fresh `__main__`, loop and seed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runPyodideNode, type NodeOutcome } from "../runner/testing/index.ts";
import { chapterExercises } from "./testing/chapters.ts";
import { PYTHON_FAKES } from "./testing/fakes/index.ts";
import { pythonCheckFiles, PYTHON_CHECK_ENTRY } from "./python-tree.ts";
import { verdictOf } from "../notebook/index.ts";

const HARNESS = readFileSync(fileURLToPath(new URL("./check_harness.py", import.meta.url)), "utf8");
const exercises = chapterExercises();

const dir = mkdtempSync(join(tmpdir(), "python-checks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every program to run, by a directory name of its own: the exercise's checks over one module. */
const programs = new Map<string, { check: string; code: string }>();
const key = (id: string, what: string): string => `${id.replace(/-/g, "_")}_${what}`;
for (const { exercise } of exercises) {
  programs.set(key(exercise.id, "starter"), { check: exercise.python.check, code: exercise.python.starter });
  programs.set(key(exercise.id, "solution"), { check: exercise.python.check, code: exercise.python.solution });
  (PYTHON_FAKES[exercise.id] ?? []).forEach((fake, i) => programs.set(key(exercise.id, `fake${i}`), { check: exercise.python.check, code: fake.code }));
}

/** What the harness itself records, and the inputs a seed gives: run beside the exercises. */
const SEED = 12345;
programs.set("harness_itself", {
  code: "",
  check: `import asyncio, json, os
os.environ["CHECK_SEED"] = "${SEED}"
from check import NAMES, random, random_int, sample, trace

inputs = [random_int(2, 12) for _ in range(5)] + sample(NAMES, 4) + [random()]

async def child():
    print("in child")
    await asyncio.sleep(0.5)

async def start():
    print("in main")
    task = asyncio.create_task(child(), name="kid")
    await asyncio.sleep(0.25)
    task.cancel()
    return "done"

run = trace(start)
print(json.dumps({
    "inputs": inputs,
    "printed": [[p.time, p.text, p.task] for p in run.printed],
    "timers": [[t.task, t.delay, t.at] for t in run.timers],
    "time": run.time,
    "result": run.result,
    "left": run.left_running,
    "tasks": [[r.name, r.end, r.started, r.time] for r in run.tasks],
}))
`,
});

let outcomes: Promise<Map<string, NodeOutcome>> | undefined;
/** Runs every program, once, in one child process. */
function runAll(): Promise<Map<string, NodeOutcome>> {
  const entries: string[] = [];
  for (const [sub, { check, code }] of programs) {
    mkdirSync(join(dir, sub), { recursive: true });
    for (const [path, text] of Object.entries(pythonCheckFiles(check, code, HARNESS))) writeFileSync(join(dir, sub, path), text);
    entries.push(`${sub}/${PYTHON_CHECK_ENTRY}`);
  }
  return runPyodideNode([dir, ...entries]).then((results) => new Map(entries.map((entry, i) => [entry.split("/")[0]!, results[i]!])));
}

async function verdict(sub: string) {
  outcomes ??= runAll();
  const outcome = (await outcomes).get(sub)!;
  const result = verdictOf({ stdout: outcome.stdout, stderr: outcome.stderr, code: outcome.code, timeoutMs: 10_000 });
  return { outcome, verdict: result, details: `${result.text}\n--- stdout\n${outcome.stdout}--- stderr\n${outcome.stderr}` };
}

const TIMEOUT = 300_000;

describe("Python checks under Pyodide, on CPython's loop on virtual time", () => {
  it("every exercise has Python wrong solutions, and every set of them belongs to an exercise", () => {
    const ids = exercises.map(({ exercise }) => exercise.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !PYTHON_FAKES[id]?.length), "exercises without Python fakes").toEqual([]);
    expect(Object.keys(PYTHON_FAKES).filter((id) => !ids.includes(id)), "Python fakes without an exercise").toEqual([]);
  });

  it("the harness draws what check-harness.ts draws from the same seed, and notes the task of each line and timer", { timeout: TIMEOUT }, async () => {
    process.env.CHECK_SEED = String(SEED);
    const ts = await import("./check-harness.ts");
    const inputs = [...Array.from({ length: 5 }, () => ts.randomInt(2, 12)), ...ts.sample(ts.NAMES, 4), ts.random()];
    outcomes ??= runAll();
    const outcome = (await outcomes).get("harness_itself")!;
    expect(outcome.code, outcome.stderr).toBe(0);
    const seen = JSON.parse(outcome.stdout.trim().split("\n").at(-1)!);
    expect(seen.inputs).toEqual(inputs);
    expect(seen).toMatchObject({
      printed: [
        [0, "in main", "main"],
        [0, "in child", "kid"],
      ],
      timers: [
        ["main", 0.25, 0],
        ["kid", 0.5, 0],
      ],
      time: 0.25,
      result: "done",
      // Cancelled but never awaited: still running when main returned.
      left: ["kid"],
      tasks: [["kid", "left running", 0, 0.25]],
    });
  });

  for (const { name, exercise } of exercises) {
    describe(name, () => {
      it("the Python checks are the TypeScript checks: the same names, in the same order", { timeout: TIMEOUT }, async () => {
        const [ts, py] = [exercise.check, exercise.python.check].map((source) => [...source.matchAll(/^\s*"([^"\n]+)":/gm)].map((match) => match[1]));
        expect(py).toEqual(ts);
        const { verdict: result } = await verdict(key(exercise.id, "solution"));
        expect(result.reports.map((report) => report.name)).toEqual(ts);
      });

      it("the Python solution passes every check", { timeout: TIMEOUT }, async () => {
        const { verdict: result, details } = await verdict(key(exercise.id, "solution"));
        expect(result.text, details).toMatch(/^Passed: all \d+ checks hold\.$/);
        expect(result.reports.length).toBeGreaterThan(1);
      });

      it("the Python starter fails a check, says why, and names the seed", { timeout: TIMEOUT }, async () => {
        const { outcome, verdict: result, details } = await verdict(key(exercise.id, "starter"));
        expect(result.text, details).toMatch(/^Not yet: check \d+, “.+”, fails: .+ \(inputs from seed \d+\)\. \d+ of \d+ checks hold\.$/);
        // The checks ran to their end: the starter failed them, the harness did not break.
        expect(outcome.stdout).toContain("::checks-done::");
        expect(outcome.code, details).toBe(0);
      });

      (PYTHON_FAKES[exercise.id] ?? []).forEach((fake, i) => {
        it(`Python fake, ${fake.kind}: fails “${fake.fails}”`, { timeout: TIMEOUT }, async () => {
          const { verdict: result, details } = await verdict(key(exercise.id, `fake${i}`));
          expect(result.passed, details).toBe(false);
          expect(result.reports.find((report) => !report.ok)?.name, details).toBe(fake.fails);
        });
      });
    });
  }
});
