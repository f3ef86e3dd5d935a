/**
 * The MDX → notebook-cell transform: an mdast plugin for Sätteri (Astro 7's Markdown processor;
 * the remark stage, in unified's terms).
 *
 * Each cell's blocks (python?, ts runnable, output, stderr?, output python?) become ONE `<NotebookCell cell="…">`
 * JSX element whose `cell` attribute is the {@link Cell} as JSON; each ` ```ts file= ` block
 * becomes `<NotebookFile file="…">`. The page renders them by passing components of those names
 * to `<Content components={…} />`. A chapter that breaks the format throws, which fails the build
 * with the `file:line:` message from {@link scanChapter}.
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Root } from "mdast";
import type { MdastPluginDefinition, MdastPluginEntry, MdxJsxFlowElement } from "satteri";
import type { Cell, ChapterFile } from "../notebook/index.ts";
import { scanChapter } from "./cells.ts";

/** The JSX names the plugin emits; the page maps them to Astro components. */
export const CELL_COMPONENT = "NotebookCell";
export const FILE_COMPONENT = "NotebookFile";

function element(name: string, attribute: string, value: unknown): MdxJsxFlowElement {
  return {
    type: "mdxJsxFlowElement",
    name,
    attributes: [{ type: "mdxJsxAttribute", name: attribute, value: JSON.stringify(value) }],
    children: [],
  };
}

/** `<NotebookCell cell="{…}" />` for one cell. */
export function cellElement(cell: Cell): MdxJsxFlowElement {
  return element(CELL_COMPONENT, "cell", cell);
}

/** `<NotebookFile file="{…}" />` for one chapter module. */
export function fileElement(file: ChapterFile): MdxJsxFlowElement {
  return element(FILE_COMPONENT, "file", file);
}

function displayPath(url: URL | undefined): string {
  if (!url) return "<mdx>";
  return relative(process.cwd(), fileURLToPath(url)) || fileURLToPath(url);
}

/**
 * The plugin. It runs on MDX only (plain Markdown has no JSX to render cells with); on a `.md`
 * document it leaves the pipeline untouched.
 */
export function remarkCells(): MdastPluginEntry {
  const plugin: MdastPluginDefinition = {
    name: "notebook-cells",
    options: { position: true },
    before(root, ctx) {
      const { cells, files } = scanChapter(root as Root, displayPath(ctx.fileURL));
      for (const { cell, python, code, output, stderr, pythonOutput } of cells) {
        ctx.replaceNode(code, cellElement(cell));
        for (const node of [python, output, stderr, pythonOutput]) if (node) ctx.removeNode(node);
      }
      for (const { file, code } of files) ctx.replaceNode(code, fileElement(file));
    },
  };
  return (context) => (context.sourceFormat === "mdx" ? plugin : null);
}
