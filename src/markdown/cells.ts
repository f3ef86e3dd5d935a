/**
 * The notebook's data model: what a chapter's fenced blocks mean as runnable cells.
 *
 * A chapter is MDX that reads as plain Markdown. Four kinds of fenced block carry meaning:
 *
 * - ` ```ts runnable ` is a cell: TypeScript the reader can run. Optional meta: `id=NAME`,
 *   `timeout=SECONDS`, `timeline` (record every run and show its Timeline), `nostep="WHY"`
 *   (Step through cannot show this cell faithfully, and why), `predict` (the reader may put
 *   its output lines in order before running it; it must print two different lines or more). It MUST be followed by an ` ```output ` block (exact expected stdout),
 *   optionally followed by a ` ```stderr ` block (expected stderr). In both, a line that is
 *   exactly `…` matches any number of lines (see `./expected.ts`, which compares outputs).
 * - ` ```python ` immediately before a cell is that cell's Python original (its twin).
 * - ` ```output python ` after the cell's `output` (and `stderr`) block is the twin's stdout as
 *   recorded under CPython 3.11 by `scripts/record-python.ts` (same `…` rule). Its meta:
 *   `twin=HASH`, the {@link twinHash} of the twin it was recorded from (a stale record fails the
 *   tests), and `rules=a,b` (plus `ts-only="PREFIX"`), the declared rules that map it onto the
 *   TypeScript output (see `./python-rules.ts`). `cpython=3.14`: the twin needs what 3.11 lacks
 *   (eager tasks), so it was recorded under CPython 3.14 in Pyodide instead.
 * - ` ```ts file=NAME.ts ` is a module; runnable cells after it import it as `./NAME.js`.
 *   A later block with the same name replaces it for the cells after that block.
 *
 * Anything else is ordinary Markdown. Mistakes an author can make (a cell with no output
 * block, an output block with no cell, a bad id or timeout) throw an `Error` naming
 * `file:line`, so they fail the build instead of shipping a cell that cannot be checked.
 *
 * Node-side module (it parses with Sätteri's native binding): browser code imports its types
 * only, with `import type`.
 */
import { createHash } from "node:crypto";
import type { Code, Nodes, Parents, Root } from "mdast";
import { mdxToMdast } from "satteri";
import { DEFAULT_TIMEOUT_MS, RULE_NAMES, TS_ONLY, WILDCARD, splitLines, type Cell, type ChapterFile, type PythonRecord } from "../notebook/index.ts";
import { isExerciseElement } from "./exercises.ts";

/**
 * A short fingerprint of a Python twin: the first 8 hex digits of the SHA-256 of its source.
 * Recorded in its ` ```output python ` block, so that editing the twin without re-recording fails.
 */
export function twinHash(python: string): string {
  return createHash("sha256").update(python).digest("hex").slice(0, 8);
}

/** The blocks that make up one cell, as found in the tree, for plugins that rewrite them. */
export interface CellBlocks {
  cell: Cell;
  python?: Code;
  code: Code;
  output: Code;
  stderr?: Code;
  pythonOutput?: Code;
}

/** A ` ```ts file= ` block as found in the tree. */
export interface FileBlock {
  file: ChapterFile;
  code: Code;
}

/** Everything {@link scanChapter} finds, in document order. */
export interface ChapterScan {
  cells: CellBlocks[];
  files: FileBlock[];
}

const ID_PATTERN = /^[A-Za-z][\w-]*$/;
const FILE_PATTERN = /^[A-Za-z_][\w.-]*\.ts$/;

/**
 * Parses a fence's meta string (`runnable id=x timeout=2`) into flags and `key=value` pairs.
 * Values may be quoted with `"` or `'`. A bare word maps to `true`.
 */
export function parseMeta(meta: string | null | undefined): Map<string, string | true> {
  const result = new Map<string, string | true>();
  if (!meta) return result;
  const token = /([^\s=]+)(?:=(?:"([^"]*)"|'([^']*)'|(\S*)))?/g;
  for (const match of meta.matchAll(token)) {
    const [, key, dq, sq, bare] = match;
    const value = dq ?? sq ?? bare;
    result.set(key!, value === undefined ? true : value);
  }
  return result;
}

