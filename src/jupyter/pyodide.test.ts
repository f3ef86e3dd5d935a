/**
 * Every chapter's notebook runs in Jupyter's way, under Pyodide in Node: its code cells in order,
 * in one namespace, each awaited on the event loop already running (./testing/kernel.py, the
 * counterpart of ipykernel's top-level await), on CPython's own BaseEventLoop (the session of
 * src/runner/python/). Each twin prints its recorded CPython output; each twin that keeps a
 * loop of its own raises the RuntimeError its note names; each exercise starter only defines
 * (its run is commented out). Twins that need threads, processes, sockets or signals
 * (src/runner/python/classify.ts) cannot run under Pyodide and are left out; Jupyter runs them.
 *
 * One child process, one interpreter for all chapters (loading it is most of the cost), a fresh
 * `__main__` per chapter, as a fresh kernel per notebook.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkOutput } from "../notebook/index.ts";
import { classifyPython, expectedInPage, PYODIDE_DEPARTURES } from "../runner/python/index.ts";
import { runPyodideNode } from "../runner/testing/index.ts";
import { forJupyter } from "./await.ts";
import { KEEPS_ASYNCIO_RUN } from "./departures.ts";
import type { CodeCell } from "./notebook.ts";
import { chapterNotebooks } from "./testing/chapters.ts";

const KERNEL = readFileSync(fileURLToPath(new URL("./testing/kernel.py", import.meta.url)), "utf8");
const TIMEOUT = 300_000;

interface CellResult {
  stdout: string;
  stderr: string;
  error: string | null;
}

const text = (source: string[]): string => source.join("");
const chapters = chapterNotebooks().map(({ chapter, notebook, origins }) => {
  const codeCells = notebook.cells.filter((cell): cell is CodeCell => cell.cell_type === "code");
  const cells = codeCells.map((cell, index) => ({ cell, origin: origins[index]!, verdict: classifyPython(text(cell.source)) }));
  return { chapter, cells, runnable: cells.filter(({ verdict }) => verdict.runnable) };
});

/** Each twin declared to keep its asyncio.run, as `await main()` would have it: it must print otherwise. */
const KEPT = "kept-runs";
const kept = KEEPS_ASYNCIO_RUN.map((declared) => {
  const cell = chapterNotebooks()
    .find(({ chapter }) => chapter === declared.chapter)
    ?.origins.find((origin) => origin.id === declared.cell);
  const code = chapters.find(({ chapter }) => chapter === declared.chapter)?.cells.find(({ origin }) => origin.id === declared.cell)?.cell;
  if (!cell || !code) throw new Error(`declared in departures.ts but not in the chapter: ${declared.chapter} › ${declared.cell}`);
  return { declared, recorded: cell.recorded ?? "", rewritten: forJupyter(text(code.source)).source };
});

const dir = mkdtempSync(join(tmpdir(), "notebooks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let results: Promise<Map<string, CellResult[]>> | undefined;
async function runAll(): Promise<Map<string, CellResult[]>> {
  const programs = [
    ...chapters.map(({ chapter, runnable }) => ({ name: chapter, cells: runnable.map(({ cell }) => text(cell.source)) })),
    { name: KEPT, cells: kept.map(({ rewritten }) => rewritten) },
  ];
  const entries = programs.map(({ name, cells }) => {
    const entry = `nb_${name.replace(/\W/g, "_")}.py`;
    writeFileSync(join(dir, entry), `CELLS = ${JSON.stringify(cells)}\n\n${KERNEL}`);
    return entry;
  });
  const outcomes = await runPyodideNode([dir, ...entries]);
  const byChapter = new Map<string, CellResult[]>();
  programs.forEach(({ name }, index) => {
    const outcome = outcomes[index]!;
    if (outcome.code !== 0) throw new Error(`${name}: the kernel failed:\n${outcome.stderr.slice(-4000)}`);
    byChapter.set(name, JSON.parse(outcome.stdout.trim().split("\n").at(-1)!) as CellResult[]);
  });
  return byChapter;
}

async function resultsOf(chapter: string): Promise<CellResult[]> {
  results ??= runAll();
  return (await results).get(chapter)!;
}

describe.each(chapters)("$chapter notebook under Pyodide", ({ chapter, cells, runnable }) => {
  it(
    "runs its code cells in order, each printing what CPython recorded",
    async () => {
      const got = await resultsOf(chapter);
      expect(got).toHaveLength(runnable.length);
      runnable.forEach(({ origin }, index) => {
        const result = got[index]!;
        const where = `${chapter} › ${origin.id}`;
        if (origin.ownLoop) {
          expect(result.error, `${where}: its note says it raises`).toBe(`RuntimeError: ${origin.ownLoop.error}`);
        } else if (origin.kind === "exercise-starter") {
          expect({ where, ...result }).toEqual({ where, stdout: "", stderr: "", error: null });
        } else {
          expect(result.error, `${where}:\n${result.stderr}`).toBeNull();
          const expected = expectedInPage(chapter, origin, origin.recorded ?? "", PYODIDE_DEPARTURES);
          const printed = result.stdout.replace(/\n$/, "");
          // On a mismatch, compare as text: the failure shows the diff.
          if (!checkOutput(expected, printed).matches) expect(printed, where).toBe(expected);
        }
      });
    },
    TIMEOUT,
  );

  it("leaves out only the cells Pyodide cannot run", () => {
    const why = /threads|processes|sockets|signals|SelectorEventLoop|\/proc/;
    const unexplained = cells.filter(({ verdict }) => !verdict.runnable && !why.test(verdict.reason));
    expect(unexplained.map(({ origin }) => `${chapter} › ${origin.id}`)).toEqual([]);
  });
});

describe("twins that keep their asyncio.run (departures.ts)", () => {
  it(
    "would print otherwise as `await main()`",
    async () => {
      const got = await resultsOf(KEPT);
      expect(got).toHaveLength(kept.length);
      kept.forEach(({ declared, recorded }, index) => {
        const printed = got[index]!.stdout.replace(/\n$/, "");
        expect(checkOutput(recorded, printed).matches, `${declared.chapter} › ${declared.cell} prints its recording as \`await main()\`: declared for nothing`).toBe(false);
      });
    },
    TIMEOUT,
  );
});
