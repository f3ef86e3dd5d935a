import { describe, expect, it } from "vitest";
import { checkTwin, PYTHON_RULES } from "./python-rules.ts";

const apply = (name: string, line: string) => PYTHON_RULES[name]!.apply(line);

describe("the declared Python output rules", () => {
  it("bools maps whole words True and False only", () => {
    expect(apply("bools", "done yet? False, cancelled: True")).toBe("done yet? false, cancelled: true");
    expect(apply("bools", "Truely TrueFalse")).toBe("Truely TrueFalse");
  });

  it("list-repr maps list and tuple reprs to console.log's arrays, and nothing else", () => {
    expect(apply("list-repr", "main: gathered ['a', 'b']")).toBe("main: gathered [ 'a', 'b' ]");
    expect(apply("list-repr", "pair (1, 2)")).toBe("pair [ 1, 2 ]");
    expect(apply("list-repr", "one (1,)")).toBe("one [ 1 ]");
    expect(apply("list-repr", "empty []")).toBe("empty []");
    expect(apply("list-repr", "called f(x) and g()")).toBe("called f(x) and g()");
  });

  it("type-names maps a line that is Python's coroutine type name only", () => {
    expect(apply("type-names", "coroutine")).toBe("[object Generator]");
    expect(apply("type-names", "a coroutine")).toBe("a coroutine");
  });

  it("send-protocol maps the three outcomes of coro.send(None)", () => {
    expect(apply("send-protocol", "None")).toBe("done: false, value: undefined");
    expect(apply("send-protocol", "StopIteration, value: 123")).toBe("done: true, value: 123");
    expect(apply("send-protocol", "RuntimeError: cannot reuse already awaited coroutine")).toBe("done: true, value: undefined");
    expect(apply("send-protocol", "RuntimeError: something else")).toBe("RuntimeError: something else");
  });
});

describe("checkTwin", () => {
  it("accepts identical outputs with no rules", () => {
    expect(checkTwin("a\nb", "a\nb", { rules: [] })).toMatchObject({ matches: true, unused: [], departsAt: null });
  });

  it("fails an undeclared difference, naming the line", () => {
    const verdict = checkTwin("ok: True\nnext", "ok: true\nnext", { rules: [] });
    expect(verdict).toMatchObject({ matches: false, departsAt: 1 });
    expect(checkTwin("ok: True\nnext", "ok: true\nnext", { rules: ["bools"] }).matches).toBe(true);
  });

  it("reports a declared rule that changes nothing", () => {
    expect(checkTwin("a", "a", { rules: ["bools"] }).unused).toEqual(["bools"]);
    expect(checkTwin("a", "a", { rules: ["ts-only"], tsOnly: "    [" }).unused).toEqual(["ts-only"]);
  });

  it("sets aside TypeScript-only lines by their declared prefix, and only those", () => {
    const ts = "native: started\njob: started\nnative: resumed";
    expect(checkTwin("job: started", ts, { rules: ["ts-only"], tsOnly: "native: " }).matches).toBe(true);
    expect(checkTwin("job: started\nextra", ts, { rules: ["ts-only"], tsOnly: "native: " }).matches).toBe(false);
  });

  it("lets a Python … stand only where the TypeScript output has a …", () => {
    expect(checkTwin("head\n…\ntail", "head\n…\ntail", { rules: [] }).matches).toBe(true);
    expect(checkTwin("head\n…\ntail", "head\nmiddle\ntail", { rules: [] }).matches).toBe(false);
    // A TypeScript … still matches concrete Python lines.
    expect(checkTwin("head\n12 ms\ntail", "head\n…\ntail", { rules: [] }).matches).toBe(true);
  });

  it("never rewrites a … line", () => {
    expect(checkTwin("…", "…", { rules: ["list-repr"] }).normalised).toBe("…");
  });

  it("rejects unknown rules and a ts-only rule without its prefix", () => {
    expect(() => checkTwin("a", "a", { rules: ["anything"] })).toThrow(/unknown Python output rule "anything"/);
    expect(() => checkTwin("a", "a", { rules: ["ts-only"] })).toThrow(/needs a prefix/);
    expect(() => checkTwin("a", "a", { rules: [], tsOnly: "x" })).toThrow(/not declared/);
  });
});
