/**
 * A Python twin as a Jupyter code cell. Jupyter's kernel already runs an event loop, and
 * asyncio refuses to start a second one in the same thread, so the twin's own entry point
 * becomes top-level `await` (which IPython allows in a cell): `asyncio.run(main())` becomes
 * `await main()`, wherever it is written outside a function (under
 * `if __name__ == "__main__":` too, since a notebook's `__name__` is `"__main__"`).
 *
 * What cannot be rewritten without changing the program is left as written and named: a twin
 * that runs a loop of its own (`loop.run_until_complete`, `run_forever`, `asyncio.Runner`, or
 * `asyncio.run` with options such as `debug=True`) raises `RuntimeError` inside Jupyter, and
 * the notebook says so beside it. Comments and strings are never touched.
 */
import { blankStringsAndComments } from "../runner/python/index.ts";

/** A construct that runs an event loop of its own, and what Jupyter raises for it. */
export interface OwnLoop {
  /** As written: "loop.run_until_complete", "asyncio.Runner", "asyncio.run(…, debug=True)". */
  found: string;
  /** The `RuntimeError` message CPython raises when a loop already runs in the thread. */
  error: string;
  /** Why it is kept, when the program could have been rewritten (./departures.ts). */
  why?: string;
}

export interface JupyterCode {
  /** The source for the code cell. */
  source: string;
  /** Set when the program still starts a loop of its own; it then fails inside Jupyter. */
  ownLoop?: OwnLoop;
}

const RUN = /\basyncio\.run\(/g;

/** The error `asyncio.run` raises where a loop is already running. */
export const RUN_ERROR = "asyncio.run() cannot be called from a running event loop";

/** Rewrites a Python program for a Jupyter cell; see the module comment. */
export function forJupyter(python: string): JupyterCode {
  const { code } = blankStringsAndComments(python);
  const inFunction = functionBodies(code);
  let source = "";
  let from = 0;
  for (const match of code.matchAll(RUN)) {
    const start = match.index;
    if (inFunction(start)) continue;
    const open = start + match[0].length - 1;
    const close = matchingParen(code, open);
    if (close === -1) continue;
    const args = topLevelCommas(code, open + 1, close);
    if (args.length !== 1) continue; // options (debug=True, loop_factory=…): a loop of its own
    const argument = python.slice(open + 1, close).trim();
    const next = code[close + 1];
    const awaited = `await ${argument}`;
    source += python.slice(from, start) + (next === "." || next === "[" || next === "(" ? `(${awaited})` : awaited);
    from = close + 1;
  }
  source += python.slice(from);
  const ownLoop = findOwnLoop(source);
  return ownLoop ? { source, ownLoop } : { source };
}

const OWN_LOOPS: Array<{ pattern: RegExp; error: string; found?: string }> = [
  { pattern: /\basyncio\.run\(/, error: RUN_ERROR, found: "asyncio.run(…) with options" },
  { pattern: /\b(?:asyncio\.)?Runner\(/, error: "Runner.run() cannot be called from a running event loop", found: "asyncio.Runner" },
  { pattern: /\.run_until_complete\(/, error: "Cannot run the event loop while another loop is running", found: "loop.run_until_complete" },
  { pattern: /\.run_forever\(/, error: "Cannot run the event loop while another loop is running", found: "loop.run_forever" },
];

/** The first construct (in source order) that runs a loop of its own, if any. */
export function findOwnLoop(python: string): OwnLoop | undefined {
  const { code } = blankStringsAndComments(python);
  let first: { at: number; own: OwnLoop } | undefined;
  for (const { pattern, error, found } of OWN_LOOPS) {
    const match = pattern.exec(code);
    if (match && (!first || match.index < first.at)) first = { at: match.index, own: { found: found ?? match[0], error } };
  }
  return first?.own;
}

/** The index of the `)` that closes the `(` at `open`, in code with strings blanked; -1 if none. */
function matchingParen(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The arguments between `from` and `to` (exclusive), split at commas outside brackets. */
function topLevelCommas(code: string, from: number, to: number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = code[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      parts.push(code.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(code.slice(start, to));
  return parts.filter((part) => part.trim() !== "");
}

/**
 * A predicate: is this offset inside a `def` (or `class`) body? Python's scopes follow
 * indentation; lines that continue an open bracket do not start a statement.
 */
function functionBodies(code: string): (offset: number) => boolean {
  const ranges: Array<[number, number]> = [];
  const open: Array<{ indent: number; start: number }> = [];
  let depth = 0;
  let offset = 0;
  for (const line of code.split("\n")) {
    const startsStatement = depth === 0 && line.trim() !== "";
    if (startsStatement) {
      const indent = line.length - line.trimStart().length;
      while (open.length > 0 && indent <= open.at(-1)!.indent) ranges.push([open.pop()!.start, offset]);
      if (/^\s*(?:async\s+def|def|class)\b/.test(line)) open.push({ indent, start: offset });
    }
    for (const c of line) {
      if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") depth = Math.max(0, depth - 1);
    }
    offset += line.length + 1;
  }
  for (const scope of open) ranges.push([scope.start, code.length]);
  return (at) => ranges.some(([from, to]) => at >= from && at < to);
}
