/**
 * How a run ended, as typed values: the one judgement the page shows (cells, exercises, Run
 * all, Run both) and the tests assert on. Deciding is here and in ./output-judge.ts (a cell's
 * output) and ./exercise-verdict.ts (an exercise's checks); nothing else decides pass or fail.
 */
import type { RunResult } from "../runner/index.ts";
import type { Verdict } from "./exercise-verdict.ts";
import type { OutputVerdict } from "./output-judge.ts";

/** A program that ran (to its end or not), and what it printed. */
export interface Ran {
  result: RunResult;
  stdout: string;
  stderr: string;
  /** The runtime that ran it ("worker", "webcontainer", "pyodide"). */
  runtime: string;
}

/** Why a run ended early, when it did. */
export type CutReason = NonNullable<RunResult["reason"]>;

/** A cell's run, judged against the cell's expected output. */
export type CellOutcome =
  /** It ran to its end and printed what the cell expects (its exit code is in `ran.result`). */
  | { kind: "match"; ran: Ran; verdict: OutputVerdict }
  /** It ran to its end and its output departs from the expectation (`verdict` says where). */
  | { kind: "differs"; ran: Ran; verdict: OutputVerdict }
  /** Stopped, timed out or truncated; `verdict` holds a departure before the cut, if any. */
  | { kind: "cut"; reason: CutReason; ran: Ran; verdict: OutputVerdict }
  /** The code does not parse (TypeScript: before it ran; Python: as it started). */
  | { kind: "syntax-error"; message: string; ran?: Ran }
  /** The Python half cannot run in this browser, and why (the recording stands in for it). */
  | { kind: "unavailable"; why: string }
  /** Stop was pressed before the program started. */
  | { kind: "stopped-before-start" }
  /** The run could not start (a runtime failed to load, a module was missing...). */
  | { kind: "failed"; message: string };

/** An exercise's Check, judged by its checks; or its Run, which judges nothing. */
export type ExerciseOutcome =
  /** The checks ran: `verdict.passed`; `counts` is false when it passed with the shown solution. */
  | { kind: "checked"; ran: Ran; verdict: Verdict; counts: boolean }
  /** Run: the reader's `main` ran, and how it ended. */
  | { kind: "ran"; ran: Ran }
  | { kind: "syntax-error"; message: string }
  /** The Python half cannot run in this browser (or this program cannot, here), and why. */
  | { kind: "unavailable"; why: string }
  | { kind: "stopped-before-start" }
  | { kind: "failed"; message: string };

/** The outcomes a run can end with before its program runs. */
export type NotStarted = Extract<CellOutcome, { kind: "syntax-error" | "stopped-before-start" | "failed" }>;

/**
 * What a run that threw before its program ran comes to: a syntax error (the runner's
 * `SnippetSyntaxError`), Stop pressed meanwhile, or a failure to start.
 */
export function notStarted(error: unknown, signal: AbortSignal): NotStarted {
  const e = error as { name?: unknown; message?: unknown; line?: unknown } | null;
  if (e?.name === "SnippetSyntaxError" && typeof e.line === "number") return { kind: "syntax-error", message: String(e.message) };
  if (signal.aborted) return { kind: "stopped-before-start" };
  return { kind: "failed", message: (error as Error | null)?.message ?? String(error) };
}

/**
 * What a cell's run records as its result (the cell's `data-result`, and the reader's progress):
 * "match", "differs", "error" or "unavailable".
 */
export type ResultName = "match" | "differs" | "error" | "unavailable";

export function resultName(outcome: CellOutcome): ResultName {
  switch (outcome.kind) {
    case "match":
      return "match";
    case "differs":
    case "cut":
      return "differs";
    case "unavailable":
      return "unavailable";
    default:
      return "error";
  }
}

/** What the program did, when it ran (a Python syntax error is reported as it starts, so it ran). */
export function ranOf(outcome: CellOutcome): Ran | undefined {
  return "ran" in outcome ? outcome.ran : undefined;
}

