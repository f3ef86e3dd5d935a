/**
 * Run both: a cell's TypeScript output and its Python twin's, paired line by line. The Python
 * lines go through the rules the cell declares (`True` → `true`, list reprs, …), so what is left
 * over is a real difference; the reader sees which lines a rule explained. Where the cell has a
 * Timeline, the two halves' lanes are paired too, lane for lane. No DOM: the view is
 * `src/components/side-by-side-view.ts`.
 */
import { PYTHON_RULES, TS_ONLY, type PythonDeclaration } from "./python-rules.ts";
import { rows, type Timeline, type TimelineRow } from "../timeline/record.ts";

/**
 * - same: the two lines are equal as printed;
 * - normalised: equal once the declared rules rewrote the Python line;
 * - differs: unequal even so (times and ids that vary between runs land here too);
 * - ts-only: a line the declaration says only the TypeScript prints;
 * - missing: one side printed fewer lines.
 */
export type RowKind = "same" | "normalised" | "differs" | "ts-only" | "missing";

export interface Row {
  ts?: string;
  /** The Python line after the rules. */
  python?: string;
  /** The Python line as printed, when a rule changed it. */
  printed?: string;
  /** The rules that changed it, in order. */
  rules?: string[];
  kind: RowKind;
}

function lines(text: string): string[] {
  const all = text.replace(/\r\n/g, "\n").split("\n");
  if (all.at(-1) === "") all.pop();
  return all;
}

/** Applies the declared rules to one Python line; returns it and the rules that changed it. */
export function normaliseLine(line: string, declaration: PythonDeclaration): { line: string; rules: string[] } {
  const used: string[] = [];
  let current = line;
  for (const name of declaration.rules) {
    if (name === TS_ONLY) continue;
    const next = PYTHON_RULES[name]!.apply(current);
    if (next !== current) used.push(name);
    current = next;
  }
  return { line: current, rules: used };
}

/** Pairs the two outputs, in order, TypeScript-only lines set aside where they appear. */
export function pairOutputs(ts: string, python: string, declaration: PythonDeclaration): Row[] {
  const tsOnly = declaration.rules.includes(TS_ONLY) ? declaration.tsOnly : undefined;
  const pyLines = lines(python);
  const rows: Row[] = [];
  let p = 0;
  for (const tsLine of lines(ts)) {
    if (tsOnly !== undefined && tsLine.startsWith(tsOnly)) {
      rows.push({ ts: tsLine, kind: "ts-only" });
      continue;
    }
    if (p >= pyLines.length) {
      rows.push({ ts: tsLine, kind: "missing" });
      continue;
    }
    rows.push(pair(tsLine, pyLines[p++]!, declaration));
  }
  for (; p < pyLines.length; p++) {
    const { line, rules } = normaliseLine(pyLines[p]!, declaration);
    rows.push({ python: line, ...(rules.length ? { printed: pyLines[p]!, rules } : {}), kind: "missing" });
  }
  return rows;
}

function pair(ts: string, printed: string, declaration: PythonDeclaration): Row {
  const { line, rules } = normaliseLine(printed, declaration);
  if (rules.length === 0) return { ts, python: printed, kind: ts === printed ? "same" : "differs" };
  return { ts, python: line, printed, rules, kind: ts === line ? "normalised" : "differs" };
}

/** "9 lines the same, 2 the same after the rules (bools), 1 differs": for the status line. */
export function summarise(rows: Row[]): string {
  const count = (kind: RowKind): number => rows.filter((row) => row.kind === kind).length;
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const rules = [...new Set(rows.flatMap((row) => (row.kind === "normalised" ? row.rules! : [])))];
  const parts = [plural(count("same"), "line the same", "lines the same")];
  if (count("normalised")) parts.push(`${count("normalised")} the same after the declared rules (${rules.join(", ")})`);
  if (count("ts-only")) parts.push(`${count("ts-only")} printed by the TypeScript only`);
  const differ = count("differs") + count("missing");
  parts.push(differ === 0 ? "none differ" : `${differ} ${differ === 1 ? "differs" : "differ"}`);
  return `${parts.join(", ")}.`;
}

/** One lane of each half's Timeline, paired by spawn order (the same program spawns alike). */
export interface LanePair {
  ts?: TimelineRow;
  python?: TimelineRow;
  /** same: the same task name, outcome and last wait; differs: not; missing: one side had no such lane. */
  kind: "same" | "differs" | "missing";
}

/**
 * Pairs the two Timelines' rows lane for lane: the first task of each, then the second, and so
 * on. Times are shown, not compared (each half ran on its own clock).
 */
export function pairLanes(ts: Timeline, python: Timeline): LanePair[] {
  const [left, right] = [rows(ts), rows(python)];
  const pairs: LanePair[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const [a, b] = [left[i], right[i]];
    if (!a || !b) pairs.push({ ...(a ? { ts: a } : {}), ...(b ? { python: b } : {}), kind: "missing" });
    else pairs.push({ ts: a, python: b, kind: a.name === b.name && a.outcome === b.outcome && a.lastWait === b.lastWait ? "same" : "differs" });
  }
  return pairs;
}
