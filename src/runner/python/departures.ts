/**
 * Where a twin run in the page (Pyodide: CPython 3.14 in a Web Worker) may print
 * something other than its recorded CPython 3.11 output, and why. Declared, one line at a time,
 * so that every other difference fails the browser test; the page can show the reason beside
 * the output. Found by running every twin both ways (see the browser test's PYTHON_TWINS_OUT).
 */

export interface Departure {
  /** The chapter file's name without `.mdx`, e.g. "04-the-tower". */
  chapter: string;
  /** The cell's id. */
  cell: string;
  /** The line as CPython prints it (exactly, as recorded). */
  cpython: string;
  /** The line in the page; `…` matches any lines, as in expected output. */
  pyodide: string;
  /** Why, for the reader. */
  why: string;
}

/**
 * None today: the page runs CPython's own event loop (./loop.ts), so the lines Pyodide's
 * WebLoop printed differently (not a BaseEventLoop, no TimerHandle, a loop that never closed,
 * 10,000 tasks taking seconds) print as CPython prints them. A line that still differs in
 * CPython 3.14 from the 3.11 recording goes here, with its reason.
 */
export const PYODIDE_DEPARTURES: readonly Departure[] = [];

/** The departures declared for one cell. */
export function departuresOf(chapter: string, cell: { id: string }, declared: readonly Departure[] = PYODIDE_DEPARTURES): Departure[] {
  return declared.filter((d) => d.chapter === chapter && d.cell === cell.id);
}

/**
 * The output a twin should print in the page: its recorded CPython output with the declared
 * lines replaced. Throws when a declared line is not in the recording (the rule went stale).
 */
export function expectedInPage(chapter: string, cell: { id: string }, recorded: string, declared: readonly Departure[] = PYODIDE_DEPARTURES): string {
  const lines = recorded.split("\n");
  for (const departure of departuresOf(chapter, cell, declared)) {
    const at = lines.indexOf(departure.cpython);
    if (at === -1) throw new Error(`${chapter} › ${cell.id}: declared departure ${JSON.stringify(departure.cpython)} is not in the recorded output`);
    lines[at] = departure.pyodide;
  }
  return lines.join("\n");
}