function isTs(node: Code): boolean {
  return node.lang === "ts" || node.lang === "typescript";
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

function fail(path: string, node: Nodes, message: string): never {
  throw new Error(`${path}:${lineOf(node)}: ${message}`);
}

/** Siblings in document order: every parent's children, depth-first, pre-order. */
function* codeBlocksWithSiblings(
  node: Nodes,
): Generator<{ node: Code; siblings: readonly Nodes[]; index: number }> {
  if (!("children" in node)) return;
  const children = (node as Parents).children as readonly Nodes[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type === "code") yield { node: child, siblings: children, index };
    // An exercise's blocks are its own (./exercises.ts), not cells.
    else if (!isExerciseElement(child)) yield* codeBlocksWithSiblings(child);
  }
}

function isPythonOutput(node: Nodes | undefined): node is Code {
  return node?.type === "code" && node.lang === "output" && parseMeta(node.meta).get("python") === true;
}

function pythonRecord(path: string, node: Code): PythonRecord {
  const meta = parseMeta(node.meta);
  const text = (key: string): string | undefined => {
    const value = meta.get(key);
    if (value === true) fail(path, node, `\`${key}=\` needs a value`);
    return value;
  };
  const twin = text("twin");
  const rules = (text("rules") ?? "").split(",").filter((name) => name !== "");
  for (const name of rules) {
    if (!RULE_NAMES.includes(name)) fail(path, node, `unknown Python output rule "${name}" (known: ${RULE_NAMES.join(", ")})`);
  }
  const tsOnly = text("ts-only");
  if (rules.includes(TS_ONLY) !== (tsOnly !== undefined)) {
    fail(path, node, 'the `ts-only` rule and `ts-only="PREFIX"` go together');
  }
  const cpython = text("cpython");
  if (cpython !== undefined && cpython !== "3.14") fail(path, node, `\`cpython=\` can only be 3.14 (recorded in Pyodide), not ${cpython}`);
  return {
    rules,
    line: lineOf(node),
    ...(twin ? { twin } : {}),
    ...(tsOnly !== undefined ? { tsOnly } : {}),
    ...(cpython !== undefined ? { cpython } : {}),
  };
}

function isCell(node: Code): boolean {
  return isTs(node) && parseMeta(node.meta).get("runnable") === true;
}

/**
 * Finds every cell and `file=` module in an mdast tree, in document order, keeping the nodes
 * they came from. Throws an `Error` whose message starts with `path:line:` when the chapter
 * breaks a rule of the format; see the module comment.
 */