/** The tone of a status line: the page colours it, the tests may read it. */
export type Tone = "info" | "ok" | "bad" | "warn";

export function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** How a run ended, in words: "Exited with code 0 in 12 ms.", "Stopped after 1.20 s."... */
export function endText(result: RunResult, timeoutMs: number): { text: string; tone: Tone } {
  const elapsed = formatSeconds(result.elapsedMs);
  if (result.reason === "stopped") return { text: `Stopped after ${elapsed}.`, tone: "warn" };
  if (result.reason === "timeout") {
    return {
      text: `Timed out: the cell ran past its ${formatSeconds(timeoutMs)} limit and was stopped. A loop that never yields to the event loop runs forever.`,
      tone: "bad",
    };
  }
  if (result.reason === "output-limit") {
    return { text: `Output truncated: the program printed too much and was stopped after ${elapsed}.`, tone: "warn" };
  }
  return { text: `Exited with code ${result.code ?? "none"} in ${elapsed}.`, tone: result.code === 0 ? "ok" : "bad" };
}

/** Where the output departed, for the status line ("" when it did not). */
function departureText(verdict: OutputVerdict): string {
  if (verdict.departedLine === undefined) return "";
  if (verdict.merged) return `line ${verdict.departedLine} of the output, stdout and stderr merged (marked)`;
  return `${verdict.departedStream} line ${verdict.departedLine} (marked)`;
}

/** A cell's outcome in words, for its status line. */
export function describeCell(outcome: CellOutcome, timeoutMs: number): { text: string; tone: Tone } {
  switch (outcome.kind) {
    case "match":
    case "differs":
    case "cut": {
      const end = endText(outcome.ran.result, timeoutMs);
      const departure = departureText(outcome.verdict);
      if (outcome.kind === "cut") {
        // Cut short: why comes first; a departure before the cut is still worth knowing.
        return { text: departure ? `${end.text} It had departed from the expected output at ${departure}.` : end.text, tone: end.tone };
      }
      if (outcome.kind === "match") return { text: `Matches the expected output. ${end.text}`, tone: end.tone };
      return { text: `Differs from the expected output at ${departure}. ${end.text}`, tone: "bad" };
    }
    case "syntax-error":
      return { text: `Syntax error: ${outcome.message}`, tone: "bad" };
    case "unavailable":
      return { text: `${outcome.why} The expected output above is what CPython printed.`, tone: "warn" };
    case "stopped-before-start":
      return { text: "Stopped before it started.", tone: "warn" };
    case "failed":
      return { text: `Could not run: ${outcome.message}`, tone: "bad" };
  }
}

/** An exercise's outcome in words, for its status line. */
export function describeExercise(outcome: ExerciseOutcome, timeoutMs: number): { text: string; tone: Tone } {
  switch (outcome.kind) {
    case "checked": {
      const { verdict } = outcome;
      const shown = verdict.passed && !outcome.counts;
      const text = shown ? `${verdict.text} That is the solution as shown, so it does not count as solved: write your own to count it.` : verdict.text;
      return { text, tone: verdict.passed ? "ok" : "bad" };
    }
    case "ran": {
      const { result } = outcome.ran;
      const how =
        result.reason === "timeout" ? `Timed out after ${timeoutMs / 1000} s.` : result.reason === "stopped" ? "Stopped." : `Exited with code ${result.code ?? "none"}.`;
      return { text: how, tone: result.code === 0 ? "info" : "warn" };
    }
    case "syntax-error":
      return { text: `Not yet: your code does not parse: ${outcome.message}`, tone: "bad" };
    case "unavailable":
      return { text: outcome.why, tone: "warn" };
    case "stopped-before-start":
      return { text: "Stopped before it started.", tone: "warn" };
    case "failed":
      return { text: `Could not run: ${outcome.message}`, tone: "bad" };
  }
}
