/** The chapters in reading order: by `order` in the frontmatter, else the file name's numeric prefix. */
import { getCollection, type CollectionEntry } from "astro:content";

export type Chapter = CollectionEntry<"chapters">;

/** Every chapter, in reading order ("03-asyncio-walkthrough" before "04-…"). */
export async function getChapters(): Promise<Chapter[]> {
  const chapters = await getCollection("chapters");
  return chapters.sort((a, b) => position(a) - position(b) || a.id.localeCompare(b.id, "en", { numeric: true }));
}

function position(chapter: Chapter): number {
  return chapter.data.order ?? Number.parseInt(chapter.id, 10);
}

/** The URL of a chapter page. */
export function chapterHref(chapter: Chapter): string {
  return `/${chapter.id}/`;
}
