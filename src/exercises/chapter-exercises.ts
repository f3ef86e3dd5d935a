/** The ids of a chapter's exercises, read from its MDX at build time (for the progress shown on the home page). */
import type { Chapter } from "../components/chapter-list.ts";
import { extractExercisesFromSource } from "../markdown/exercises.ts";

export function exerciseIds(chapter: Chapter): string[] {
  return extractExercisesFromSource(chapter.body ?? "", `content/${chapter.id}.mdx`).map((exercise) => exercise.id);
}
