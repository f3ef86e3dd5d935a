/**
 * Every runnable cell of every chapter, run by real Node over the exact file tree the
 * WebContainer mounts (./compile/files.ts), with its stdout and stderr compared to the chapter's
 * expected output (a line `…` matches any lines), and its exit code with 0 (../notebook/cell-check.ts).
 * Stack traces are compared as the reader
 * sees them in the browser: rewritten to `snippet.ts:LINE:COL` (./core/stack.ts).
 *
 * One test per cell, named `chapter › cell-id`. Needs the built library: `npm run build:loop`.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractCellsFromSource } from "../markdown/cells.ts";
import { cellProblems, type Cell, type CellRun } from "../notebook/index.ts";
import { snippetFiles } from "./compile/index.ts";
import { readLibraryFiles } from "./build/index.ts";
import { ENTRY, buildFileTree, directoryLocator, libraryTree, stackRewriter, type FileTree } from "./core/index.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const contentDir = join(root, "content");
const libraryDir = join(root, "src/loop");

async function chapters(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await chapters(path)));
    else if (entry.name.endsWith(".mdx")) found.push(path);
  }
  return found.sort();
}

interface Outcome {
  stdout: string;
  stderr: string;
  code: number | null;
  timedOut: boolean;
}

/** Writes `tree` to a fresh directory and runs `node snippet.js` in it. */
async function runInNode(tree: FileTree, timeoutMs: number): Promise<Outcome> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), "asyncio-cell-")));
  try {
    for (const [path, text] of Object.entries(tree)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const outcome = await new Promise<Outcome>((resolve) => {
      execFile(
        process.execPath,
        [ENTRY],
        { cwd: dir, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1", NODE_DISABLE_COLORS: "1", FORCE_COLOR: "0" } },
        (error, stdout, stderr) => {
          const failure = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
          resolve({
            stdout,
            stderr,
            code: failure ? (typeof failure.code === "number" ? failure.code : null) : 0,
            timedOut: failure?.killed === true,
          });
        },
      );
    });
    const rewrite = stackRewriter(tree, { locate: directoryLocator(dir) });
    return { ...outcome, stdout: rewrite(outcome.stdout), stderr: rewrite(outcome.stderr) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let library: FileTree | undefined;
let libraryError: unknown;
try {
  library = libraryTree(await readLibraryFiles(libraryDir));
} catch (error) {
  libraryError = error;
}

async function runCell(cell: Pick<Cell, "code" | "files" | "timeoutMs">): Promise<CellRun> {
  if (!library) throw libraryError;
  const outcome = await runInNode(buildFileTree(snippetFiles(cell), library), cell.timeoutMs);
  return { ...outcome, ...(outcome.timedOut ? { reason: "timeout" as const } : {}) };
}

describe("the Node check itself", () => {
  // A check that ignored exit codes would pass this cell: its output is right.
  it("fails a cell whose output is right but which sets process.exitCode = 3", async () => {
    const cell = { code: 'console.log("hi");\nprocess.exitCode = 3;', files: [], timeoutMs: 10_000, expected: "hi" };
    const run = await runCell(cell);
    expect(run).toMatchObject({ stdout: "hi\n", code: 3 });
    expect(cellProblems(cell, run)).toEqual(["exited with code 3, not 0"]);
  });

  it("fails a cell that throws after printing what was expected", async () => {
    const cell = { code: 'console.log("hi");\nthrow new Error("late");', files: [], timeoutMs: 10_000, expected: "hi" };
    const problems = cellProblems(cell, await runCell(cell));
    expect(problems[0]).toBe("exited with code 1, not 0");
    expect(problems[1]).toMatch(/^stderr differs/);
  });
});

const files = await chapters(contentDir);
const sources = await Promise.all(files.map((file) => readFile(file, "utf8")));

describe("every cell runs under Node with its expected output", () => {
  it("has chapters to check", () => {
    expect(files.length, `no .mdx files under ${contentDir}`).toBeGreaterThan(0);
  });

  files.forEach((file, index) => {
    const chapter = relative(contentDir, file).replace(/\.mdx$/, "");
    let cells: Cell[];
    try {
      cells = extractCellsFromSource(sources[index]!, relative(root, file));
    } catch (error) {
      it(`${chapter} › parses`, () => {
        throw error;
      });
      return;
    }
    for (const cell of cells) {
      it(`${chapter} › ${cell.id}`, { timeout: cell.timeoutMs + 10_000 }, async () => {
        const problems = cellProblems(cell, await runCell(cell));
        expect(problems, `${relative(root, file)}:${cell.line}: ${problems.join("\n")}`).toEqual([]);
      });
    }
  });
});
