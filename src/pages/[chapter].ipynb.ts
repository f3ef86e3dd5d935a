/** Each chapter as a Jupyter notebook, `/<chapter>.ipynb`, built from its MDX (src/notebook/ipynb.ts). */
import { readFileSync } from "node:fs";
import type { APIRoute, GetStaticPaths } from "astro";
import { getChapters } from "../components/chapter-list.ts";
import { chapterNotebook } from "../notebook/ipynb.ts";

export const getStaticPaths = (async () => {
  const chapters = await getChapters();
  return chapters.map((entry) => ({ params: { chapter: entry.id }, props: { path: entry.filePath! } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => {
  const notebook = chapterNotebook(readFileSync((props as { path: string }).path, "utf8"), params.chapter!);
  return new Response(`${JSON.stringify(notebook, null, 1)}\n`, {
    headers: { "Content-Type": "application/x-ipynb+json" },
  });
};
