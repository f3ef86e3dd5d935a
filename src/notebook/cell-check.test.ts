import { describe, expect, it } from "vitest";
import { cellProblems } from "./cell-check.ts";

const cell = { expected: "hi", expectedStderr: "oops\n…" };

describe("cellProblems", () => {
  it("passes a run that prints what is expected and exits 0", () => {
    expect(cellProblems(cell, { stdout: "hi\n", stderr: "oops\n  at x\n", code: 0 })).toEqual([]);
  });

  it("fails a run with the right output but a non-zero exit code (process.exitCode = 3)", () => {
    expect(cellProblems(cell, { stdout: "hi\n", stderr: "oops\n", code: 3 })).toEqual(["exited with code 3, not 0"]);
  });

  it("fails a run that was stopped, timed out or hit the output cap", () => {
    for (const reason of ["stopped", "timeout", "output-limit"] as const) {
      expect(cellProblems(cell, { stdout: "hi\n", stderr: "oops\n", code: null, reason })).toEqual([`the run did not end by itself: ${reason}`]);
    }
  });

  it("fails missing, extra or merged stderr", () => {
    expect(cellProblems(cell, { stdout: "hi\n", stderr: "", code: 0 })[0]).toMatch(/^stderr differs/);
    expect(cellProblems({ expected: "hi" }, { stdout: "hi\n", stderr: "noise\n", code: 0 })[0]).toMatch(/^stderr differs/);
    expect(cellProblems(cell, { stdout: "hi\noops\n", stderr: "", code: 0 }).map((p) => p.split(" ")[0])).toEqual(["stdout", "stderr"]);
  });
});
