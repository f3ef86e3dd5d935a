/**
 * Run both's picture: a table with the TypeScript output beside the Python's, one row per line,
 * each row saying whether the lines are the same, the same once a declared rule rewrote the
 * Python (the rule named, the line as Python printed it shown too), or different.
 */
import { PYTHON_RULES, pairOutputs, summarise, type PythonDeclaration, type Row } from "../notebook/index.ts";

export interface BothRun {
  ts: string;
  python: string;
  declaration: PythonDeclaration;
  /** The Python could not run here: `python` is CPython's recorded output. */
  pythonRecorded: boolean;
  /** The TypeScript ran (else `ts` is empty). */
  tsRan: boolean;
}

const VERDICT: Record<Row["kind"], string> = {
  same: "same",
  normalised: "same after a rule",
  differs: "differs",
  "ts-only": "TypeScript only",
  missing: "one side only",
};

function cell(tag: "td" | "th", text: string, className?: string): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

/** Fills `region` (the cell's `[data-both]`) with the comparison. */
export function showSideBySide(region: HTMLElement, run: BothRun): void {
  const rows = pairOutputs(run.ts, run.python, run.declaration);
  const table = document.createElement("table");
  const caption = document.createElement("caption");
  caption.textContent = run.pythonRecorded
    ? "TypeScript beside Python, line by line (the Python as CPython printed it: it cannot run in your browser)"
    : "TypeScript beside Python, line by line";
  const head = document.createElement("tr");
  for (const name of ["TypeScript", "Python", "Compared"]) head.append(Object.assign(cell("th", name), { scope: "col" }));
  table.append(caption);
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.dataset.kind = row.kind;
    tr.append(cell("td", row.ts ?? "", "code"));
    const python = cell("td", row.python ?? "", "code");
    if (row.printed !== undefined) {
      const printed = document.createElement("span");
      printed.className = "printed";
      printed.textContent = `Python printed: ${row.printed}`;
      python.append(document.createElement("br"), printed);
    }
    tr.append(python);
    const verdict = cell("td", VERDICT[row.kind]);
    if (row.rules?.length) {
      verdict.textContent = `same after ${row.rules.join(", ")}`;
      verdict.title = row.rules.map((name) => PYTHON_RULES[name]!.summary).join("; ");
    }
    tr.append(verdict);
  }
  region.querySelector<HTMLElement>("[data-both-table]")!.replaceChildren(table);
  const status = region.querySelector<HTMLElement>("[data-both-status]")!;
  const differs = rows.some((row) => row.kind === "differs" || row.kind === "missing");
  status.dataset.kind = differs ? "warn" : "ok";
  status.textContent =
    (run.tsRan ? "" : "The TypeScript did not run. ") +
    summarise(rows) +
    (differs ? " Lines that vary from run to run (times, counts) differ here too; the expected outputs mark them with …." : "");
}
