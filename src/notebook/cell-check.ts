/**
 * The verdict on one run of a chapter cell in words, for the tests, whichever runtime ran it
 * (Node, the worker in Chromium, the page in e2e): it passes only if the program ended by
 * itself with exit code 0 and printed what the chapter expects on stdout and on stderr. The
 * output is judged by the page's own judge (./output-judge.ts). Browser-safe.
 */
import type { RunResult } from "../runner/core/index.ts";
import type { Cell } from "./cell.ts";
import { OutputJudge, type Stream } from "./output-judge.ts";

/** What a run produced: its two streams and how it ended. */
export interface CellRun {
  stdout: string;
  stderr: string;
  code: RunResult["code"];
  reason?: RunResult["reason"];
}

type Expectation = Pick<Cell, "expected" | "expectedStderr">;

/** Every way the output departs from what `cell` expects, stdout first; empty when it matches. */
export function outputProblems(cell: Expectation, run: Pick<CellRun, "stdout" | "stderr">): string[] {
  const judge = new OutputJudge(cell.expected, cell.expectedStderr ?? "");
  judge.write("stdout", run.stdout);
  judge.write("stderr", run.stderr);
  const { departures } = judge.finish(true);
  const expected: Record<Stream, string> = { stdout: cell.expected, stderr: cell.expectedStderr ?? "" };
  return (["stdout", "stderr"] as const).flatMap((stream) => {
    const at = departures[stream];
    if (at === null) return [];
    return [`${stream} differs from the expected output at line ${at + 1}.\n--- expected\n${expected[stream]}\n--- actual\n${run[stream]}`];
  });
}

/** Every way `run` departs from what `cell` expects; empty when it passes. */
export function cellProblems(cell: Expectation, run: CellRun): string[] {
  const problems: string[] = [];
  if (run.reason !== undefined) problems.push(`the run did not end by itself: ${run.reason}`);
  else if (run.code !== 0) problems.push(`exited with code ${run.code}, not 0`);
  return [...problems, ...outputProblems(cell, run)];
}
