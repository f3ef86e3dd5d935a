/** What a cell's `<script type="application/json" data-cell-json>` holds: all a run needs. */
import type { PythonDeclaration } from "../notebook/index.ts";
import type { CompiledCell } from "../runner/compile/index.ts";

/** The cell's Python original, and what it should print. */
export interface PythonData {
  code: string;
  /** Recorded with CPython 3.11 (` ```output python `); `…` matches any lines. */
  recorded: string;
  /** What it should print in the page (Pyodide): the recording with the declared departures. */
  expected: string;
  /** How the recorded output maps to the TypeScript's (for Run both). */
  declaration: PythonDeclaration;
}

export interface CellData {
  id: string;
  /** TypeScript as authored. */
  code: string;
  /** The chapter modules this cell may import, TypeScript as authored ("kitchen.ts"). */
  files: Array<{ path: string; code: string }>;
  /**
   * The cell's own part of the file tree (`package.json`, `snippet.js`, `NAME.js`), built at
   * build time by the runner's `compileCell`; used while the reader has not edited the cell,
   * so the page needs no Sucrase until then.
   */
  compiled: CompiledCell;
  /** Expected stdout, without a trailing newline; a line `…` matches any lines. */
  expected: string;
  expectedStderr?: string;
  timeoutMs: number;
  /** Record every run and show the Timeline (`timeline` meta). */
  timeline?: true;
  /** Why Step through cannot show this cell (`nostep` meta). */
  noStep?: string;
  python?: PythonData;
}

/** Reads a cell element's data. */
export function readCellData(cell: HTMLElement): CellData {
  return JSON.parse(cell.querySelector("script[data-cell-json]")!.textContent!) as CellData;
}
