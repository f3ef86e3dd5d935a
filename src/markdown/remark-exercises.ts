/**
 * The MDX → exercise transform: an mdast plugin for Sätteri, beside ./remark-cells.ts.
 *
 * Each `<Exercise id title>` element keeps its Markdown (the task, and its `<Hint>` elements),
 * loses its code blocks, and gains one `exercise` attribute: the {@link Exercise} as JSON. The
 * page renders `Exercise` and `Hint` with Astro components. A chapter that breaks the format
 * throws, failing the build with the `file:line:` message from {@link scanExercises}.
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Root } from "mdast";
import type { MdastPluginDefinition, MdastPluginEntry, MdxJsxFlowElement } from "satteri";
import { scanChapter } from "./cells.ts";
import { EXERCISE_COMPONENT, scanExercises, type Exercise } from "./exercises.ts";

/** The exercise element as the page receives it: its Markdown, and the exercise as JSON. */
export function exerciseElement(exercise: Exercise, children: MdxJsxFlowElement["children"]): MdxJsxFlowElement {
  return {
    type: "mdxJsxFlowElement",
    name: EXERCISE_COMPONENT,
    attributes: [{ type: "mdxJsxAttribute", name: "exercise", value: JSON.stringify(exercise) }],
    children,
  };
}

function displayPath(url: URL | undefined): string {
  if (!url) return "<mdx>";
  return relative(process.cwd(), fileURLToPath(url)) || fileURLToPath(url);
}

/** The plugin; on plain Markdown (no JSX) it does nothing. */
export function remarkExercises(): MdastPluginEntry {
  const plugin: MdastPluginDefinition = {
    name: "notebook-exercises",
    options: { position: true },
    before(root, ctx) {
      const path = displayPath(ctx.fileURL);
      // Cells and exercises are both elements with their id on the page: one namespace.
      const cellIds = scanChapter(root as Root, path).cells.map(({ cell }) => cell.id);
      for (const { exercise, element, blocks } of scanExercises(root as Root, path, cellIds)) {
        const code = new Set<unknown>(Object.values(blocks));
        const children = element.children.filter((child) => !code.has(child));
        ctx.replaceNode(element as never, exerciseElement(exercise, children));
      }
    },
  };
  return (context) => (context.sourceFormat === "mdx" ? plugin : null);
}
