import { describe, expect, it } from "vitest";
import { parseSteps, stepItem } from "./sequence.ts";

const actors = ["Loop", "selector", "pool's thread"];

describe("a drawn sequence's steps", () => {
  it("are the list's items, each with the columns its arrow spans", () => {
    const html = "<ol><li><strong>Loop → selector</strong>: registers <code>a</code></li><li><strong>pool’s thread → Loop</strong>: done</li><li><strong>Loop</strong>: runs</li></ol>";
    const steps = parseSteps(html, actors);
    expect(steps.map(({ from, to, text }) => [from, to, text])).toEqual([
      [1, 2, "registers <code>a</code>"],
      [3, 1, "done"],
      [1, 1, "runs"],
    ]);
    expect(stepItem(steps[1]!)).toContain('data-direction="left" style="--lo: 1; --span: 3"');
    expect(stepItem(steps[2]!)).toContain('data-direction="self" style="--lo: 1; --span: 1"');
    // A screen reader hears "pool's thread to Loop", not an arrow.
    expect(stepItem(steps[1]!)).toMatch(/pool's thread <span aria-hidden="true">→<\/span><span class="sr-only">to<\/span> Loop/);
  });

  it("fail the build on an actor the figure does not draw, or an item without actors", () => {
    expect(() => parseSteps("<ol><li><strong>Loop → kernel</strong>: x</li></ol>", actors)).toThrow(/"kernel" is not one of its actors/);
    expect(() => parseSteps("<ol><li>Loop does x</li></ol>", actors)).toThrow(/must open with its actors in bold/);
    expect(() => parseSteps("<p>no list</p>", actors)).toThrow(/ordered list/);
  });
});
