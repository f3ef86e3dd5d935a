import { describe, expect, it } from "vitest";
import { extractCellsFromSource } from "./cells.ts";

const fence = "```";
const cell = (meta: string) => `${fence}ts runnable ${meta}\nx\n${fence}\n\n${fence}output\n${fence}`;
const cellsOf = (source: string) => extractCellsFromSource(source, "fixture.mdx");

describe("Timeline and Step through meta", () => {
  it("reads `timeline` and `nostep=\"why\"`", () => {
    const [plain, recorded, unsteppable] = cellsOf([cell(""), cell("timeline"), cell('nostep="it reads the real clock"')].join("\n\n"));
    expect([plain!.timeline, plain!.noStep]).toEqual([undefined, undefined]);
    expect(recorded!.timeline).toBe(true);
    expect(unsteppable!.noStep).toBe("it reads the real clock");
  });

  it("refuses `nostep` without a reason", () => {
    expect(() => cellsOf(cell("nostep"))).toThrow(/fixture\.mdx:1: `nostep=` needs the reason/);
  });
});
