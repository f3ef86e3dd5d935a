/**
 * Every exercise of every chapter, under real Node over the tree the page runs: its solution
 * passes every check, its starter fails a named check (an exercise that passes untouched is a
 * defect), its solution prints the chapter's expected output when run, and the Python
 * solution's recorded CPython output is that same output. Needs the built library.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUT_MS, checkOutput, verdictOf } from "../notebook/index.ts";
import { chapterExercises } from "./testing/chapters.ts";
import { harnessSource, runWithNode } from "./testing/node-run.ts";
import { checkSource, runSource } from "./tree.ts";

/** What the page gives an exercise's run. */
const TIMEOUT_MS = DEFAULT_TIMEOUT_MS;
const harness = await harnessSource();
const exercises = chapterExercises();

async function check(checks: string, code: string) {
  const outcome = await runWithNode(checkSource(checks, code, harness), TIMEOUT_MS);
  const verdict = verdictOf({ ...outcome, reason: outcome.timedOut ? "timeout" : undefined, timeoutMs: TIMEOUT_MS });
  return { outcome, verdict, details: `${verdict.text}\n--- stdout\n${outcome.stdout}--- stderr\n${outcome.stderr}` };
}

describe("every exercise under Node", () => {
  it("has at least two exercises in each of chapters 1 to 6", () => {
    for (const chapter of ["01", "02", "03", "04", "05", "06"]) {
      expect(exercises.filter((e) => e.chapter.startsWith(chapter)).length, `chapter ${chapter}`).toBeGreaterThanOrEqual(2);
    }
  });

  for (const { name, exercise } of exercises) {
    describe(name, () => {
      it("its solution passes every check", { timeout: TIMEOUT_MS + 5000 }, async () => {
        const { verdict, details } = await check(exercise.check, exercise.solution);
        expect(verdict.passed, details).toBe(true);
        expect(verdict.text).toMatch(/^Passed/);
      });

      it("its starter fails a named check", { timeout: TIMEOUT_MS + 5000 }, async () => {
        const { verdict, details } = await check(exercise.check, exercise.starter);
        expect(verdict.passed, details).toBe(false);
        expect(verdict.text, details).toMatch(/^Not yet: check \d+, “[^”]+”, fails: /);
      });

      it("its solution, run, prints the expected output", { timeout: TIMEOUT_MS + 5000 }, async () => {
        const outcome = await runWithNode(runSource(exercise.solution, harness), TIMEOUT_MS);
        const details = `--- stdout\n${outcome.stdout}--- stderr\n${outcome.stderr}`;
        expect(outcome.code, details).toBe(0);
        expect(checkOutput(exercise.expected, outcome.stdout).matches, details).toBe(true);
        expect(outcome.stderr).toBe("");
      });

      it("its Python solution printed the same under CPython (recorded)", () => {
        const recorded = checkOutput(exercise.expected, exercise.expectedPython);
        expect(recorded.matches, `output python departs at line ${(recorded.departsAt ?? 0) + 1}:\n${exercise.expectedPython}`).toBe(true);
      });
    });
  }
});
