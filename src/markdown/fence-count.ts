/**
 * Counts a chapter's fenced blocks by their opening lines, with a plain line scan: no Markdown
 * parser, no code shared with `./cells.ts`. The tests compare its counts with the parser's, so
 * that a parser bug that drops a cell cannot pass the build, the Node check and the e2e at once
 * (they all take their cell list from the parser).
 */

/**
 * The info strings (what follows the backticks) of every top-level fence, in order. Fences
 * inside an `<Exercise>` element are left out: they are the exercise's, not cells.
 */
export function fenceInfos(mdx: string): string[] {
  const infos: string[] = [];
  let open: string | null = null; // the opening run of backticks or tildes, while inside a fence
  let inExercise = false;
  for (const line of mdx.split(/\r?\n/)) {
    if (open === null && /^<Exercise[\s>]/.test(line)) inExercise = true;
    if (open === null && /^<\/Exercise>/.test(line)) inExercise = false;
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!fence) continue;
    const [, marks, rest] = fence as unknown as [string, string, string];
    if (open === null) {
      open = marks;
      if (!inExercise) infos.push(rest.trim());
    } else if (marks[0] === open[0] && marks.length >= open.length && rest.trim() === "") {
      open = null;
    }
  }
  return infos;
}

/** Counts of the blocks a cell is made of. */
export interface FenceCounts {
  /** ` ```ts runnable ` blocks: the cells. */
  runnable: number;
  /** ` ```output ` blocks, the Python ones left out. */
  output: number;
  /** ` ```output python ` blocks. */
  outputPython: number;
}

export function countCellFences(mdx: string): FenceCounts {
  const infos = fenceInfos(mdx);
  const words = (info: string): string[] => info.split(/\s+/);
  return {
    runnable: infos.filter((info) => ["ts", "typescript"].includes(words(info)[0]!) && words(info).includes("runnable")).length,
    output: infos.filter((info) => words(info)[0] === "output" && words(info)[1] !== "python").length,
    outputPython: infos.filter((info) => words(info)[0] === "output" && words(info)[1] === "python").length,
  };
}
