/**
 * Every exercise in the worker runtime, in Debian's Chromium: the runner's own worker bundle
 * and browser harness (src/runner/testing/worker-page.ts), the real library. As under Node
 * (./verify-node.test.ts): each solution passes its checks, each starter fails a named
 * check, each solution prints its expected output when run. Skipped without /usr/bin/chromium.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOutput } from "../notebook/index.ts";
import type { SnippetSource } from "../runner/compile/index.ts";
import { CHROMIUM, openWorkerPage, type HarnessOptions, type WorkerPage } from "../runner/testing/index.ts";
import { chapterExercises } from "./testing/chapters.ts";
import { harnessSource } from "./testing/node-run.ts";
import { checkSource, runSource } from "./tree.ts";
import { verdictOf } from "../notebook/index.ts";

const TIMEOUT_MS = 10_000;

let page: WorkerPage | undefined;

beforeAll(async () => {
  page = await openWorkerPage("exercises");
}, 60_000);

afterAll(() => page?.close());

async function run(source: SnippetSource): Promise<{ stdout: string; stderr: string; code: number | null; reason?: "stopped" | "timeout" | "output-limit" }> {
  const options: HarnessOptions = { files: [...source.files], timeoutMs: TIMEOUT_MS };
  const { events, result } = await page!.run(source.code, options);
  const text = (type: string) => events.filter((e) => e.type === type).map((e) => (e as { text: string }).text).join("");
  return { stdout: text("stdout"), stderr: text("stderr"), code: result.code, ...(result.reason ? { reason: result.reason } : {}) };
}

const harness = await harnessSource();

describe.skipIf(!existsSync(CHROMIUM))("every exercise in the worker runtime", () => {
  for (const { name, exercise } of chapterExercises()) {
    it(`${name}: the solution passes, the starter fails a named check, Run prints the expected output`, { timeout: 3 * TIMEOUT_MS + 5000 }, async () => {
      const solved = await run(checkSource(exercise.check, exercise.solution, harness));
      const solvedVerdict = verdictOf({ ...solved, timeoutMs: TIMEOUT_MS });
      expect(solvedVerdict.passed, `${solvedVerdict.text}\n${solved.stdout}${solved.stderr}`).toBe(true);

      const starter = await run(checkSource(exercise.check, exercise.starter, harness));
      const starterVerdict = verdictOf({ ...starter, timeoutMs: TIMEOUT_MS });
      expect(starterVerdict.text, `${starter.stdout}${starter.stderr}`).toMatch(/^Not yet: check \d+, “[^”]+”, fails: /);

      const ran = await run(runSource(exercise.solution, harness));
      expect(checkOutput(exercise.expected, ran.stdout).matches, `${ran.stdout}--- stderr\n${ran.stderr}`).toBe(true);
      expect(ran.stderr).toBe("");
      expect(ran.code).toBe(0);
    });
  }
});
