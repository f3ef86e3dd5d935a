/**
 * A chapter as a Jupyter notebook (nbformat 4.5), for readers who take it home: the prose as
 * Markdown cells and every cell's Python half as a code cell, its recorded CPython output as
 * the cell's output, in the chapter's order.
 *
 * Built from the same parse the pages use (Sätteri's mdast, `scanChapter`, `scanExercises`).
 * Prose is the chapter's own Markdown, sliced from the source by the nodes' offsets, so it
 * reads exactly as written (a `file=` module stays as a TypeScript listing, as the prose
 * presents it); links to other chapters point at their notebooks. What only the page can show
 * is left out: the cells' TypeScript halves and outputs, MDX imports, and the Timeline figures
 * (`<CompareTimelines>`). An exercise becomes its task (Markdown), its Python
 * starter as a code cell whose last line, the call that runs it, is commented out (a reader
 * who runs every cell must not wait on an unsolved exercise: some starters wait for an hour),
 * what the solution prints, and its hints folded away. The checks stay on the page, which
 * runs them on a virtual clock.
 *
 * Each twin is rewritten for Jupyter's running event loop by ./await.ts. A twin that runs a
 * loop of its own is kept as written, after a note saying why it needs a plain `python3`.
 *
 * Node-side module (it parses with Sätteri's native binding), used at build time.
 */
import type { Nodes, Root } from "mdast";
import { mdxToMdast } from "satteri";
import { type CellBlocks, scanChapter } from "../markdown/cells.ts";
import { type ExerciseBlocks, HINT_COMPONENT, scanExercises } from "../markdown/exercises.ts";
import { blankStringsAndComments } from "../runner/python/index.ts";
import { forJupyter, type JupyterCode, type OwnLoop, RUN_ERROR } from "./await.ts";
import { keptRun } from "./departures.ts";
import { notebookFileName } from "./names.ts";

/** nbformat's multi-line string: lines, each but the last ending in "\n". */
export type MultilineString = string[];

export interface MarkdownCell {
  id: string;
  cell_type: "markdown";
  metadata: Record<string, unknown>;
  source: MultilineString;
}

export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineString;
}

export interface CodeCell {
  id: string;
  cell_type: "code";
  metadata: Record<string, unknown>;
  source: MultilineString;
  execution_count: null;
  outputs: StreamOutput[];
}

export type NotebookCell = MarkdownCell | CodeCell;

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: NotebookCell[];
}

/** The media type a notebook is served with (Jupyter's own, registered by the project). */
export const NOTEBOOK_MEDIA_TYPE = "application/x-ipynb+json";

/** What a code cell was made from, for the tests that run it: see {@link chapterNotebook}. */
export interface CodeCellOrigin {
  /** The notebook cell's id: the chapter cell's id, or the exercise's. */
  id: string;
  kind: "twin" | "exercise-starter";
  /** The recorded CPython output shown as the cell's output (twins only). */
  recorded?: string;
  /** Set when the code still starts an event loop of its own (see ./await.ts). */
  ownLoop?: OwnLoop;
}

export interface ChapterInfo {
  /** The chapter's id, its file name without `.mdx` ("03-asyncio-walkthrough"). */
  id: string;
  title: string;
  summary: string;
}

/**
 * The HTTP response for a notebook: the file as Jupyter writes one (one space of indent, so a
 * saved copy diffs small), with Jupyter's media type.
 */
export function notebookResponse(notebook: Notebook): Response {
  return new Response(`${JSON.stringify(notebook, null, 1)}\n`, { headers: { "Content-Type": NOTEBOOK_MEDIA_TYPE } });
}

/** Splits text into nbformat's line list. */
export function lines(text: string): MultilineString {
  if (text === "") return [];
  const parts = text.split("\n");
  return parts.map((line, index) => (index < parts.length - 1 ? `${line}\n` : line)).filter((line) => line !== "");
}

