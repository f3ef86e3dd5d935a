/**
 * The verdict on one run of a chapter cell, whichever runtime ran it (Node in the tests, the
 * worker in Chromium): it passes only if the program ended by itself with exit code 0 and
 * printed what the chapter expects on stdout and on stderr. Browser-safe.
 */
import type { Cell } from "../markdown/cells.ts";
import { checkOutput } from "./expected.ts";
import type { RunResult } from "../runner/core/index.ts";

/** What a run produced: its two streams and how it ended. */
export interface CellRun {
  stdout: string;
  stderr: string;
  code: RunResult["code"];
  reason?: RunResult["reason"];
}

function mismatch(stream: string, expected: string, actual: string): string {
  const { departsAt } = checkOutput(expected, actual);
  return `${stream} differs from the expected output at line ${(departsAt ?? 0) + 1}.\n--- expected\n${expected}\n--- actual\n${actual}`;
}

/** Every way `run` departs from what `cell` expects; empty when it passes. */
export function cellProblems(cell: Pick<Cell, "expected" | "expectedStderr">, run: CellRun): string[] {
  const problems: string[] = [];
  if (run.reason !== undefined) problems.push(`the run did not end by itself: ${run.reason}`);
  else if (run.code !== 0) problems.push(`exited with code ${run.code}, not 0`);
  if (!checkOutput(cell.expected, run.stdout).matches) problems.push(mismatch("stdout", cell.expected, run.stdout));
  const expectedStderr = cell.expectedStderr ?? "";
  if (!checkOutput(expectedStderr, run.stderr).matches) problems.push(mismatch("stderr", expectedStderr, run.stderr));
  return problems;
}
