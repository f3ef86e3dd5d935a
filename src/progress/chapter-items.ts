/** What a chapter list needs to show a chapter's progress: its cells' and exercises' ids, read from its MDX at build time. */
import type { Chapter } from "../components/chapter-list.ts";
import { extractCellsFromSource } from "../markdown/cells.ts";
import { exerciseIds } from "../exercises/chapter-exercises.ts";

export interface ChapterItems {
  cellIds: string[];
  exerciseIds: string[];
  /** Cells with a Predict step. */
  predictIds: string[];
}

export function chapterItems(chapter: Chapter): ChapterItems {
  const cells = extractCellsFromSource(chapter.body ?? "", `content/${chapter.id}.mdx`);
  return { cellIds: cells.map((cell) => cell.id), exerciseIds: exerciseIds(chapter), predictIds: cells.filter((cell) => cell.predict).map((cell) => cell.id) };
}
