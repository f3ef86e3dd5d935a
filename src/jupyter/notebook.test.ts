/**
 * Every chapter's notebook: valid nbformat 4.5 by nbformat's own JSON schema (vendored in
 * ./schema, checked by Ajv's draft-04 validator, the schema's draft), and faithful to the
 * chapter: its prose in order, each twin as a code cell with its recorded output, exercises as
 * task, starter and hints. Running the cells is ./pyodide.test.ts.
 */
import { readFileSync } from "node:fs";
import Ajv from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { extractCellsFromSource } from "../markdown/cells.ts";
import { extractExercisesFromSource } from "../markdown/exercises.ts";
import { chapterNotebook, lines, type CodeCell, type Notebook, notebookResponse, relinked, starterWithoutRun } from "./notebook.ts";
import { chapterNotebooks } from "./testing/chapters.ts";

const schema = JSON.parse(readFileSync(new URL("./schema/nbformat.v4.5.schema.json", import.meta.url), "utf8")) as object;
// strict: false: the schema has a keyword draft-04 does not define ("item", a typo for "items"
// upstream), which nbformat's own validator ignores too.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const text = (source: string[]): string => source.join("");
const codeCells = (notebook: Notebook): CodeCell[] => notebook.cells.filter((cell): cell is CodeCell => cell.cell_type === "code");
const markdown = (notebook: Notebook): string => notebook.cells.filter((cell) => cell.cell_type === "markdown").map((cell) => text(cell.source)).join("\n\n");

describe("the schema check", () => {
  it("rejects what nbformat rejects: a cell without an id, a stream without a name", () => {
    const good: Notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [{ id: "a", cell_type: "code", metadata: {}, source: ["print(1)"], execution_count: null, outputs: [{ output_type: "stream", name: "stdout", text: ["1\n"] }] }],
    };
    expect(validate(good)).toBe(true);
    const noId = structuredClone(good) as unknown as { cells: Array<Record<string, unknown>> };
    delete noId.cells[0]!["id"];
    expect(validate(noId)).toBe(false);
    const noName = structuredClone(good) as unknown as { cells: Array<{ outputs: Array<Record<string, unknown>> }> };
    delete noName.cells[0]!.outputs[0]!["name"];
    expect(validate(noName)).toBe(false);
  });
});

