/**
 * A chapter as a Jupyter notebook (nbformat 4.5), for "Download as Jupyter notebook": its prose
 * as Markdown cells, each Python half as a code cell with its recorded CPython output, each
 * exercise's Python starter as a code cell to fill in. The TypeScript, the exercises' solutions
 * and the figures that only the page can draw are left out.
 *
 * Jupyter already runs an event loop, so a top-level `asyncio.run(main())` becomes
 * `await main()`. A cell that starts a loop of its own some other way (a `Runner`,
 * `new_event_loop()`, `run_forever()`) cannot run inside Jupyter's: it keeps its code, says so
 * in a note before it, and carries the tag `own-loop`.
 *
 * Pure: MDX source in, notebook JSON out (the build writes one per chapter, src/pages/).
 */

export interface NotebookCell {
  id: string;
  cell_type: "markdown" | "code";
  metadata: { tags?: string[] };
  source: string[];
  execution_count?: null;
  outputs?: Array<{ output_type: "stream"; name: "stdout"; text: string[] }>;
}

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: {
    kernelspec: { name: string; display_name: string; language: string };
    language_info: { name: string };
    title: string;
  };
  cells: NotebookCell[];
}

/** The tag on a code cell that starts its own event loop, which Jupyter's running one forbids. */
export const OWN_LOOP_TAG = "own-loop";
/** The tag on an exercise's starter: code with the bug to fix (some never finish until fixed). */
export const EXERCISE_TAG = "exercise";

const OWN_LOOP_NOTE =
  "The next cell starts an event loop of its own, and Jupyter's loop is already running, so it " +
  "raises `RuntimeError` here: save it as a file and run it with `python3` to see the output below.";

/** Splits text into notebook source lines, each but the last ending in "\n". */
function sourceLines(text: string): string[] {
  const lines = text.split("\n");
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line)).filter((line) => line !== "");
}

/** The index of a top-level comma in `text`, outside brackets and strings, or -1. */
function topLevelComma(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "," && depth === 0) return i;
  }
  return -1;
}

/**
 * A Python half as a notebook cell's code: each top-level `asyncio.run(coro)` (one argument,
 * perhaps assigned: `result = asyncio.run(main())`) becomes `await coro`, since Jupyter's loop
 * is already running.
 */
