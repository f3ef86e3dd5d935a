import { describe, expect, it } from "vitest";
import { gradePrediction, move, predictionLines, shuffled } from "./prediction.ts";

const LINES = ["main: task created", "child: running", "main: back from sleep(0)"];

describe("shuffled", () => {
  it("is the same for the same seed, and a permutation of the lines", () => {
    const a = shuffled(LINES, "task-first-turn");
    expect(shuffled(LINES, "task-first-turn")).toEqual(a);
    expect([...a].sort()).toEqual([...LINES].sort());
  });

  it("never offers the lines in their own order when another exists", () => {
    for (let seed = 0; seed < 200; seed++) {
      expect(shuffled(["a", "b"], `cell-${seed}`)).toEqual(["b", "a"]);
      expect(shuffled(LINES, `cell-${seed}`)).not.toEqual(LINES);
      expect(shuffled(["x", "x", "y"], `cell-${seed}`)).not.toEqual(["x", "x", "y"]);
    }
    expect(shuffled(["same", "same"], "s")).toEqual(["same", "same"]);
  });

  it("gives another order on another attempt, sometimes", () => {
    const many = ["1", "2", "3", "4", "5", "6"];
    const orders = new Set([0, 1, 2, 3].map((attempt) => shuffled(many, "c", attempt).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe("move", () => {
  it("moves one line, keeping the others in order, and clamps the target", () => {
    expect(move(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(move(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(move(["a", "b", "c"], 0, 9)).toEqual(["b", "c", "a"]);
    expect(move(["a", "b", "c"], 5, 0)).toEqual(["a", "b", "c"]);
  });
});

describe("gradePrediction", () => {
  const printed = `${LINES.join("\n")}\n`;

  it("is right when the run printed the lines in the predicted order", () => {
    expect(gradePrediction(LINES, { stdout: printed, stderr: "" })).toEqual({ right: true });
  });

  it("names the first line of the run that departs, what it printed and what was predicted there", () => {
    const order = [LINES[0]!, LINES[2]!, LINES[1]!];
    expect(gradePrediction(order, { stdout: printed, stderr: "" })).toEqual({ right: false, line: 2, printed: LINES[1], predicted: LINES[2] });
  });

  it("says when the run printed fewer lines than predicted", () => {
    expect(gradePrediction(LINES, { stdout: `${LINES[0]}\n`, stderr: "" })).toEqual({ right: false, line: 2, predicted: LINES[1] });
  });

  it("lets a `…` line take any lines where the reader put it", () => {
    const lines = predictionLines("start\n…\nend");
    expect(gradePrediction(lines, { stdout: "start\nx\ny\nend\n", stderr: "" })).toEqual({ right: true });
    // The `…` may take the first lines, so the run departs only where it ends, still owing "start" and "end".
    expect(gradePrediction(["…", "start", "end"], { stdout: "start\nx\nend\n", stderr: "" })).toEqual({ right: false, line: 4 });
    expect(gradePrediction(["end", "…", "start"], { stdout: "start\nx\nend\n", stderr: "" })).toEqual({ right: false, line: 1, printed: "start", predicted: "end" });
  });

  it("ignores stderr, unless the runtime merged it into stdout", () => {
    expect(gradePrediction(["a", "b"], { stdout: "a\nb\n", stderr: "oops\n" })).toEqual({ right: true });
    expect(gradePrediction(["a", "b"], { stdout: "a\nE\nb\n", stderr: "" }, { mergedStderr: true, expectedStderr: "E" })).toEqual({ right: true });
  });
});
