/**
 * Every exercise's Python half in the page's Python runtime, in Debian's Chromium: the real
 * worker bundle and Pyodide's files as the site serves them (src/runner/testing/python-server.ts),
 * CPython's own loop on virtual time, the Python check harness and each chapter's
 * ` ```python check ` block. As under Node (./python-checks.test.ts): each Python solution
 * passes, each Python starter fails a named check. Skipped without /usr/bin/chromium.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verdictOf } from "../notebook/index.ts";
import type { PythonHarnessOptions, PythonHarnessRun } from "../runner/testing/index.ts";
import { CHROMIUM, openPythonPage, type PythonPage } from "../runner/testing/index.ts";
import { chapterExercises } from "./testing/chapters.ts";
import { PYTHON_CHECK_ENTRY, pythonCheckFiles } from "./python-tree.ts";

const HARNESS = readFileSync(fileURLToPath(new URL("./check_harness.py", import.meta.url)), "utf8");
/** Loading Pyodide takes seconds, many more on a loaded machine. */
const LOAD = 120_000;
let opened: PythonPage | undefined;
let page: Page;

beforeAll(async () => {
  opened = await openPythonPage("python-exercises");
  if (opened) page = opened.page;
}, 60_000);

afterAll(async () => {
  await opened?.close();
});

async function check(checkCode: string, code: string) {
  const options: PythonHarnessOptions = { files: pythonCheckFiles(checkCode, code, HARNESS), entry: PYTHON_CHECK_ENTRY, timeoutMs: 20_000 };
  const run = await page.evaluate(
    (options) => (globalThis as unknown as { python: { run(c: string, o: PythonHarnessOptions): Promise<PythonHarnessRun> } }).python.run("", options),
    options,
  );
  const text = (type: "stdout" | "stderr") => run.events.flatMap((event) => (event.type === type ? [event.text] : [])).join("");
  const verdict = verdictOf({ stdout: text("stdout"), stderr: text("stderr"), code: run.result.code, reason: run.result.reason, timeoutMs: 20_000 });
  return { verdict, details: `${verdict.text}\n--- stderr\n${text("stderr")}` };
}

describe.skipIf(!existsSync(CHROMIUM))("every exercise's Python half in the page", () => {
  for (const { name, exercise } of chapterExercises()) {
    it(`${name}: the Python solution passes, the Python starter fails a named check`, { timeout: LOAD }, async () => {
      const solved = await check(exercise.python.check, exercise.python.solution);
      expect(solved.verdict.text, solved.details).toMatch(/^Passed: all \d+ checks hold\.$/);
      const started = await check(exercise.python.check, exercise.python.starter);
      expect(started.verdict.text, started.details).toMatch(/^Not yet: check \d+, “.+”, fails: .+ \(inputs from seed \d+\)\./);
    });
  }
});
