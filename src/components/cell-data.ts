/** What a cell's `<script type="application/json" data-cell-json>` holds: all a run needs. */
import type { CompiledCell } from "../runner/files.ts";

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
}

/** Reads a cell element's data. */
export function readCellData(cell: HTMLElement): CellData {
  return JSON.parse(cell.querySelector("script[data-cell-json]")!.textContent!) as CellData;
}
