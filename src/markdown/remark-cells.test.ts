import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { markdownToHtml, mdxToJs } from "satteri";
import { describe, expect, it } from "vitest";
import type { Cell } from "../notebook/index.ts";
import { extractCellsFromSource } from "./cells.ts";
import { remarkCells } from "./remark-cells.ts";

const fence = "```";

const chapter = `---
title: Fixture
summary: A chapter with every kind of block.
---

# Fixture

${fence}ts file=kitchen.ts
export const dish = "soup";
${fence}

Some prose.

${fence}python
print("hi")
${fence}

${fence}ts runnable
import { dish } from "./kitchen.js";
console.log("hi", dish);
${fence}

${fence}output
hi soup
${fence}

${fence}ts runnable id=boom timeout=0.5
throw new Error("boom");
${fence}

${fence}output
${fence}

${fence}stderr
…
Error: boom
…
${fence}

${fence}python
print("not a cell's original: prose comes between")
${fence}

Prose.

${fence}ts
const notRunnable = 1;
${fence}
`;

/** Compiles MDX the way Astro does (Sätteri, our plugin), keeping JSX so the output is readable. */
async function compile(source: string, file = "content/fixture.mdx"): Promise<string> {
  const result = await mdxToJs(source, {
    mdastPlugins: [remarkCells()],
    jsx: true,
    fileURL: pathToFileURL(resolve(file)),
  });
  return result.code;
}

function cellsOf(source: string): Cell[] {
  return extractCellsFromSource(source, "content/fixture.mdx");
}

/** The NotebookCell and NotebookFile elements of compiled MDX, in order, with their JSON props parsed. */
function notebookElements(code: string): { tag: string; data: unknown }[] {
  return [...code.matchAll(/<(NotebookCell|NotebookFile) (?:cell|file)='([^']*)' \/>/g)].map(([, tag, json]) => ({ tag: tag!, data: JSON.parse(json!) }));
}

describe("remarkCells", () => {
  it("turns cell blocks into NotebookCell elements and file blocks into NotebookFile", async () => {
    const kitchen = { path: "kitchen.ts", code: 'export const dish = "soup";', line: 8 };
    expect(notebookElements(await compile(chapter))).toEqual([
      { tag: "NotebookFile", data: kitchen },
      {
        tag: "NotebookCell",
        data: {
          id: "cell-1",
          code: 'import { dish } from "./kitchen.js";\nconsole.log("hi", dish);',
          expected: "hi soup",
          python: 'print("hi")',
          files: [kitchen],
          line: 18,
          timeoutMs: 10_000,
        },
      },
      {
        tag: "NotebookCell",
        data: {
          id: "boom",
          code: 'throw new Error("boom");',
          expected: "",
          expectedStderr: "…\nError: boom\n…",
          files: [kitchen],
          line: 27,
          timeoutMs: 500,
        },
      },
    ]);
  });

  it("consumes the python, output and stderr blocks of a cell and nothing else", async () => {
    const code = await compile(chapter);
    expect(code.match(/<NotebookCell /g)).toHaveLength(2);
    expect(code.match(/<NotebookFile /g)).toHaveLength(1);
    // The stray python block and the plain ts block stay ordinary code blocks.
    expect(code).toContain("not a cell's original");
    expect(code).toContain("const notRunnable = 1;");
    expect(code).not.toMatch(/language-(output|stderr)/);
    expect(code.match(/language-python/g)).toHaveLength(1);
  });

  it("consumes a cell's output python block, which reaches the page inside the cell", async () => {
    const source = `${fence}python\nprint(True)\n${fence}\n\n${fence}ts runnable\nconsole.log(true);\n${fence}\n\n${fence}output\ntrue\n${fence}\n\n${fence}output python twin=abcd1234 rules=bools\nTrue\n${fence}\n`;
    const code = await compile(source);
    expect(code.match(/<NotebookCell /g)).toHaveLength(1);
    expect(code).not.toMatch(/language-(output|python)/);
    expect(code).toContain('"pythonExpected":"True","pythonRecord":{"rules":["bools"],"line":13,"twin":"abcd1234"}');
  });

  it("fails the build on a runnable block without an output block, naming file and line", async () => {
    const source = `# Broken\n\nText.\n\n${fence}ts runnable\nconsole.log(1);\n${fence}\n\nMore text.\n`;
    await expect(compile(source, "content/broken.mdx")).rejects.toThrow(
      /content\/broken\.mdx:5: a `ts runnable` block must be followed by an `output` block/,
    );
  });

  it("leaves plain Markdown alone (no JSX to render cells with)", async () => {
    const source = `${fence}ts runnable\nconsole.log(1);\n${fence}\n`;
    const { html } = await markdownToHtml(source, { mdastPlugins: [remarkCells()] });
    expect(html).toContain("console.log(1);");
  });
});

