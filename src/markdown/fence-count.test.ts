import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractCellsFromSource } from "./cells.ts";
import { countCellFences, fenceInfos } from "./fence-count.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const chapters = readdirSync(join(root, "content"))
  .filter((name) => name.endsWith(".mdx"))
  .sort()
  .map((name) => join(root, "content", name));

describe("fenceInfos", () => {
  it("lists opening fences only, skipping fences shown inside a longer fence", () => {
    const text = ["```ts runnable id=a", "x", "```", "", "````md", "```ts runnable", "````", "~~~output", "~~~"].join("\n");
    expect(fenceInfos(text)).toEqual(["ts runnable id=a", "md", "output"]);
  });

  it("leaves out the fences of an exercise, which are not cells", () => {
    const text = ["```output", "```", "<Exercise id=\"e\" title=\"t\">", "```ts starter", "```", "```output", "```", "</Exercise>", "```output python", "```"].join("\n");
    expect(fenceInfos(text)).toEqual(["output", "output python"]);
  });

  it("counts the blocks cells are made of", () => {
    const text = ["```python", "```", "```ts runnable", "```", "```output", "```", "```output python twin=1", "```", "```ts file=a.ts", "```"].join("\n");
    expect(countCellFences(text)).toEqual({ runnable: 1, output: 1, outputPython: 1 });
  });
});

// The parser and this line scan must agree on every chapter.
describe("the parser finds every cell a plain line scan finds", () => {
  it("has chapters", () => expect(chapters.length).toBeGreaterThan(0));
  for (const file of chapters) {
    it(relative(root, file), () => {
      const text = readFileSync(file, "utf8");
      const cells = extractCellsFromSource(text, relative(root, file));
      const counts = countCellFences(text);
      expect(counts.runnable).toBeGreaterThan(0);
      expect(cells.length, "cells").toBe(counts.runnable);
      expect(cells.length, "output blocks").toBe(counts.output);
      expect(cells.filter((cell) => cell.pythonExpected !== undefined).length, "output python blocks").toBe(counts.outputPython);
    });
  }
});
