/**
 * Every exercise against its wrong solutions (./testing/fakes/), under real Node over the
 * tree the page runs: each fake fails, and the first check to fail (the one the page names)
 * is the one the fake is meant to meet. The checks draw new inputs on every run, so a fake
 * that passes by luck on one seed fails here on another: the seed is in the failure. The
 * Python fakes beside them run under Pyodide in ./python-checks.test.ts.
 */
import { describe, expect, it } from "vitest";
import { chapterExercises } from "./testing/chapters.ts";
import { FAKES } from "./testing/fakes/index.ts";
import { harnessSource, runWithNode } from "./testing/node-run.ts";
import { checkSource } from "./tree.ts";
import { verdictOf } from "../notebook/index.ts";

const TIMEOUT_MS = 10_000;
const harness = await harnessSource();
const exercises = chapterExercises();

describe("wrong solutions fail the named check", () => {
  it("every exercise has wrong solutions, and every set of them belongs to an exercise", () => {
    const ids = exercises.map(({ exercise }) => exercise.id);
    expect(ids.filter((id) => !(FAKES[id]?.length)), "exercises without fakes").toEqual([]);
    expect(Object.keys(FAKES).filter((id) => !ids.includes(id)), "fakes without an exercise").toEqual([]);
  });

  for (const { name, exercise } of exercises) {
    describe(name, () => {
      for (const fake of FAKES[exercise.id] ?? []) {
        it(`${fake.kind}: fails “${fake.fails}”`, { timeout: TIMEOUT_MS + 5000 }, async () => {
          const outcome = await runWithNode(checkSource(exercise.check, fake.code, harness), TIMEOUT_MS);
          const verdict = verdictOf({ ...outcome, reason: outcome.timedOut ? "timeout" : undefined, timeoutMs: TIMEOUT_MS });
          const details = `${verdict.text}\n--- stdout\n${outcome.stdout}--- stderr\n${outcome.stderr}`;
          expect(verdict.passed, details).toBe(false);
          expect(verdict.reports.find((report) => !report.ok)?.name, details).toBe(fake.fails);
        });
      }
    });
  }
});
