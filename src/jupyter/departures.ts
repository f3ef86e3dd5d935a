/**
 * Twins whose point is what `asyncio.run` itself does, so that `await main()` in a notebook
 * would print something else: they keep their `asyncio.run(main())`, and the notebook says they
 * need a plain `python3`. Found by running every notebook (./pyodide.test.ts), which also
 * checks that each one declared here still prints differently when rewritten.
 */
export interface KeptRun {
  /** The chapter file's name without `.mdx`. */
  chapter: string;
  /** The cell's id. */
  cell: string;
  /** Why, for the reader: what `asyncio.run` does here that `await main()` would not. */
  why: string;
}

export const KEEPS_ASYNCIO_RUN: readonly KeptRun[] = [
  {
    chapter: "03-asyncio-walkthrough",
    cell: "closing-down",
    why:
      "It shows what `asyncio.run` does once `main` returns: it cancels the tasks still running " +
      "(`heartbeat`) and closes the loop. `await main()` would do neither, and `heartbeat` would " +
      "go on beating in the kernel.",
  },
];

export function keptRun(chapter: string, cell: string): KeptRun | undefined {
  return KEEPS_ASYNCIO_RUN.find((kept) => kept.chapter === chapter && kept.cell === cell);
}
