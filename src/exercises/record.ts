/**
 * Writing recorded CPython output into a chapter: each exercise's ` ```output python ` block
 * gets the text its Python solution printed. Pure text in, text out, so it is tested without
 * Python; scripts/record-exercise-python.ts runs the interpreter.
 */
import type { Root } from "mdast";
import { mdxToMdast } from "satteri";
import { scanExercises, type Exercise } from "../markdown/exercises.ts";

/**
 * Returns `source` with every exercise's ` ```output python ` block replaced by what
 * `printed(exercise)` gives (its stdout, trailing newline dropped), and the ids it changed.
 * `printed` returning undefined leaves that exercise's block as it is.
 */
export function recordPythonOutputs(
  source: string,
  path: string,
  printed: (exercise: Exercise) => string | undefined,
): { source: string; changed: string[] } {
  const changed: string[] = [];
  // From the end, so earlier offsets stay valid while later blocks are rewritten.
  for (const { exercise, blocks } of scanExercises(mdxToMdast(source) as Root, path).reverse()) {
    const stdout = printed(exercise);
    if (stdout === undefined) continue;
    const recorded = stdout.replace(/\n$/, "");
    if (recorded === exercise.expectedPython) continue;
    const { start, end } = blocks.expectedPython.position!;
    source = `${source.slice(0, start.offset)}\`\`\`output python\n${recorded}\n\`\`\`${source.slice(end.offset)}`;
    changed.unshift(exercise.id);
  }
  return { source, changed };
}
