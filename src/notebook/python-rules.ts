/**
 * How a cell's two outputs relate: the Python twin's recorded CPython stdout (the
 * ` ```output python ` block) and the TypeScript cell's expected stdout (` ```output `).
 *
 * They are either identical, or the block declares, by name, the rules that explain every
 * difference. Each rule is a small, fixed rewrite of the Python output that the chapter's prose
 * explains; applied in order, the declared rules must turn the Python output into text that
 * matches the TypeScript expectation. One rule, `ts-only`, works the other way: it names a
 * prefix of lines that only the TypeScript cell prints (a half of the program Python has no
 * counterpart for), and those expected lines are set aside. A difference no declared rule
 * explains is a failure.
 *
 * Wildcards: a Python line that is exactly `…` is never rewritten, and can only be matched by a
 * `…` in the TypeScript expectation (so neither side's wildcard can hide the other's lines).
 *
 * Browser-safe: no Node imports.
 */
import { OutputMatcher, WILDCARD, splitLines } from "./expected.ts";

/** A rewrite of one line of Python output into what the TypeScript cell prints. */
interface LineRule {
  /** What the rule maps, in a sentence, for error messages and the docs. */
  summary: string;
  apply(line: string): string;
}

/** Python's `repr` of a list or tuple of simple items, as one line: `['a', 'b']`, `(1, 2)`. */
const SEQUENCE = /([[(])([^[\]()]+)([\])])/g;

/**
 * The named rules. Keep them few and general: each must be something a reader is told in the
 * prose, and none may match "anything".
 */
export const PYTHON_RULES: Readonly<Record<string, LineRule>> = {
  bools: {
    summary: "Python's True and False print as true and false",
    apply: (line) => line.replace(/\bTrue\b/g, "true").replace(/\bFalse\b/g, "false"),
  },
  "list-repr": {
    summary: "a list or tuple repr ['a', 'b'] prints as console.log's array [ 'a', 'b' ]",
    apply: (line) =>
      line.replace(SEQUENCE, (whole, open: string, items: string, close: string) => {
        if ((open === "[") !== (close === "]")) return whole;
        // A one-item tuple's repr ends in a comma: (1,)
        const body = items.replace(/,\s*$/, "").trim();
        return open === "(" && !items.includes(",") ? whole : `[ ${body} ]`;
      }),
  },
  "type-names": {
    summary: "Python's type name coroutine is a generator to JavaScript: [object Generator]",
    apply: (line) => (line === "coroutine" ? "[object Generator]" : line),
  },
  gc: {
    summary:
      "CPython collects a pending task nothing refers to; our loop holds every pending task, so 'NAME: garbage-collected while pending' prints as 'NAME: pending'",
    apply: (line) => line.replace(/^(\w+): garbage-collected while pending$/, "$1: pending"),
  },
  "send-protocol": {
    summary:
      "coro.send(None) printing None / StopIteration, value: V / the RuntimeError on reuse is next() returning done: false / done: true, value: V / done: true again",
    apply: (line) => {
      if (line === "None") return "done: false, value: undefined";
      const stop = /^StopIteration, value: (.*)$/.exec(line);
      if (stop) return `done: true, value: ${stop[1]}`;
      if (line === "RuntimeError: cannot reuse already awaited coroutine") return "done: true, value: undefined";
      return line;
    },
  },
};

/** The rule that sets TypeScript-only lines aside; its prefix comes from the `ts-only=` meta. */
export const TS_ONLY = "ts-only";

/** Every name a block may declare in `rules=`. */
export const RULE_NAMES: readonly string[] = [...Object.keys(PYTHON_RULES), TS_ONLY];

/** What an ` ```output python ` block declares in its meta. */
export interface PythonDeclaration {
  /** Names from {@link RULE_NAMES}, applied in order. */
  rules: readonly string[];
  /** With the `ts-only` rule: the prefix of the TypeScript lines Python has no counterpart for. */
  tsOnly?: string;
}

/** The result of comparing a twin's output with its cell's. */
export interface TwinCheck {
  matches: boolean;
  /** The Python output after the declared rules, as compared. */
  normalised: string;
  /** The TypeScript expectation as compared (without `ts-only` lines). */
  expected: string;
  /** Declared rules that changed nothing (a stale declaration is an error too). */
  unused: string[];
  /** 1-based line of the normalised Python output where matching failed, or null. */
  departsAt: number | null;
}

/**
 * Applies the declared rules to recorded Python output and compares the result with the
 * TypeScript cell's expected output (`…` lines as in `./expected.ts`).
 * @throws Error on a rule name that does not exist, or `ts-only` without a prefix.
 */
export function checkTwin(pythonOutput: string, tsExpected: string, declaration: PythonDeclaration): TwinCheck {
  for (const name of declaration.rules) {
    if (!RULE_NAMES.includes(name)) throw new Error(`unknown Python output rule "${name}" (known: ${RULE_NAMES.join(", ")})`);
  }
  const tsOnly = declaration.rules.includes(TS_ONLY);
  if (tsOnly && !declaration.tsOnly) throw new Error('the ts-only rule needs a prefix: ts-only="PREFIX"');
  if (!tsOnly && declaration.tsOnly !== undefined) throw new Error("ts-only= is given but the ts-only rule is not declared");

  const unused: string[] = [];
  let lines = splitLines(pythonOutput);
  for (const name of declaration.rules) {
    if (name === TS_ONLY) continue;
    const rule = PYTHON_RULES[name]!;
    const next = lines.map((line) => (line === WILDCARD ? line : rule.apply(line)));
    if (next.every((line, i) => line === lines[i])) unused.push(name);
    lines = next;
  }
  let expectedLines = splitLines(tsExpected);
  if (tsOnly) {
    const kept = expectedLines.filter((line) => !line.startsWith(declaration.tsOnly!));
    if (kept.length === expectedLines.length) unused.push(TS_ONLY);
    expectedLines = kept;
  }
  const expected = expectedLines.join("\n");
  const matcher = new OutputMatcher(expected);
  // A Python `…` is pushed as a literal line: only a TypeScript `…` can match it.
  for (const line of lines) matcher.push(line);
  const matches = matcher.matches();
  const departure = matcher.departure(true);
  return {
    matches,
    normalised: lines.join("\n"),
    expected,
    unused,
    departsAt: departure === null ? null : departure + 1,
  };
}
