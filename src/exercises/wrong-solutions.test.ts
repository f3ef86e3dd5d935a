/**
 * Wrong answers to chapter 8's exercises, each of which must fail the check named beside it:
 * the checks must tell a real solution from code that only looks like one (sequential code, a
 * retry loop that swallows cancellation...). The checks pick their inputs at random, so each
 * case runs a few times. A right answer in another style must pass. Needs the built library.
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
  /** The check that must fail, or null for a right answer that must pass. */
  fails: string | null;
}

const cases: Case[] = [
  {
    exercise: "all-or-nothing",
    what: "fetching one URL after another",
    code: variant("all-or-nothing", FETCH_ALL, `  const pages: string[] = [];\n  for (const url of urls) pages.push(yield* fetch(url));\n  return pages;`),
    fails: "the fetches run at once: done after the slowest, not after all of them in turn",
  },
  {
    exercise: "all-or-nothing",
    what: "gather, then cancelling the rest without waiting for them",
    code: variant(
      "all-or-nothing",
      FETCH_ALL,
      `  const tasks = urls.map((url) => asyncio.createTask(fetch(url)));\n  try {\n    return yield* asyncio.gather(...tasks);\n  } catch (error) {\n    for (const task of tasks) task.cancel();\n    throw error;\n  }`,
    ),
    fails: "fetchAll ends only once every fetch has ended, right after the failure",
  },
  {
    exercise: "all-or-nothing",
    what: "returning made-up pages",
    code: variant("all-or-nothing", FETCH_ALL, `  return urls.map((url) => \`<\${url}>\`);`),
    fails: "it returns every page, in the order of the URLs",
  },
  {
    exercise: "all-or-nothing",
    what: "wait(FIRST_EXCEPTION), cancelling the rest and waiting for them (right)",
    code: variant(
      "all-or-nothing",
      FETCH_ALL,
      `  const tasks = urls.map((url) => asyncio.createTask(fetch(url)));\n  const [, pending] = yield* asyncio.wait(tasks, { returnWhen: asyncio.FIRST_EXCEPTION });\n  for (const task of pending) task.cancel();\n  if (pending.size > 0) yield* asyncio.wait(pending);\n  const failed = tasks.find((task) => !task.cancelled() && task.exception() !== null);\n  if (failed !== undefined) throw failed.exception();\n  return tasks.map((task) => task.result());`,
    ),
    fails: null,
  },
  {
    exercise: "retry-keeps-cancellation",
    what: "a retry loop that catches every error, cancellation included",
    code: variant(
      "retry-keeps-cancellation",
      RETRY,
      `  for (let attempt = 1; attempt <= tries; attempt++) {\n    try {\n      return yield* asyncio.timeout(perTry, fetch);\n    } catch {\n      console.log(\`  attempt \${attempt} failed\`);\n    }\n  }\n  throw new asyncio.TimeoutError();`,
    ),
    fails: "a cancellation from outside stops it at once",
  },
  {
    exercise: "retry-keeps-cancellation",
    what: "no timeout at all",
    code: variant("retry-keeps-cancellation", RETRY, `  return yield* fetch();`),
    fails: "an attempt that hangs is abandoned after perTry, and the next one made",
  },
  {
    exercise: "retry-keeps-cancellation",
    what: "waitFor per attempt (right)",
    code: variant(
      "retry-keeps-cancellation",
      RETRY,
      `  for (let attempt = 1; attempt <= tries; attempt++) {\n    try {\n      return yield* asyncio.waitFor(fetch(), perTry);\n    } catch (error) {\n      if (!(error instanceof asyncio.TimeoutError)) throw error;\n    }\n  }\n  throw new asyncio.TimeoutError();`,
    ),
    fails: null,
  },
];

describe("chapter 8's exercises tell wrong answers from right ones", () => {
  for (const { exercise, what, code, fails } of cases) {
    it(`${exercise}: ${what} ${fails === null ? "passes" : `fails “${fails}”`}`, { timeout: RUNS * (TIMEOUT_MS + 5000) }, async () => {
      for (let run = 0; run < RUNS; run++) {
        const outcome = await runWithNode(checkSource(exercises.get(exercise)!.check, code, harness), TIMEOUT_MS);
        const verdict = verdictOf({ ...outcome, reason: outcome.timedOut ? "timeout" : undefined, timeoutMs: TIMEOUT_MS });
        const details = `${verdict.text}\n--- stdout\n${outcome.stdout}--- stderr\n${outcome.stderr}`;
        if (fails === null) expect(verdict.passed, details).toBe(true);
        else expect(verdict.text, details).toMatch(new RegExp(`^Not yet: check \\d+, “${fails.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}”, fails: `));
      }
    });
  }
});
