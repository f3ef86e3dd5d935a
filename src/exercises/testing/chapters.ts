/** Every exercise of every chapter in content/, named "chapter › id", for the exercise tests. */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractExercisesFromSource, type Exercise } from "../../markdown/exercises.ts";

const contentDir = fileURLToPath(new URL("../../../content/", import.meta.url));

export interface ChapterExercise {
  chapter: string;
  name: string;
  exercise: Exercise;
}

export function chapterExercises(): ChapterExercise[] {
  return readdirSync(contentDir)
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .flatMap((file) => {
      const chapter = file.replace(/\.mdx$/, "");
      return extractExercisesFromSource(readFileSync(contentDir + file, "utf8"), `content/${file}`).map((exercise) => ({
        chapter,
        name: `${chapter} › ${exercise.id}`,
        exercise,
      }));
    });
}
