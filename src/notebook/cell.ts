/**
 * What a cell is: the one shape the build, the page and the tests share. The Markdown pipeline
 * (`src/markdown/cells.ts`) finds it in a chapter; `Cell.astro` adds what the build prepares
 * for the page (`compiled`, `pythonInPage`) and hands the page the same shape as JSON.
 */
import type { CompiledCell } from "../runner/compile/index.ts";
import type { PythonDeclaration } from "./python-rules.ts";

/** A cell's two halves: its TypeScript, and its Python original (its twin). */
export type Half = "ts" | "py";

/** How long one run of a cell or an exercise may last, unless its `timeout=` meta says otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The longest a stepped run may last: the reader sets the pace (setTimeout's maximum). */
export const STEPPING_TIMEOUT_MS = 2 ** 31 - 1;

/** A module a chapter defines with ` ```ts file=NAME.ts `. */
export interface ChapterFile {
  /** The module's own name, e.g. "kitchen.ts"; cells import it as "./kitchen.js". */
  path: string;
  /** TypeScript as authored. */
  code: string;
  /** 1-based line of the block's opening fence in the MDX. */
  line: number;
}

/** The meta of an ` ```output python ` block. */
export interface PythonRecord extends PythonDeclaration {
  /** `twin=`: the fingerprint (`twinHash`) of the Python source the output was recorded from. */
  twin?: string;
  /** 1-based line of the block's opening fence in the MDX. */
  line: number;
  /** `cpython=`: the CPython it was recorded with, when not 3.11 (only `3.14`, in Pyodide). */
  cpython?: string;
}

/** One runnable snippet and everything needed to run and judge it. */
export interface Cell {
  /** "cell-1", "cell-2"... by position among the chapter's cells, or the `id=` meta. */
  id: string;
  /** TypeScript as authored. */
  code: string;
  /** Expected stdout, without a trailing newline; a line `…` matches any lines. */
  expected: string;
  /** Expected stderr when the chapter gives a ` ```stderr ` block. */
  expectedStderr?: string;
  /** The Python original, when a ` ```python ` block immediately precedes the cell. */
  python?: string;
  /** The twin's recorded CPython stdout, from the ` ```output python ` block. */
  pythonExpected?: string;
  /** That block's meta: the hash of the twin it was recorded from and the declared rules. */
  pythonRecord?: PythonRecord;
  /** The chapter's `file=` modules defined before this cell (latest definition per name). */
  files: ChapterFile[];
  /** 1-based line of the cell's opening fence in the MDX (for errors). */
  line: number;
  /** Wall-clock limit for one run; `timeout=` meta in seconds, default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs: number;
  /** `timeline` meta: every run is recorded and its Timeline shown. */
  timeline?: true;
  /** `nostep="…"` meta: why this cell cannot be stepped (real time, threads...). */
  noStep?: string;
  /** `predict` meta: the reader is offered to put its output lines in order before running it. */
  predict?: true;
  /**
   * The cell's own part of the file tree, compiled at build time (the page's copy has it): used
   * while the reader has not edited the cell, so the page needs no Sucrase until then.
   */
  compiled?: CompiledCell;
  /** What the twin should print in the page (the recording with the declared departures). */
  pythonInPage?: string;
}
