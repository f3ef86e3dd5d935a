import { describe, expect, it } from "vitest";
import { isTheShownSolution, verdictOf } from "./exercise-verdict.ts";

const check = (name: string, ok: boolean, why?: string) => `::check::${JSON.stringify({ name, ok, ...(why ? { why } : {}) })}\n`;
const done = (passed: number, total: number) => `::checks-done::${JSON.stringify({ passed, total })}\n`;
const base = { stderr: "", code: 0, timeoutMs: 10_000 };

describe("verdictOf", () => {
  it("passes only when every check reported holds and the harness got to the end", () => {
    expect(verdictOf({ ...base, stdout: check("a", true) + check("b", true) + done(2, 2) })).toMatchObject({ passed: true, text: "Passed: all 2 checks hold." });
    expect(verdictOf({ ...base, stdout: check("a", true) + done(1, 1) }).text).toBe("Passed: the check holds.");
    const cut = verdictOf({ ...base, stdout: check("a", true), stderr: "TypeError: boom\n    at snippet.ts:3:1\n", code: 1 });
    expect(cut).toMatchObject({ passed: false, text: "Not yet: the checks could not finish: TypeError: boom." });
  });

  it("names the first failing check and says why", () => {
    const stdout = check("a", true) + check("it takes 1 s", false, "main took 3 s of loop time") + check("c", false, "x") + done(1, 3);
    expect(verdictOf({ ...base, stdout }).text).toBe("Not yet: check 2, “it takes 1 s”, fails: main took 3 s of loop time. 1 of 3 checks hold.");
  });

  it("says why a run was cut short", () => {
    expect(verdictOf({ ...base, stdout: "", code: null, reason: "timeout" }).text).toMatch(/^Not yet: the checks ran past their 10 s limit/);
    expect(verdictOf({ ...base, stdout: "", code: null, reason: "stopped" }).text).toBe("Not yet: the check was stopped before it finished.");
    expect(verdictOf({ ...base, stdout: "", code: null, reason: "output-limit" }).text).toMatch(/^Not yet: the program printed too much/);
  });

  it("reads a WebContainer's terminal output: colour codes, carriage returns, stderr merged into stdout", () => {
    const stdout = `\x1b[32m${check("a", true).replace("\n", "\r\n")}`.concat("some warning\r\n", check("b", true), done(2, 2));
    expect(verdictOf({ ...base, stdout }).passed).toBe(true);
  });

  it("treats a marker it cannot read as output", () => {
    const verdict = verdictOf({ ...base, stdout: "::check::{not json\n::checks-done::\n", code: 1, stderr: "" });
    expect(verdict).toMatchObject({ passed: false, reports: [], text: "Not yet: the checks could not finish: ::checks-done::." });
  });

  it("does not pass a run with no checks, or one that exited with an error after them", () => {
    expect(verdictOf({ ...base, stdout: done(0, 0) }).passed).toBe(false);
    expect(verdictOf({ ...base, stdout: check("a", true) + done(1, 1), code: 1, stderr: "Error: later\n" }).text).toBe("Not yet: the checks could not finish: Error: later.");
  });
});

describe("isTheShownSolution", () => {
  const solution = "export function* main() {\n  yield* sleep(1);\n}\n";
  it("is true for the shown solution, however it is laid out", () => {
    expect(isTheShownSolution(solution, solution)).toBe(true);
    expect(isTheShownSolution("export function* main() { yield* sleep(1); }", solution)).toBe(true);
  });
  it("is false once the reader changed what it does", () => {
    expect(isTheShownSolution(solution.replace("1", "2"), solution)).toBe(false);
    expect(isTheShownSolution("", solution)).toBe(false);
  });
});
