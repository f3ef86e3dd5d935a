/** The chapters in reading order (by the numeric prefix of their file names). */
import { getCollection, type CollectionEntry } from "astro:content";

export type Chapter = CollectionEntry<"chapters">;

/** Every chapter, sorted by id ("03-asyncio-walkthrough" before "04-…"). */
export async function getChapters(): Promise<Chapter[]> {
  const chapters = await getCollection("chapters");
  return chapters.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
}

/** The URL of a chapter page. */
export function chapterHref(chapter: Chapter): string {
  return `/${chapter.id}/`;
}
