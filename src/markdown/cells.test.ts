import { describe, expect, it } from "vitest";
import { extractCellsFromSource, twinHash } from "./cells.ts";

const fence = "```";
const twin = 'print("hi")';

function chapter(afterOutput: string, before = `${fence}python\n${twin}\n${fence}\n\n`): string {
  return `# T\n\n${before}${fence}ts runnable\nconsole.log("hi");\n${fence}\n\n${fence}output\nhi\n${fence}\n\n${afterOutput}`;
}

describe("the output python block", () => {
  it("is the twin's recorded output, with its hash and declared rules", () => {
    const source = chapter(`${fence}output python twin=${twinHash(twin)} rules=bools,ts-only ts-only="    ["\nhi\n${fence}\n`);
    const [cell] = extractCellsFromSource(source, "t.mdx");
    expect(cell!.pythonExpected).toBe("hi");
    expect(cell!.pythonRecord).toEqual({ twin: twinHash(twin), rules: ["bools", "ts-only"], tsOnly: "    [", line: 15 });
  });

  it("may follow the cell's stderr block", () => {
    const source = chapter(`${fence}stderr\noops\n${fence}\n\n${fence}output python twin=${twinHash(twin)}\nhi\n${fence}\n`);
    const [cell] = extractCellsFromSource(source, "t.mdx");
    expect(cell!.expectedStderr).toBe("oops");
    expect(cell!.pythonExpected).toBe("hi");
  });

  it("is optional", () => {
    const [cell] = extractCellsFromSource(chapter(""), "t.mdx");
    expect(cell!.python).toBe(twin);
    expect(cell!.pythonExpected).toBeUndefined();
  });

  it("fails the build when it stands alone, lacks a twin, or declares an unknown rule", () => {
    expect(() => extractCellsFromSource(chapter(`Prose.\n\n${fence}output python\nhi\n${fence}\n`), "t.mdx")).toThrow(
      /^t\.mdx:17: an `output python` block must directly follow/,
    );
    expect(() => extractCellsFromSource(chapter(`${fence}output python\nhi\n${fence}\n`, ""), "t.mdx")).toThrow(/needs the cell's ```python twin/);
    expect(() => extractCellsFromSource(chapter(`${fence}output python rules=whatever\nhi\n${fence}\n`), "t.mdx")).toThrow(
      /unknown Python output rule "whatever"/,
    );
    expect(() => extractCellsFromSource(chapter(`${fence}output python rules=ts-only\nhi\n${fence}\n`), "t.mdx")).toThrow(/go together/);
  });

  it("cannot stand in for the cell's own output block", () => {
    const source = `${fence}ts runnable\nconsole.log(1);\n${fence}\n\n${fence}output python\n1\n${fence}\n`;
    expect(() => extractCellsFromSource(source, "t.mdx")).toThrow(/must be followed by an `output` block/);
  });
});

describe("twinHash", () => {
  it("changes with any edit to the twin", () => {
    expect(twinHash(twin)).toMatch(/^[0-9a-f]{8}$/);
    expect(twinHash(`${twin} `)).not.toBe(twinHash(twin));
  });
});

describe("a cell inside a fold", () => {
  it("is found, in document order, with the modules before it, like any other", () => {
    const cell = (id: string) => `${fence}ts runnable id=${id}\nconsole.log("${id}");\n${fence}\n\n${fence}output\n${id}\n${fence}\n`;
    const source = [
      "# T\n",
      cell("before"),
      '<Fold summary="How this measurement works">\n',
      `${fence}ts file=shared.ts\nexport const x = 1;\n${fence}\n`,
      cell("inside"),
      "</Fold>\n",
      cell("after"),
    ].join("\n");
    const cells = extractCellsFromSource(source, "t.mdx");
    expect(cells.map((c) => c.id)).toEqual(["before", "inside", "after"]);
    expect(cells.map((c) => c.files.map((file) => file.path))).toEqual([[], ["shared.ts"], ["shared.ts"]]);
  });
});
