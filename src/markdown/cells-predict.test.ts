import { describe, expect, it } from "vitest";
import { extractCellsFromSource } from "./cells.ts";

const fence = "```";
const cell = (meta: string, output: string) => `${fence}ts runnable ${meta}\nx\n${fence}\n\n${fence}output\n${output}\n${fence}`;
const cellsOf = (source: string) => extractCellsFromSource(source, "fixture.mdx");

describe("the `predict` meta", () => {
  it("marks a cell whose output lines the reader may order first", () => {
    const [plain, predicted] = cellsOf([cell("", "a\nb"), cell("predict", "a\n…\nb")].join("\n\n"));
    expect(plain!.predict).toBeUndefined();
    expect(predicted!.predict).toBe(true);
  });

  it("refuses a cell with nothing to order, or a value", () => {
    expect(() => cellsOf(cell("predict", "a\na\n…"))).toThrow(/fixture\.mdx:1: a `predict` cell must print at least two different lines/);
    expect(() => cellsOf(cell("predict=yes", "a\nb"))).toThrow(/fixture\.mdx:1: `predict` takes no value/);
  });
});
