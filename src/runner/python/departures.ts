/**
 * Where a twin run in the page (Pyodide: CPython 3.14 on the browser's event loop) may print
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

const WEBLOOP = "In the browser, asyncio runs on Pyodide's WebLoop, which schedules each callback on the browser's own event loop";

export const PYODIDE_DEPARTURES: readonly Departure[] = [
  {
    chapter: "01-why-asyncio",
    cell: "all-at-once",
    cpython: "time: under 1 s",
    pyodide: "…",
    why: `${WEBLOOP}: one browser task per callback makes 10,000 tasks take a second or two, not a fraction of one`,
  },
  {
    chapter: "04-the-tower",
    cell: "spec-and-implementation",
    cpython: "a BaseEventLoop: True",
    pyodide: "a BaseEventLoop: False",
    why: `${WEBLOOP}: it implements AbstractEventLoop directly, not through BaseEventLoop`,
  },
  {
    chapter: "04-the-tower",
    cell: "spec-and-implementation",
    cpython: "call_later returned a TimerHandle: True",
    pyodide: "call_later returned a TimerHandle: False",
    why: `${WEBLOOP}: its call_later hands the delay to setTimeout and returns a plain Handle`,
  },
  {
    chapter: "03-asyncio-walkthrough",
    cell: "run-unrolled",
    cpython: "7. loop closed: yes",
    pyodide: "7. loop closed: no",
    why: `${WEBLOOP}, which lives as long as the page: its close() leaves it open`,
  },
];

/** The departures declared for one cell. */
export function departuresOf(chapter: string, cell: { id: string }): Departure[] {
  return PYODIDE_DEPARTURES.filter((d) => d.chapter === chapter && d.cell === cell.id);
}

/**
 * The output a twin should print in the page: its recorded CPython output with the declared
 * lines replaced. Throws when a declared line is not in the recording (the rule went stale).
 */
export function expectedInPage(chapter: string, cell: { id: string }, recorded: string): string {
  const lines = recorded.split("\n");
  for (const departure of departuresOf(chapter, cell)) {
    const at = lines.indexOf(departure.cpython);
    if (at === -1) throw new Error(`${chapter} › ${cell.id}: declared departure ${JSON.stringify(departure.cpython)} is not in the recorded output`);
    lines[at] = departure.pyodide;
  }
  return lines.join("\n");
}
