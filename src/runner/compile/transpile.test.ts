import { describe, expect, it } from "vitest";
import { inlineSourceMap, originalPosition } from "../core/index.ts";
import { SnippetSyntaxError, transpile } from "./transpile.ts";

const snippet = [
  'import * as asyncio from "asyncio";',
  'import type { Coroutine } from "asyncio";',
  "",
  "function* main(): Coroutine<void> {",
  "  const label: string = `t${1 as number}`;",
  '  throw new Error("boom");',
  "}",
  "asyncio.run(main());",
].join("\n");

describe("transpile", () => {
  it("strips types, keeps ES modules, and keeps every line on its line", () => {
    const js = transpile(snippet, "snippet.ts");
    const lines = js.split("\n");
    expect(lines[0]).toBe('import * as asyncio from "asyncio";');
    expect(lines[3]).toBe("function* main() {");
    expect(lines[5]).toBe('  throw new Error("boom");');
    expect(lines[7]).toBe("asyncio.run(main());");
    expect(js).not.toMatch(/: string|as number|Coroutine<void>/);
    expect(js).not.toMatch(/require\(|exports\./);
  });

  it("leaves modern syntax alone (no helpers that would move columns)", () => {
    const js = transpile("const a = b?.c ?? 1;\nclass K { x = 1; }", "snippet.ts");
    expect(js.split("\n").slice(0, 2)).toEqual(["const a = b?.c ?? 1;", "class K { x = 1; }"]);
  });

  it("appends an inline source map naming the TypeScript file", () => {
    const js = transpile(snippet, "kitchen.ts");
    const map = inlineSourceMap(js);
    expect(map?.source).toBe("kitchen.ts");
    // `label` sits at column 9 in the JS of line 5 (after types were stripped, same here) ...
    const jsLine = js.split("\n")[4]!;
    const tsLine = snippet.split("\n")[4]!;
    const jsColumn = jsLine.indexOf("`t") + 1;
    const tsColumn = tsLine.indexOf("`t") + 1;
    expect(jsColumn).toBeLessThan(tsColumn); // `: string` was removed before it
    expect(originalPosition(map!, 5, jsColumn)).toEqual({ line: 5, column: tsColumn });
  });

  it("reports a syntax error with its 1-based line and column", () => {
    let error: unknown;
    try {
      transpile("const a = 1;\nconst b = ;\n", "snippet.ts");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SnippetSyntaxError);
    const syntax = error as SnippetSyntaxError;
    expect([syntax.path, syntax.line, syntax.column]).toEqual(["snippet.ts", 2, 11]);
    expect(syntax.reason).toBe("Unexpected token");
    expect(syntax.message).toBe("snippet.ts:2:11: Unexpected token");
  });

  it("names the chapter file a syntax error is in", () => {
    expect(() => transpile("export const = 1;", "kitchen.ts")).toThrow(/^kitchen\.ts:1:\d+: /);
  });
});
