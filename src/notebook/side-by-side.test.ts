import { describe, expect, it } from "vitest";
import { normaliseLine, pairLanes, pairOutputs, summarise } from "./side-by-side.ts";
import { fold } from "../timeline/record.ts";

describe("Run both: pairing the two outputs", () => {
  it("marks equal lines same, lines a declared rule explains normalised (with the printed line), others differs", () => {
    const rows = pairOutputs("start\ndone: true\n[ 1, 2 ]\ntook 1.01 s\n", "start\ndone: True\n[1, 2]\ntook 1.00 s\n", { rules: ["bools", "list-repr"] });
    expect(rows).toEqual([
      { ts: "start", python: "start", kind: "same" },
      { ts: "done: true", python: "done: true", printed: "done: True", rules: ["bools"], kind: "normalised" },
      { ts: "[ 1, 2 ]", python: "[ 1, 2 ]", printed: "[1, 2]", rules: ["list-repr"], kind: "normalised" },
      { ts: "took 1.01 s", python: "took 1.00 s", kind: "differs" },
    ]);
    expect(summarise(rows)).toBe("1 line the same, 2 the same after the declared rules (bools, list-repr), 1 differs.");
  });

  it("applies only the declared rules: an undeclared difference stays a difference", () => {
    const [row] = pairOutputs("ok: true", "ok: True", { rules: [] });
    expect(row).toEqual({ ts: "ok: true", python: "ok: True", kind: "differs" });
  });

  it("sets TypeScript-only lines aside without consuming a Python line", () => {
    const rows = pairOutputs("a\n{ value: 1 }\nb", "a\nb", { rules: ["ts-only"], tsOnly: "{ value" });
    expect(rows.map((row) => row.kind)).toEqual(["same", "ts-only", "same"]);
    expect(summarise(rows)).toBe("2 lines the same, 1 printed by the TypeScript only, none differ.");
  });

  it("shows the extra lines of the longer side as one side only", () => {
    expect(pairOutputs("a\nb", "a", { rules: [] }).at(-1)).toEqual({ ts: "b", kind: "missing" });
    expect(pairOutputs("a", "a\nTrue", { rules: ["bools"] }).at(-1)).toEqual({ python: "true", printed: "True", rules: ["bools"], kind: "missing" });
    expect(summarise(pairOutputs("a", "a\nb\nc", { rules: [] }))).toBe("1 line the same, 2 differ.");
  });

  it("treats Windows line ends and a missing final newline alike", () => {
    expect(pairOutputs("x\r\ny", "x\ny\n", { rules: [] }).map((row) => row.kind)).toEqual(["same", "same"]);
  });

  it("names each rule that changed a line, in order", () => {
    expect(normaliseLine("(True, False)", { rules: ["list-repr", "bools"] })).toEqual({ line: "[ true, false ]", rules: ["list-repr", "bools"] });
    expect(normaliseLine("nothing here", { rules: ["bools"] })).toEqual({ line: "nothing here", rules: [] });
  });
});

describe("Run both: pairing the two Timelines lane for lane", () => {
  const spawn = (id: number, name: string) => ({ k: "spawn", loop: 0, t: 0, id, name, parent: null }) as const;
  const exit = (id: number, t: number) => ({ k: "exit", loop: 0, t, id, outcome: "result", detail: "None" }) as const;
  const wait = (id: number, what: string) => ({ k: "wait", loop: 0, t: 0, id, on: "timer", what }) as const;
  const loop = (kind: string) => ({ k: "loop", loop: 0, kind, t: 0 }) as const;

  it("pairs lanes in spawn order, the same when name, outcome and last wait agree, and keeps the longer side's extra lanes", () => {
    const ts = fold([loop("BaseEventLoop"), spawn(1, "Task-1"), spawn(2, "Task-2"), wait(2, "sleep(0.1)"), exit(2, 0.1), exit(1, 0.1)]);
    const py = fold([loop("WorkerEventLoop"), spawn(1, "Task-1"), spawn(2, "Task-2"), wait(2, "sleep(0.2)"), exit(2, 0.2), exit(1, 0.2), spawn(3, "Task-3")]);
    const pairs = pairLanes(ts, py);
    expect(pairs.map((pair) => [pair.ts?.name, pair.python?.name, pair.kind])).toEqual([
      ["Task-1", "Task-1", "same"],
      ["Task-2", "Task-2", "differs"],
      [undefined, "Task-3", "missing"],
    ]);
    expect(pairs[1]!.ts!.lastWait).toBe("sleep(0.1)");
    expect(pairs[1]!.python!.lastWait).toBe("sleep(0.2)");
  });
});