/**
 * The notebook of one chapter, and the origin of each code cell (in the same order).
 * @param source the chapter's MDX, frontmatter included.
 * @throws Error `path:line: …` as the page build does, for a chapter that breaks the format.
 */
export function chapterNotebook(source: string, chapter: ChapterInfo): { notebook: Notebook; origins: CodeCellOrigin[] } {
  const path = `content/${chapter.id}.mdx`;
  const tree = mdxToMdast(source) as Root;
  const { cells } = scanChapter(tree, path);
  const exercises = scanExercises(tree, path, cells.map((blocks) => blocks.cell.id));
  const byFirstNode = new Map<Nodes, CellBlocks>(cells.map((blocks) => [blocks.python ?? blocks.code, blocks]));
  const cellNodes = new Set<Nodes>(
    cells.flatMap((blocks) => [blocks.python, blocks.code, blocks.output, blocks.stderr, blocks.pythonOutput].filter((node) => node !== undefined)),
  );
  const exerciseByElement = new Map<unknown, ExerciseBlocks>(exercises.map((blocks) => [blocks.element, blocks]));

  const out = new NotebookBuilder();
  const origins: CodeCellOrigin[] = [];
  out.markdown(
    [
      `# ${chapter.title}`,
      "",
      chapter.summary,
      "",
      "> This notebook is a chapter of *Understand asyncio*, a runnable tutorial. The page runs each",
      "> program in two languages, TypeScript on our port of asyncio and the Python original; here are",
      "> the Python originals, each shown with the output CPython recorded for it. Jupyter's kernel",
      "> already runs an event loop, so a program's `asyncio.run(main())` is written `await main()`.",
      "> Links to other chapters open their notebooks: keep them in one folder.",
    ].join("\n"),
  );

  const slice = (node: Nodes): string => {
    const { start, end } = node.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) throw new Error(`${path}: a node without offsets (${node.type})`);
    return source.slice(start.offset, end.offset);
  };

  const visit = (children: readonly Nodes[]): void => {
    for (const node of children) {
      const blocks = byFirstNode.get(node);
      if (blocks) {
        const origin = twinCell(out, chapter.id, blocks, slice);
        if (origin) origins.push(origin);
        continue;
      }
      if (cellNodes.has(node) || node.type === "yaml" || node.type === "mdxjsEsm" || node.type === "mdxFlowExpression") continue;
      const exercise = exerciseByElement.get(node);
      if (exercise) {
        origins.push(exerciseCells(out, exercise, slice));
        continue;
      }
      if (node.type === "mdxJsxFlowElement" && (node.name === FOLD_COMPONENT || node.name === SEQUENCE_COMPONENT)) {
        // A fold lets the page's reader skip, and a sequence is drawn from its list: a notebook reads both straight on.
        const title = node.attributes.find((attribute) => attribute.type === "mdxJsxAttribute" && (attribute.name === "summary" || attribute.name === "caption"))?.value;
        if (typeof title === "string") out.prose(`**${title}**`);
        visit(node.children as Nodes[]);
        continue;
      }
      if (node.type === "mdxJsxFlowElement") {
        // A page-only widget (the Timeline figure): its caption describes what only the page draws.
        if (containsAny(node, cellNodes)) visit(node.children as Nodes[]);
        continue;
      }
      out.prose(relinked(slice(node)));
    }
  };
  visit(tree.children);
  return { notebook: out.notebook(chapter), origins };
}

/** The MDX element of a fold (src/components/Fold.astro). */
export const FOLD_COMPONENT = "Fold";
/** The MDX element of a drawn sequence (src/components/Sequence.astro), around its ordered list. */
export const SEQUENCE_COMPONENT = "Sequence";

function containsAny(node: Nodes, wanted: Set<Nodes>): boolean {
  if (wanted.has(node)) return true;
  return "children" in node && (node.children as Nodes[]).some((child) => containsAny(child, wanted));
}