describe.each(chapterNotebooks())("$chapter notebook", ({ chapter, source, notebook, origins }) => {
  const path = `content/${chapter}.mdx`;

  it("is valid nbformat 4.5 by nbformat's JSON schema", () => {
    const valid = validate(JSON.parse(JSON.stringify(notebook)));
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(valid).toBe(true);
    expect(new Set(notebook.cells.map((cell) => cell.id)).size).toBe(notebook.cells.length);
  });

  it("has each twin as a code cell, in order, with its recorded CPython output", () => {
    const twins = extractCellsFromSource(source, path).filter((cell) => cell.python !== undefined);
    const cells = codeCells(notebook).filter((_, index) => origins[index]!.kind === "twin");
    expect(cells.map((cell) => cell.id)).toEqual(twins.map((cell) => cell.id));
    twins.forEach((twin, index) => {
      const cell = cells[index]!;
      const recorded = twin.pythonExpected ?? "";
      expect(cell.outputs).toEqual(recorded === "" ? [] : [{ output_type: "stream", name: "stdout", text: lines(`${recorded}\n`) }]);
      const code = text(cell.source);
      if (origins[index]!.ownLoop) expect(code).toBe(twin.python!.replace(/\n+$/, ""));
      else expect(code, `${twin.id} runs on Jupyter's loop`).not.toMatch(/asyncio\.run\(/);
    });
  });

  it("puts a note before each twin that runs its own loop", () => {
    let noted = 0;
    notebook.cells.forEach((cell, index) => {
      const origin = cell.cell_type === "code" ? origins[codeCells(notebook).indexOf(cell)] : undefined;
      if (!origin?.ownLoop) return;
      const note = notebook.cells[index - 1]!;
      expect(note.cell_type).toBe("markdown");
      expect(text(note.source)).toContain(`RuntimeError: ${origin.ownLoop.error}`);
      noted += 1;
    });
    expect(noted).toBe(origins.filter((origin) => origin?.ownLoop).length);
  });

  it("keeps the chapter's headings and prose, without MDX or links to the site's pages", () => {
    const prose = markdown(notebook);
    for (const [, heading] of source.matchAll(/^(#{2,6} .+)$/gm)) expect(prose).toContain(heading);
    expect(prose).not.toMatch(/<\/?(?:Exercise|Hint|CompareTimelines)\b|\]\(\.\.\//);
    expect(prose).not.toMatch(/^```ts runnable|^```output/m);
  });

  it("turns each exercise into its task, its Python starter (not run) and its hints", () => {
    const exercises = extractExercisesFromSource(source, path);
    const tasks = notebook.cells.filter((cell) => cell.cell_type === "markdown" && text(cell.source).includes("### Exercise: "));
    expect(tasks.map((cell) => cell.id)).toEqual(exercises.map((exercise) => `${exercise.id}-task`));
    for (const exercise of exercises) {
      const at = notebook.cells.findIndex((cell) => cell.id === `${exercise.id}-task`);
      expect(at, exercise.id).toBeGreaterThan(-1);
      const [task, starter, after] = notebook.cells.slice(at, at + 3);
      expect(text(task!.source)).toContain(`### Exercise: ${exercise.title}`);
      expect(starter).toMatchObject({ id: exercise.id, cell_type: "code", outputs: [] });
      expect(text(starter!.source)).toMatch(/^# (?:await )?main\(\)/m);
      expect(text(after!.source)).toContain(exercise.expectedPython);
      expect(text(after!.source).match(/<summary>Hint \d+<\/summary>/g)).toHaveLength(exercise.hints);
    }
  });
});

describe("pieces", () => {
  it("serves a notebook as Jupyter's JSON media type, the notebook as its body", async () => {
    const { notebook } = chapterNotebooks()[0]!;
    const response = notebookResponse(notebook);
    expect(response.headers.get("content-type")).toBe("application/x-ipynb+json");
    expect(await response.json()).toEqual(notebook);
  });

  it("splits text into nbformat's lines", () => {
    expect(lines("a\nb\n")).toEqual(["a\n", "b\n"]);
    expect(lines("a\nb")).toEqual(["a\n", "b"]);
    expect(lines("")).toEqual([]);
  });

  it("points links to other chapters at their notebooks, anchors kept", () => {
    expect(relinked("[chapter 5](../05-inside-coroutines/) and [this](../08-when-things-fail/#keep-a-reference)")).toBe(
      "[chapter 5](05-inside-coroutines.ipynb) and [this](08-when-things-fail.ipynb#keep-a-reference)",
    );
    expect(relinked("[docs](https://docs.python.org/3/)")).toBe("[docs](https://docs.python.org/3/)");
  });

  it("comments out a starter's top-level run only", () => {
    expect(starterWithoutRun("async def main():\n    await go()\n\nawait main()")).toEqual({
      source: "async def main():\n    await go()\n\n# await main()  # run it once you have made the change",
      runs: ["await main()"],
    });
    expect(starterWithoutRun("def main():\n    go()\n\nmain()").runs).toEqual(["main()"]);
  });

  it("names the chapter and builds from a minimal chapter", () => {
    const source = [
      "---",
      "title: T",
      "summary: S",
      "---",
      "",
      "## A heading",
      "",
      "Some *prose*.",
      "",
      "```python",
      "import asyncio",
      "async def main():",
      "    print('hi')",
      "asyncio.run(main())",
      "```",
      "",
      "```ts runnable id=hi",
      'console.log("hi");',
      "```",
      "",
      "```output",
      "hi",
      "```",
      "",
      "```output python",
      "hi",
      "```",
      "",
      "More prose.",
    ].join("\n");
    const { notebook } = chapterNotebook(source, { id: "01-x", title: "The title", summary: "The summary" });
    expect(notebook.metadata["title"]).toBe("The title");
    expect(notebook.cells.map((cell) => [cell.cell_type, text(cell.source).split("\n")[0]])).toEqual([
      ["markdown", "# The title"],
      ["markdown", "## A heading"],
      ["code", "import asyncio"],
      ["markdown", "More prose."],
    ]);
    expect(text(notebook.cells[2]!.source)).toBe("import asyncio\nasync def main():\n    print('hi')\nawait main()");
  });

  it("reads a fold and a drawn sequence straight on: their titles in bold, their prose, list and cells kept", () => {
    const source = [
      "---",
      "title: T",
      "---",
      "",
      '<Fold summary="How this measurement works: a test">',
      "",
      "Inside the fold.",
      "",
      "```python",
      "print('hi')",
      "```",
      "",
      "```ts runnable id=hi",
      'console.log("hi");',
      "```",
      "",
      "```output",
      "hi",
      "```",
      "",
      "</Fold>",
      "",
      '<Sequence caption="One run" actors={["Loop", "selector"]}>',
      "",
      "1. **Loop → selector**: registers a socket.",
      "",
      "</Sequence>",
    ].join("\n");
    const { notebook } = chapterNotebook(source, { id: "01-x", title: "T", summary: "S" });
    expect(notebook.cells.slice(1).map((cell) => [cell.cell_type, text(cell.source)])).toEqual([
      ["markdown", "**How this measurement works: a test**\n\nInside the fold."],
      ["code", "print('hi')"],
      ["markdown", "**One run**\n\n1. **Loop → selector**: registers a socket."],
    ]);
  });
});
