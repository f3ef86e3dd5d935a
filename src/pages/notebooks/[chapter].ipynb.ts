/**
 * `/notebooks/<chapter>.ipynb`: each chapter as a Jupyter notebook, built with the site from the
 * chapter's MDX (src/jupyter/notebook.ts). Static: one file per chapter in the build.
 */
import { readFileSync } from "node:fs";
import type { APIRoute, GetStaticPaths } from "astro";
import { getChapters, type Chapter } from "../../components/chapter-list.ts";
import { chapterNotebook, notebookResponse } from "../../jupyter/index.ts";

export const getStaticPaths = (async () => {
  const chapters = await getChapters();
  return chapters.map((entry) => ({ params: { chapter: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Chapter }> = ({ props: { entry } }) => {
  if (!entry.filePath) throw new Error(`chapter ${entry.id} has no source file`);
  const source = readFileSync(entry.filePath, "utf8");
  const { notebook } = chapterNotebook(source, { id: entry.id, title: entry.data.title, summary: entry.data.summary });
  return notebookResponse(notebook);
};