/** Links to another chapter's page (`../05-inside-coroutines/#anchor`) point at its notebook. */
export function relinked(markdown: string): string {
  return markdown.replace(/\]\(\.\.\/(\d\d-[a-z0-9-]+)\/(#[^)\s]*)?\)/g, (_, id: string, anchor?: string) => `](${notebookFileName(id)}${anchor ?? ""})`);
}

function twinCell(out: NotebookBuilder, chapterId: string, blocks: CellBlocks, slice: (node: Nodes) => string): CodeCellOrigin | undefined {
  const { cell } = blocks;
  if (cell.python === undefined) {
    // No Python original: the TypeScript stays on the page; the prose around it still reads.
    out.prose(`*This program is TypeScript only; run it on the chapter's page.*\n\n${slice(blocks.code)}`);
    return undefined;
  }
  const kept = keptRun(chapterId, cell.id);
  const code: JupyterCode = kept ? { source: cell.python, ownLoop: { found: "asyncio.run", error: RUN_ERROR, why: kept.why } } : forJupyter(cell.python);
  if (code.ownLoop) out.note(ownLoopNote(code.ownLoop));
  if (startsProcessPool(cell.python)) out.note(PROCESS_NOTE);
  out.code(cell.id, code.source, cell.pythonExpected);
  return {
    id: cell.id,
    kind: "twin",
    ...(cell.pythonExpected !== undefined ? { recorded: cell.pythonExpected } : {}),
    ...(code.ownLoop ? { ownLoop: code.ownLoop } : {}),
  };
}

/** The note before a twin that runs a loop of its own. */
export function ownLoopNote(own: OwnLoop): string {
  return [
    `**This program needs a plain \`python3\`.** ${own.why ? `${own.why} So it keeps its own event loop` : "It runs an event loop of its own"} (\`${own.found}\`),`,
    "and asyncio refuses to start a loop in a thread where one is already running. Jupyter's kernel",
    `runs one, so here the cell stops with \`RuntimeError: ${own.error}\`.`,
    "Save the cell as a file and run `python3 file.py` to see the output shown below it.",
  ].join("\n");
}

const PROCESS_NOTE = [
  "**Processes in a notebook.** This program's pool runs functions defined in the notebook. A",
  "process started by *fork* (Linux, Python up to 3.13) inherits them. One started by *spawn*",
  "(macOS, Windows) or *forkserver* (Linux, from Python 3.14) imports the main module instead, and",
  "a notebook has none to import: the pool fails with `AttributeError: Can't get attribute …`.",
  "There, save the cell as a file and run it with `python3`.",
].join("\n");

function startsProcessPool(python: string): boolean {
  return /\b(?:ProcessPoolExecutor|multiprocessing)\b/.test(blankStringsAndComments(python).code);
}

function exerciseCells(out: NotebookBuilder, blocks: ExerciseBlocks, slice: (node: Nodes) => string): CodeCellOrigin {
  const { exercise, element } = blocks;
  const parts = element.children as Nodes[];
  const task = parts.filter((node) => node.type !== "code" && !isHint(node)).map((node) => relinked(slice(node)));
  out.markdown(
    [
      `### Exercise: ${exercise.title}`,
      ...task,
      `*${namesNote(task.join("\n"), exercise.python.starter)}The exercise's checks run on the chapter's page (its Check button); here you run your own version.*`,
    ].join("\n\n"),
    `${exercise.id}-task`,
  );
  const code = forJupyter(exercise.python.starter);
  const starter = starterWithoutRun(code.source);
  out.code(exercise.id, starter.source);
  const run = starter.runs.map((call) => `\`${call}\``).join(" then ") || "it";
  const hints = parts.filter(isHint).map((hint, index) => {
    const body = ((hint as { children: Nodes[] }).children ?? []).map((node) => relinked(slice(node))).join("\n\n");
    return `<details>\n<summary>Hint ${index + 1}</summary>\n\n${body}\n\n</details>`;
  });
  out.markdown(
    [
      `Once it is done, run ${run} in a new cell; a solution prints`,
      "",
      "```text",
      exercise.expectedPython,
      "```",
      ...hints.flatMap((hint) => ["", hint]),
    ].join("\n"),
    `${exercise.id}-after`,
  );
  return { id: exercise.id, kind: "exercise-starter", ...(code.ownLoop ? { ownLoop: code.ownLoop } : {}) };
}

/** The task is written with the TypeScript names; says how the Python starter spells one of them. */
function namesNote(task: string, python: string): string {
  for (const [, name] of task.matchAll(/`([a-z]+[A-Z]\w*)\b/g)) {
    const snake = name!.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    if (new RegExp(`\\bdef ${snake}\\(`).test(python)) return `The task names the TypeScript functions; in Python, \`${name}\` is \`${snake}\`. `;
  }
  return "";
}

function isHint(node: Nodes): boolean {
  return node.type === "mdxJsxFlowElement" && node.name === HINT_COMPONENT;
}

/**
 * An exercise's starter with the top-level calls that run it (`await main()`, or `main()` for a
 * program without asyncio) turned into comments, and those calls.
 */
export function starterWithoutRun(source: string): { source: string; runs: string[] } {
  const runs: string[] = [];
  const kept = source.split("\n").map((line) => {
    const call = /^((?:await\s+)?\w+\(.*\))\s*(?:#.*)?$/.exec(line);
    if (!call) return line;
    runs.push(call[1]!);
    return `# ${line}  # run it once you have made the change`;
  });
  return { source: kept.join("\n"), runs };
}

/** Collects cells, merging consecutive prose into one Markdown cell. */
class NotebookBuilder {
  private readonly cells: NotebookCell[] = [];
  private readonly ids = new Set<string>();
  private prosePending: string[] = [];
  private markdownCount = 0;

  prose(markdown: string): void {
    this.prosePending.push(markdown);
  }

  /** A Markdown cell of its own (a note right before a code cell). */
  note(markdown: string): void {
    this.markdown(markdown);
  }

  markdown(markdown: string, id?: string): void {
    this.flush();
    this.push({ id: id ?? this.nextMarkdownId(), cell_type: "markdown", metadata: {}, source: lines(markdown) });
  }

  code(id: string, python: string, recorded?: string): void {
    this.flush();
    const outputs: StreamOutput[] = recorded === undefined || recorded === "" ? [] : [{ output_type: "stream", name: "stdout", text: lines(`${recorded}\n`) }];
    this.push({ id, cell_type: "code", metadata: {}, source: lines(python.replace(/\n+$/, "")), execution_count: null, outputs });
  }

  notebook(chapter: ChapterInfo): Notebook {
    this.flush();
    return {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {
        title: chapter.title,
        kernelspec: { name: "python3", display_name: "Python 3 (ipykernel)", language: "python" },
        language_info: {
          name: "python",
          file_extension: ".py",
          mimetype: "text/x-python",
          pygments_lexer: "ipython3",
          codemirror_mode: { name: "ipython", version: 3 },
        },
      },
      cells: this.cells,
    };
  }

  private flush(): void {
    if (this.prosePending.length === 0) return;
    const text = this.prosePending.join("\n\n");
    this.prosePending = [];
    this.push({ id: this.nextMarkdownId(), cell_type: "markdown", metadata: {}, source: lines(text) });
  }

  private nextMarkdownId(): string {
    this.markdownCount++;
    return `md-${this.markdownCount}`;
  }

  private push(cell: NotebookCell): void {
    if (this.ids.has(cell.id)) throw new Error(`two notebook cells with the id "${cell.id}"`);
    this.ids.add(cell.id);
    this.cells.push(cell);
  }
}