export function forJupyter(code: string): string {
  return code
    .split("\n")
    .map((line) => {
      const found = /^(\w+ = )?asyncio\.run\((.*)\)(\s*#.*)?$/.exec(line);
      if (!found || topLevelComma(found[2]!) !== -1) return line;
      return `${found[1] ?? ""}await ${found[2]}${found[3] ?? ""}`;
    })
    .join("\n")
    .replace(/\n+$/, "");
}

/** Whether code (after {@link forJupyter}) still runs an event loop of its own. */
export function startsOwnLoop(code: string): boolean {
  return /\b(?:asyncio\.run\(|asyncio\.Runner\(|run_until_complete\(|run_forever\()/.test(code);
}

/**
 * Cells that print something else in Jupyter than as a script, and why: `await main()` does not
 * do what `asyncio.run` does after main returns. Keyed by chapter and cell id.
 */
export const JUPYTER_DIFFERS: ReadonlyArray<{ chapter: string; cell: string; why: string }> = [
  {
    chapter: "03-asyncio-walkthrough",
    cell: "closing-down",
    why:
      "In Jupyter, `await main()` leaves the heartbeat task running after `main` returns (only " +
      "`asyncio.run` cancels what is left), so the notebook prints neither the heartbeat's clean-up " +
      "nor a closed loop: the output below is the script's.",
  },
];

/** The tag on a code cell that prints something else in Jupyter (see {@link JUPYTER_DIFFERS}). */
export const DIFFERS_TAG = "differs-in-jupyter";

interface Fence {
  lang: string;
  meta: string;
  body: string;
}

/** The chapter's notebook, from its MDX source; `chapter` is the file name without `.mdx`. */
export function chapterNotebook(mdx: string, chapter: string): Notebook {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  const title = /^title:\s*(.*)$/m.exec(front?.[1] ?? "")?.[1]?.replace(/^"(.*)"$/, "$1") ?? chapter;
  const lines = mdx.slice(front ? front[0].length : 0).split("\n");
  const cells: NotebookCell[] = [];
  let prose: string[] = [`# ${title}`, ""];
  let lastCode: NotebookCell | undefined;
  let inExercise = false;
  const id = (kind: string): string => `${kind}-${cells.length + 1}`;

  const flush = (): void => {
    const text = prose.join("\n").replace(/\n{3,}/g, "\n\n").trim();
    if (text !== "") cells.push({ id: id("md"), cell_type: "markdown", metadata: {}, source: sourceLines(text) });
    prose = [];
  };
  const code = (python: string): void => {
    const source = forJupyter(python);
    const own = startsOwnLoop(source);
    if (own) prose.push("", `*${OWN_LOOP_NOTE}*`, "");
    flush();
    const tags = [...(own ? [OWN_LOOP_TAG] : []), ...(inExercise ? [EXERCISE_TAG] : [])];
    lastCode = {
      id: id("py"),
      cell_type: "code",
      metadata: tags.length > 0 ? { tags } : {},
      source: sourceLines(source),
      execution_count: null,
      outputs: [],
    };
    cells.push(lastCode);
  };
  const onFence = ({ lang, meta, body }: Fence): void => {
    const words = meta.split(/\s+/).filter(Boolean);
    if (lang === "python" && words.includes("solution")) return;
    if (lang === "python") return code(body);
    if (lang === "output" && words[0] === "python" && !inExercise) {
      // The twin's recorded CPython output, for the code cell just before it.
      if (lastCode && lastCode.outputs!.length === 0 && body !== "") {
        lastCode.outputs!.push({ output_type: "stream", name: "stdout", text: sourceLines(`${body}\n`) });
      }
      return;
    }
    const cellId = /(?:^|\s)id=([\w-]+)/.exec(meta)?.[1];
    const differs = lang === "ts" && cellId !== undefined ? JUPYTER_DIFFERS.find((d) => d.chapter === chapter && d.cell === cellId) : undefined;
    if (differs && lastCode) {
      // The TypeScript cell comes after its Python half: the note goes before that code cell.
      lastCode.metadata.tags = [...(lastCode.metadata.tags ?? []), DIFFERS_TAG];
      const at = cells.indexOf(lastCode);
      cells.splice(at, 0, { id: `${lastCode.id}-note`, cell_type: "markdown", metadata: {}, source: sourceLines(`*${differs.why}*`) });
    }
    if (lang === "ts" || lang === "output" || lang === "stderr") return;
    prose.push(`\`\`\`${lang}${meta ? ` ${meta}` : ""}`, body, "```");
  };

  let skipping: string | undefined; // a page-only element, until its closing tag
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const open = /^(`{3,})(\w*)\s*(.*)$/.exec(line);
    if (open) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith(open[1]!) && l.trim() === open[1]);
      const close = end === -1 ? lines.length : end;
      if (!skipping) onFence({ lang: open[2]!, meta: open[3]!.trim(), body: lines.slice(i + 1, close).join("\n") });
      i = close;
      continue;
    }
    if (skipping) {
      if (line.trim() === `</${skipping}>`) skipping = undefined;
      continue;
    }
    const exercise = /^<Exercise\b.*\btitle="([^"]*)".*>\s*$/.exec(line);
    if (exercise) {
      inExercise = true;
      prose.push(`### Exercise: ${exercise[1]}`, "", "Fill in the code cell below.", "");
      continue;
    }
    if (/^<CompareTimelines\b/.test(line)) {
      if (!/\/>\s*$/.test(line)) skipping = "CompareTimelines";
      continue;
    }
    if (line.trim() === "</Exercise>") inExercise = false;
    if (/^<\/?(?:Exercise|Hint)\b[^>]*>\s*$/.test(line)) {
      if (line.trim() === "<Hint>") prose.push("**Hint:**");
      continue;
    }
    prose.push(line);
  }
  flush();
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "python3", display_name: "Python 3", language: "python" },
      language_info: { name: "python" },
      title,
    },
    cells,
  };
}
