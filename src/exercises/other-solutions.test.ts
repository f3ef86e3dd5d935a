/**
 * Right answers to chapter 8's exercises in another style than the chapter's solution: each
 * must pass, so the checks judge what the code does, not how it is written. The checks pick
 * their inputs at random, so each runs a few times. (Wrong answers are in ./testing/fakes/.)
 * Needs the built library.
 */
import { describe, expect, it } from "vitest";
import { chapterExercises } from "./testing/chapters.ts";
import { harnessSource, runWithNode } from "./testing/node-run.ts";
import { checkSource } from "./tree.ts";
import { verdictOf } from "../notebook/index.ts";

const TIMEOUT_MS = 10_000;
const RUNS = 3;
const harness = await harnessSource();
const exercises = new Map(chapterExercises().map(({ exercise }) => [exercise.id, exercise]));

/** The exercise's solution with its exported function's body replaced by `body`. */
function variant(id: string, exported: RegExp, body: string): string {
  const solution = exercises.get(id)!.solution;
  const match = exported.exec(solution);
  if (match === null) throw new Error(`${id}: the solution has no ${exported}`);
  const start = match.index + match[0].length;
  const end = solution.indexOf("\n}\n", start);
  return `${solution.slice(0, start)}\n${body}${solution.slice(end)}`;
}

const FETCH_ALL = /export function\* fetchAll\([^)]*\)[^{]*\{/;
const RETRY = /export function\* fetchWithRetry\([^{]*\{/;

interface Case {
  exercise: string;
  what: string;
  code: string;
}

const cases: Case[] = [
  {
    exercise: "all-or-nothing",
    what: "wait(FIRST_EXCEPTION), cancelling the rest and waiting for them",
    code: variant(
      "all-or-nothing",
      FETCH_ALL,
      `  const tasks = urls.map((url) => asyncio.createTask(fetch(url)));\n  const [, pending] = yield* asyncio.wait(tasks, { returnWhen: asyncio.FIRST_EXCEPTION });\n  for (const task of pending) task.cancel();\n  if (pending.size > 0) yield* asyncio.wait(pending);\n  const failed = tasks.find((task) => !task.cancelled() && task.exception() !== null);\n  if (failed !== undefined) throw failed.exception();\n  return tasks.map((task) => task.result());`,
    ),
  },
  {
    exercise: "retry-keeps-cancellation",
    what: "waitFor per attempt",
    code: variant(
      "retry-keeps-cancellation",
      RETRY,
      `  for (let attempt = 1; attempt <= tries; attempt++) {\n    try {\n      return yield* asyncio.waitFor(fetch(), perTry);\n    } catch (error) {\n      if (!(error instanceof asyncio.TimeoutError)) throw error;\n    }\n  }\n  throw new asyncio.TimeoutError();`,
    ),
  },
];

describe("chapter 8's exercises pass right answers in another style", () => {
  for (const { exercise, what, code } of cases) {
    it(`${exercise}: ${what} passes`, { timeout: RUNS * (TIMEOUT_MS + 5000) }, async () => {
      for (let run = 0; run < RUNS; run++) {
        const outcome = await runWithNode(checkSource(exercises.get(exercise)!.check, code, harness), TIMEOUT_MS);
        const verdict = verdictOf({ ...outcome, reason: outcome.timedOut ? "timeout" : undefined, timeoutMs: TIMEOUT_MS });
        const details = `${verdict.text}\n--- stdout\n${outcome.stdout}--- stderr\n${outcome.stderr}`;
        expect(verdict.passed, details).toBe(true);
      }
    });
  }
});
