import { describe, expect, it } from "vitest";
import { OutputMatcher, checkOutput, splitLines } from "./expected.ts";

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
