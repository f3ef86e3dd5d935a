/**
 * Each chapter's Jupyter notebook (./ipynb.ts): valid against nbformat's own JSON schema
 * (v4.5, from the nbformat package, checked by Ajv), and its code cells run in order under
 * Pyodide in Node, as Jupyter runs them (one namespace, top-level await in a running loop),
 * each printing its recorded CPython output; a cell tagged own-loop raises RuntimeError, as
 * its note says. Exercise starters are not run: some never finish until the reader fixes them
 * (src/exercises/python-checks.test.ts runs them against their checks).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv-draft-04";
import { afterAll, describe, expect, it } from "vitest";
import { checkOutput } from "../markdown/expected.ts";
import { classifyPython } from "../runner/python-classify.ts";
import type { NodeOutcome } from "../runner/testing/pyodide-node.ts";
import { chapterNotebook, DIFFERS_TAG, EXERCISE_TAG, forJupyter, OWN_LOOP_TAG, startsOwnLoop, type Notebook, type NotebookCell } from "./ipynb.ts";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const CONTENT = here("../../content");
const SCRIPT = here("../runner/testing/pyodide-node.ts");
const schema = JSON.parse(readFileSync(here("./nbformat.v4.5.schema.json"), "utf8")) as object;
// Not strict: the schema has an unknown keyword ("item"), which nbformat's own validator also ignores.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const notebooks: Array<{ chapter: string; notebook: Notebook }> = readdirSync(CONTENT)
  .filter((name) => name.endsWith(".mdx"))
  .sort()
  .map((name) => {
    const chapter = name.replace(/\.mdx$/, "");
    return { chapter, notebook: chapterNotebook(readFileSync(join(CONTENT, name), "utf8"), chapter) };
  });

const dir = mkdtempSync(join(tmpdir(), "notebooks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const source = (lines: string[]): string => lines.join("");
const readsClock = (code: string): boolean => /\b(?:loop\.time|time\.(?:perf_counter|monotonic|time))\(/.test(code);

/** The code cells the test runs: not exercises, and runnable in a browser at all. */
const runnable = (notebook: Notebook): NotebookCell[] =>
  notebook.cells.filter(
    (cell) => cell.cell_type === "code" && !cell.metadata.tags?.includes(EXERCISE_TAG) && classifyPython(source(cell.source)).runnable,
  );

/** Each notebook's code cells run in one child (one Pyodide), a program per notebook. */
let outcomes: Promise<Map<string, NodeOutcome>> | undefined;
function runAll(): Promise<Map<string, NodeOutcome>> {
  const runner = readFileSync(here("./testing/run_cells.py"), "utf8");
  const entries = notebooks.map(({ chapter, notebook }) => {
    const sub = `nb_${chapter.replace(/-/g, "_")}`;
    mkdirSync(join(dir, sub), { recursive: true });
    const cells = runnable(notebook);
    writeFileSync(join(dir, sub, "cells.py"), `CELLS = ${JSON.stringify(cells.map((cell) => source(cell.source)))}\n`);
    writeFileSync(join(dir, sub, "main.py"), runner);
    return `${sub}/main.py`;
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, dir, ...entries], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`pyodide-node.ts exited ${code}:\n${stderr.slice(-2000)}`));
      const results = JSON.parse(stdout) as NodeOutcome[];
      resolve(new Map(notebooks.map(({ chapter }, i) => [chapter, results[i]!])));
    });
  });
}

describe("forJupyter", () => {
  it("turns a top-level asyncio.run(coro) into await coro, and leaves the rest", () => {
    expect(forJupyter("import asyncio\nasyncio.run(main())\n")).toBe("import asyncio\nawait main()");
    expect(forJupyter("result = asyncio.run(main(1, 2))  # go")).toBe("result = await main(1, 2)  # go");
    expect(forJupyter("asyncio.run(main(), debug=True)")).toBe("asyncio.run(main(), debug=True)");
    expect(forJupyter("def f():\n    asyncio.run(main())")).toBe("def f():\n    asyncio.run(main())");
  });

  it("knows which code still starts a loop of its own", () => {
    expect(startsOwnLoop("await main()")).toBe(false);
    expect(startsOwnLoop("with asyncio.Runner() as runner:\n    runner.run(main())")).toBe(true);
    expect(startsOwnLoop("loop = asyncio.new_event_loop()\nloop.run_until_complete(main())")).toBe(true);
    expect(startsOwnLoop("loop = asyncio.new_event_loop()\nfut = loop.create_future()")).toBe(false);
  });
});

describe("each chapter as a Jupyter notebook", () => {
  for (const { chapter, notebook } of notebooks) {
    it(`${chapter}: is valid nbformat 4.5`, () => {
      expect(validate(notebook), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      // Not empty, and no TypeScript: every Python half is there, with its output.
      const code = notebook.cells.filter((cell) => cell.cell_type === "code");
      expect(code.length).toBeGreaterThan(0);
      expect(notebook.cells.some((cell) => cell.cell_type === "markdown" && source(cell.source).startsWith("# "))).toBe(true);
      for (const cell of code) expect(source(cell.source)).not.toMatch(/^import \* as asyncio from "asyncio"/m);
    });
  }

  for (const { chapter, notebook } of notebooks) {
    it(`${chapter}: its code cells run in order under Pyodide and print their recorded output`, { timeout: 300_000 }, async () => {
      outcomes ??= runAll();
      const outcome = (await outcomes).get(chapter)!;
      const results = JSON.parse(outcome.stdout.trim().split("\n").at(-1)!) as Array<{ stdout: string; error: string | null }>;
      const cells = runnable(notebook);
      expect(results).toHaveLength(cells.length);
      cells.forEach((cell, i) => {
        const { stdout, error } = results[i]!;
        const label = `${chapter} › ${cell.id}\n${source(cell.source)}`;
        if (cell.metadata.tags?.includes(OWN_LOOP_TAG)) {
          expect(error, label).toMatch(/^RuntimeError: /);
          return;
        }
        expect(error, label).toBeNull();
        const recorded = (cell.outputs?.[0]?.text.join("") ?? "").replace(/\n$/, "");
        if (recorded === "") return;
        // A declared difference must still be one (else the note is stale).
        if (cell.metadata.tags?.includes(DIFFERS_TAG)) return expect(checkOutput(recorded, stdout).matches, label).toBe(false);
        // A cell that reads a clock prints what the machine's speed allows: its lines are
        // compared by number only (the e2e suite holds the page to the recording).
        if (readsClock(source(cell.source))) expect(stdout.split("\n").length - 1, `${label}\n--- printed\n${stdout}`).toBe(recorded.split("\n").length);
        else expect(checkOutput(recorded, stdout).matches, `${label}\n--- printed\n${stdout}`).toBe(true);
      });
    });
  }
});