describe("extractCellsFromSource", () => {
  it("reads every cell in document order, with its original, expectations and files", () => {
    const [first, second, ...rest] = cellsOf(chapter);
    expect(rest).toEqual([]);
    expect(first).toEqual({
      id: "cell-1",
      code: 'import { dish } from "./kitchen.js";\nconsole.log("hi", dish);',
      expected: "hi soup",
      python: 'print("hi")',
      files: [{ path: "kitchen.ts", code: 'export const dish = "soup";', line: 8 }],
      line: 18,
      timeoutMs: 10_000,
    });
    expect(second).toMatchObject({ id: "boom", expected: "", expectedStderr: "…\nError: boom\n…", timeoutMs: 500 });
    expect(second).not.toHaveProperty("python");
  });

  it("gives each cell only the files defined before it, the latest definition of each name", () => {
    const source = [
      `${fence}ts runnable\n1\n${fence}\n\n${fence}output\n${fence}`,
      `${fence}ts file=a.ts\nexport const v = 1;\n${fence}`,
      `${fence}ts runnable\n2\n${fence}\n\n${fence}output\n${fence}`,
      `${fence}ts file=a.ts\nexport const v = 2;\n${fence}`,
      `${fence}ts file=b.ts\nexport const w = 3;\n${fence}`,
      `${fence}ts runnable\n3\n${fence}\n\n${fence}output\n${fence}`,
    ].join("\n\n");
    const files = cellsOf(source).map((cell) => cell.files.map((file) => file.code));
    expect(files).toEqual([[], ["export const v = 1;"], ["export const v = 2;", "export const w = 3;"]]);
  });

  it("numbers default ids by position among all cells, custom ids included", () => {
    const cell = (meta: string) => `${fence}ts runnable ${meta}\nx\n${fence}\n\n${fence}output\n${fence}`;
    const ids = cellsOf([cell(""), cell("id=custom"), cell("")].join("\n\n")).map((c) => c.id);
    expect(ids).toEqual(["cell-1", "custom", "cell-3"]);
  });

  it("finds cells nested in lists and other containers", () => {
    const source = `- step\n\n  ${fence}ts runnable\n  x\n  ${fence}\n\n  ${fence}output\n  1\n  ${fence}\n`;
    expect(cellsOf(source).map((c) => [c.code, c.expected, c.line])).toEqual([["x", "1", 3]]);
  });

  it.each([
    [`${fence}ts runnable\nx\n${fence}\n\nText.\n\n${fence}output\n${fence}`, /fixture\.mdx:1: .*followed by an `output` block/],
    [`${fence}ts runnable\nx\n${fence}`, /fixture\.mdx:1: .*followed by an `output` block/],
    [`Text.\n\n${fence}output\n1\n${fence}`, /fixture\.mdx:3: an `output` block must directly follow/],
    [`${fence}ts runnable\nx\n${fence}\n\n${fence}output\n${fence}\n\n${fence}stderr\n${fence}\n\n${fence}stderr\n${fence}`, /fixture\.mdx:11: a `stderr` block must directly follow/],
    [`${fence}ts runnable timeout=0\nx\n${fence}\n\n${fence}output\n${fence}`, /fixture\.mdx:1: `timeout=` must be a positive number/],
    [`${fence}ts runnable timeout=soon\nx\n${fence}\n\n${fence}output\n${fence}`, /`timeout=` must be a positive number of seconds \(got soon\)/],
    [`${fence}ts runnable id=1st\nx\n${fence}\n\n${fence}output\n${fence}`, /`id=` must start with a letter/],
    [`${fence}ts runnable id=a\nx\n${fence}\n\n${fence}output\n${fence}\n\n${fence}ts runnable id=a\nx\n${fence}\n\n${fence}output\n${fence}`, /fixture\.mdx:8: duplicate cell id "a"/],
    [`${fence}ts file=kitchen.js\nx\n${fence}`, /`file=` needs a module name ending in \.ts/],
    [`${fence}ts runnable file=a.ts\nx\n${fence}`, /either `runnable` or a `file=` module/],
  ])("rejects a malformed chapter (%#)", (source, message) => {
    expect(() => cellsOf(source)).toThrow(message);
  });
});
