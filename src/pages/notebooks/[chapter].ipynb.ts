/**
 * `/notebooks/<chapter>.ipynb`: each chapter as a Jupyter notebook, built with the site from the
 * chapter's MDX (src/jupyter/notebook.ts). Static: one file per chapter in the build.
 */
import { readFileSync } from "node:fs";
import type { APIRoute, GetStaticPaths } from "astro";
import { getChapters, type Chapter } from "../../components/chapter-list.ts";
import { chapterNotebook, NOTEBOOK_MEDIA_TYPE } from "../../jupyter/index.ts";

export const getStaticPaths = (async () => {
  const chapters = await getChapters();
  return chapters.map((entry) => ({ params: { chapter: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Chapter }> = ({ props: { entry } }) => {
  if (!entry.filePath) throw new Error(`chapter ${entry.id} has no source file`);
  const source = readFileSync(entry.filePath, "utf8");
  const { notebook } = chapterNotebook(source, { id: entry.id, title: entry.data.title, summary: entry.data.summary });
  // One space of indent, as Jupyter writes notebooks: diffs of a saved copy stay small.
  return new Response(`${JSON.stringify(notebook, null, 1)}\n`, { headers: { "Content-Type": NOTEBOOK_MEDIA_TYPE } });
};