export function scanChapter(tree: Root, path: string): ChapterScan {
  const cells: CellBlocks[] = [];
  const files: FileBlock[] = [];
  const current = new Map<string, ChapterFile>();
  const ids = new Set<string>();
  const claimed = new Set<Code>();

  for (const { node, siblings, index } of codeBlocksWithSiblings(tree)) {
    const meta = parseMeta(node.meta);

    if (isTs(node) && meta.has("file")) {
      const name = meta.get("file");
      if (meta.has("runnable")) fail(path, node, "a block is either `runnable` or a `file=` module, not both");
      if (typeof name !== "string" || !FILE_PATTERN.test(name)) {
        fail(path, node, `\`file=\` needs a module name ending in .ts, like file=kitchen.ts (got ${String(name)})`);
      }
      const file = { path: name, code: node.value, line: lineOf(node) };
      current.set(name, file);
      files.push({ file, code: node });
      continue;
    }

    if (!isCell(node)) {
      if (isPythonOutput(node) && !claimed.has(node)) {
        fail(path, node, "an `output python` block must directly follow a cell's `output` (or `stderr`) block");
      }
      if ((node.lang === "output" || node.lang === "stderr") && !claimed.has(node)) {
        const article = node.lang === "output" ? "an" : "a";
        fail(path, node, `${article} \`${node.lang}\` block must directly follow a \`ts runnable\` block (or its output block)`);
      }
      continue;
    }

    const output = siblings[index + 1];
    if (output?.type !== "code" || output.lang !== "output" || parseMeta(output.meta).get("python") === true) {
      fail(path, node, "a `ts runnable` block must be followed by an `output` block with the exact expected stdout");
    }
    const stderrNode = siblings[index + 2];
    const stderr = stderrNode?.type === "code" && stderrNode.lang === "stderr" ? stderrNode : undefined;
    const afterOutputs = siblings[index + (stderr ? 3 : 2)];
    const pythonOutput = isPythonOutput(afterOutputs) ? afterOutputs : undefined;
    const before = siblings[index - 1];
    const python = before?.type === "code" && before.lang === "python" ? before : undefined;
    if (pythonOutput && !python) fail(path, pythonOutput, "an `output python` block needs the cell's ```python twin before the cell");
    claimed.add(output);
    if (stderr) claimed.add(stderr);
    if (pythonOutput) claimed.add(pythonOutput);

    const position = cells.length + 1;
    const id = meta.get("id") ?? `cell-${position}`;
    if (typeof id !== "string" || !ID_PATTERN.test(id)) {
      fail(path, node, `\`id=\` must start with a letter and hold only letters, digits, - and _ (got ${String(id)})`);
    }
    if (ids.has(id)) fail(path, node, `duplicate cell id "${id}"`);
    ids.add(id);

    let timeoutMs = DEFAULT_TIMEOUT_MS;
    if (meta.has("timeout")) {
      const seconds = Number(meta.get("timeout"));
      if (!Number.isFinite(seconds) || seconds <= 0) {
        fail(path, node, `\`timeout=\` must be a positive number of seconds (got ${String(meta.get("timeout"))})`);
      }
      timeoutMs = Math.round(seconds * 1000);
    }

    const cell: Cell = {
      id,
      code: node.value,
      expected: output.value,
      ...(stderr ? { expectedStderr: stderr.value } : {}),
      ...(python ? { python: python.value } : {}),
      ...(pythonOutput ? { pythonExpected: pythonOutput.value, pythonRecord: pythonRecord(path, pythonOutput) } : {}),
      files: [...current.values()],
      line: lineOf(node),
      timeoutMs,
      ...(meta.get("timeline") === true ? { timeline: true as const } : {}),
      ...(meta.has("nostep") ? { noStep: noStepReason(path, node, meta.get("nostep")!) } : {}),
      ...(meta.has("predict") ? { predict: predictable(path, node, meta.get("predict")!, output.value) } : {}),
    };
    cells.push({
      cell,
      code: node,
      output,
      ...(python ? { python } : {}),
      ...(stderr ? { stderr } : {}),
      ...(pythonOutput ? { pythonOutput } : {}),
    });
  }
  return { cells, files };
}

function noStepReason(path: string, node: Code, value: string | true): string {
  if (value === true || value.trim() === "") fail(path, node, "`nostep=` needs the reason, quoted: nostep=\"it measures real time\"");
  return value.trim();
}

function predictable(path: string, node: Code, value: string | true, expected: string): true {
  if (value !== true) fail(path, node, "`predict` takes no value");
  const lines = new Set(splitLines(expected).filter((line) => line !== WILDCARD));
  if (lines.size < 2) fail(path, node, "a `predict` cell must print at least two different lines, or there is no order to predict");
  return true;
}

/**
 * The cells of a parsed chapter, in document order.
 *
 * @param tree the chapter's mdast (as produced by Sätteri, remark or any mdast parser, with
 *   positions).
 * @param path the chapter's path, used only in error messages.
 * @throws Error `path:line: ...` on a runnable block without an output block, and on the other
 *   format errors listed in the module comment.
 */
export function extractCells(tree: Root, path: string): Cell[] {
  return scanChapter(tree, path).cells.map((blocks) => blocks.cell);
}

/**
 * Parses MDX source (frontmatter allowed; line numbers count from the top of the file) and
 * returns its cells, for Node-side checks that do not go through Astro.
 *
 * Parsing uses Sätteri, Astro's Markdown/MDX processor, so the tree is the one the build sees.
 * @throws Error as {@link extractCells}, or Sätteri's own error on MDX that does not parse.
 */
export function extractCellsFromSource(mdx: string, path: string): Cell[] {
  return extractCells(mdxToMdast(mdx) as Root, path);
}
