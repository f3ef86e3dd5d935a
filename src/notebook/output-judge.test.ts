import { describe, expect, it } from "vitest";
import { OutputJudge, type JudgedLine, type Stream } from "./output-judge.ts";

/** Feeds chunks in order; returns every line the judge completed, the verdict last. */
function run(judge: OutputJudge, chunks: Array<[Stream, string]>, complete = true) {
  const lines: JudgedLine[] = [];
  for (const [stream, text] of chunks) lines.push(...judge.write(stream, text));
  const end = judge.finish(complete);
  lines.push(...end.lines);
  return { lines, verdict: end.verdict };
}

describe("OutputJudge, separate streams", () => {
  it("matches stdout and stderr each against its own expectation", () => {
    const judge = new OutputJudge("a\nb", "E");
    const { verdict } = run(judge, [["stdout", "a\n"], ["stderr", "E\n"], ["stdout", "b\n"]]);
    expect(verdict).toEqual({ matches: true, merged: false });
  });

  it("joins chunks into lines and marks the first departing line only", () => {
    const judge = new OutputJudge("one\ntwo\nthree");
    const { lines, verdict } = run(judge, [["stdout", "o"], ["stdout", "ne\nTWO\nth"], ["stdout", "ree"]]);
    expect(lines).toEqual([
      { stream: "stdout", text: "one", departs: false },
      { stream: "stdout", text: "TWO", departs: true },
      { stream: "stdout", text: "three", departs: false },
    ]);
    expect(verdict).toEqual({ matches: false, departedStream: "stdout", departedLine: 2, merged: false });
  });

  it("reports a stream that ended early", () => {
    const { verdict } = run(new OutputJudge("a", "E"), [["stdout", "a\n"]]);
    expect(verdict).toEqual({ matches: false, departedStream: "stderr", departedLine: 1, endedEarly: true, merged: false });
  });

  it("does not call a missing tail a departure when the run was cut short", () => {
    const { verdict } = run(new OutputJudge("a\nb"), [["stdout", "a\n"]], false);
    expect(verdict).toEqual({ matches: false, merged: false });
  });
});

describe("OutputJudge, stderr merged into stdout", () => {
  // What the WebContainer's terminal reports for a cell that prints to both streams.
  const expected = "start\nend";
  const expectedStderr = "Task exception was never retrieved";

  it("matches when the stderr lines arrive among the stdout lines", () => {
    const judge = new OutputJudge(expected, expectedStderr, { mergedStderr: true });
    const { lines, verdict } = run(judge, [["stdout", "start\nTask exception was never retrieved\nend\n"]]);
    expect(lines.some((line) => line.departs)).toBe(false);
    expect(verdict).toEqual({ matches: true, merged: true });
  });

  it("would differ if compared stream by stream", () => {
    const judge = new OutputJudge(expected, expectedStderr);
    const { verdict } = run(judge, [["stdout", "start\nTask exception was never retrieved\nend\n"]]);
    expect(verdict.matches).toBe(false);
  });

  it("still marks a real departure, counting lines of the merged output", () => {
    const judge = new OutputJudge(expected, expectedStderr, { mergedStderr: true });
    const { lines, verdict } = run(judge, [["stdout", "start\nTask exception was never retrieved\noops\n"]]);
    expect(lines.filter((line) => line.departs).map((line) => line.text)).toEqual(["oops"]);
    expect(verdict).toEqual({ matches: false, departedStream: "stdout", departedLine: 3, merged: true });
  });

  it("reports the expected stderr line that never came", () => {
    const judge = new OutputJudge(expected, expectedStderr, { mergedStderr: true });
    const { verdict } = run(judge, [["stdout", "start\nend\n"]]);
    expect(verdict).toEqual({ matches: false, departedStream: "stdout", departedLine: 3, endedEarly: true, merged: true });
  });
});
