import { describe, expect, it } from "vitest";
import { alignLine } from "./align.ts";
import { originalPosition } from "../core/index.ts";
import { transpile } from "./transpile.ts";
import { inlineSourceMap } from "../core/index.ts";

/** The TS column (1-based) the JS column of `needle` maps to, through transpile's map. */
function mapped(ts: string, needle: string, occurrence = 0): { js: number; ts: number; expected: number } {
  const js = transpile(ts, "snippet.ts");
  const map = inlineSourceMap(js)!;
  const jsLines = js.split("\n");
  const line = jsLines.findIndex((l) => l.includes(needle));
  let jsColumn = -1;
  for (let k = 0; k <= occurrence; k++) jsColumn = jsLines[line]!.indexOf(needle, jsColumn + 1);
  let tsColumn = -1;
  for (let k = 0; k <= occurrence; k++) tsColumn = ts.split("\n")[line]!.indexOf(needle, tsColumn + 1);
  return { js: jsColumn + 1, ts: originalPosition(map, line + 1, jsColumn + 1).column, expected: tsColumn + 1 };
}

describe("alignLine", () => {
  it("maps identical lines one to one", () => {
    expect(alignLine("const a = 1;", "const a = 1;")).toEqual([[0, 0]]);
  });

  it("shifts columns after deleted type annotations", () => {
    expect(alignLine("const a = 1;", "const a: number = 1;")).toEqual([[0, 0], [7, 15]]);
  });

  it("keeps token starts on their TypeScript columns", () => {
    for (const [ts, needle] of [
      ["  const x: number = 1; throw new Error(`boom ${x}`);", "throw"],
      ["function f(a: Array<string>, b: number): void { g(a as unknown as string[], b!); }", "g("],
      ["const f: (a: number) => void = (a) => { boom(a); };", "boom"],
      ["class K implements I { constructor(private readonly x: number) { fail(x); } }", "fail"],
    ] as const) {
      const { ts: got, expected } = mapped(ts, needle);
      expect(got, `${needle} in ${ts}`).toBe(expected);
    }
  });

  it("stays right after template literals, where Sucrase's own maps drift", () => {
    const ts = ["const s: string = `a${1}`;", "function f(): void {", "  const t: number = 2; throw new Error(`x`);", "}"].join("\n");
    expect(mapped(ts, "throw")).toMatchObject({ ts: ts.split("\n")[2]!.indexOf("throw") + 1 });
  });
});
