import { describe, expect, it } from "vitest";
import { OutputMatcher, checkMergedOutput, checkOutput, splitLines } from "./expected.ts";

describe("splitLines", () => {
  it.each([
    ["", []],
    ["\n", [""]],
    ["a", ["a"]],
    ["a\n", ["a"]],
    ["a\n\n", ["a", ""]],
    ["a\r\nb\r\n", ["a", "b"]],
  ])("%j → %j", (text, lines) => expect(splitLines(text)).toEqual(lines));
});

describe("checkOutput", () => {
  it.each([
    // [expected, actual, matches, departsAt]
    ["hi", "hi\n", true, null],
    ["hi", "hi", true, null],
    ["", "", true, null],
    ["hi", "ho\n", false, 0],
    ["a\nb", "a\nc\n", false, 1],
    ["a\nb", "a\n", false, 1], // ended early: departs where the missing line should be
    ["a", "a\nb\n", false, 1], // too long
    ["", "x\n", false, 0],
    ["…", "", true, null],
    ["…", "x\ny\nz\n", true, null],
    ["start\n…\nend", "start\nend\n", true, null], // the wildcard may match nothing
    ["start\n…\nend", "start\n1\n2\nend\n", true, null],
    ["start\n…\nend", "start\n1\n2\n", false, 3],
    ["start\n…\nend", "begin\n1\nend\n", false, 0],
    ["…\nend\n…\nend", "end\nx\nend\n", true, null],
    ["…\nend", "end\nend\n", true, null], // "end" may be matched by the wildcard, then by "end"
    ["a\n…", "a\n", true, null],
    ["…", "…\n", true, null],
    ["x\n…", "y\n", false, 0],
  ])("%j vs %j", (expected, actual, matches, departsAt) => {
    expect(checkOutput(expected, actual)).toEqual({ matches, departsAt });
  });

  it("is literal: only a line that is exactly … is a wildcard", () => {
    expect(checkOutput("took … s", "took 1.5 s\n").matches).toBe(false);
    expect(checkOutput("… ", "anything\n").matches).toBe(false);
    expect(checkOutput("...", "anything\n").matches).toBe(false);
  });
});

describe("checkMergedOutput (stderr merged into stdout)", () => {
  it.each([
    // [expected stdout, expected stderr, actual merged output, matches, departsAt]
    ["a\nb", "E", "a\nb\nE\n", true, null], // stderr last
    ["a\nb", "E", "E\na\nb\n", true, null], // stderr first
    ["a\nb", "E", "a\nE\nb\n", true, null], // in between
    ["a\nb", "E1\nE2", "E1\na\nE2\nb\n", true, null],
    ["a\nb", "", "a\nb\n", true, null], // no stderr expected: the plain comparison
    ["a\nb", "E", "b\na\nE\n", false, 0], // stdout's own order still counts
    ["a", "E1\nE2", "E2\nE1\na\n", false, 0], // and stderr's
    ["a\nb", "E", "a\nb\n", false, 2], // the stderr line never came
    ["a", "E", "a\nE\nE\n", false, 2], // one stderr line too many
    ["a", "", "a\nE\n", false, 1], // stderr nobody expected
    ["x\n…\nend", "Traceback\n…", "x\nTraceback\n1\n2\nend\n", true, null], // wildcards in both
    ["x\n…\nend", "E", "x\n1\nE\n2\nend\n", true, null], // a stderr line inside stdout's wildcard
    ["same", "same", "same\nsame\n", true, null], // a line either stream could have printed
    ["same", "same", "same\n", false, 1],
  ])("stdout %j + stderr %j vs %j", (stdout, stderr, actual, matches, departsAt) => {
    expect(checkMergedOutput(stdout, stderr, actual)).toEqual({ matches, departsAt });
  });

  it("marks the departure live, before the output is complete", () => {
    const matcher = new OutputMatcher(["one\ntwo", "oops"]);
    expect(matcher.push("one")).toBe(true);
    expect(matcher.push("oops")).toBe(true);
    expect(matcher.departure()).toBe(null);
    expect(matcher.push("three")).toBe(false);
    expect(matcher.departure()).toBe(2);
  });

  it("stays fast on long merged outputs under wildcards", () => {
    const matcher = new OutputMatcher(["…\nend", "…"]);
    for (let i = 0; i < 50_000; i++) matcher.push(String(i));
    matcher.push("end");
    expect(matcher.matches()).toBe(true);
  });
});

describe("OutputMatcher", () => {
  it("reports the departure while output is still arriving", () => {
    const matcher = new OutputMatcher("one\ntwo\nthree");
    expect(matcher.push("one")).toBe(true);
    expect(matcher.departure()).toBe(null);
    expect(matcher.push("2")).toBe(false);
    expect(matcher.departure()).toBe(1);
    expect(matcher.push("three")).toBe(false); // once off track, always off track
    expect(matcher.departure(true)).toBe(1);
    expect(matcher.matches()).toBe(false);
  });

  it("does not call a prefix a departure until the output is complete", () => {
    const matcher = new OutputMatcher("one\ntwo");
    matcher.push("one");
    expect(matcher.departure()).toBe(null);
    expect(matcher.departure(true)).toBe(1);
  });

  it("stays linear on long outputs under a wildcard", () => {
    const matcher = new OutputMatcher("…\nend");
    for (let i = 0; i < 100_000; i++) matcher.push(String(i));
    matcher.push("end");
    expect(matcher.matches()).toBe(true);
  });
});
