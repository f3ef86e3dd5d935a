/**
 * Every runnable cell of every chapter, run by real Node over the exact file tree the
 * WebContainer mounts (./files.ts), with its stdout and stderr compared to the chapter's
 * expected output (a line `…` matches any lines). Stack traces are compared as the reader
 * sees them in the browser: rewritten to `snippet.ts:LINE:COL` (./stack.ts).
 *
 * One test per cell, named `chapter › cell-id`. Needs the built library: `npm run build:loop`.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractCellsFromSource, type Cell } from "../markdown/cells.ts";
import { checkOutput } from "../markdown/expected.ts";
import { ENTRY, buildFileTree, libraryTree, snippetFiles } from "./files.ts";
import { readLibraryFiles } from "./library-node.ts";
import type { FileTree } from "./runtime.ts";
import { directoryLocator, stackRewriter } from "./stack.ts";

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

function mismatch(stream: string, expected: string, actual: string): string {
  const { departsAt } = checkOutput(expected, actual);
  return `${stream} differs from the expected output at line ${(departsAt ?? 0) + 1}.\n--- expected\n${expected}\n--- actual\n${actual}`;
}

let library: FileTree | undefined;
let libraryError: unknown;
try {
  library = libraryTree(await readLibraryFiles(libraryDir));
} catch (error) {
  libraryError = error;
}

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
        if (!library) throw libraryError;
        const tree = buildFileTree(snippetFiles(cell), library);
        const outcome = await runInNode(tree, cell.timeoutMs);
        const where = `${relative(root, file)}:${cell.line}`;
        expect(outcome.timedOut, `${where}: timed out after ${cell.timeoutMs} ms\n${outcome.stdout}${outcome.stderr}`).toBe(false);
        const stdout = checkOutput(cell.expected, outcome.stdout);
        expect(stdout.matches, `${where}: ${mismatch("stdout", cell.expected, outcome.stdout)}\n--- stderr\n${outcome.stderr}`).toBe(true);
        const expectedStderr = cell.expectedStderr ?? "";
        const stderr = checkOutput(expectedStderr, outcome.stderr);
        expect(stderr.matches, `${where}: ${mismatch("stderr", expectedStderr, outcome.stderr)}`).toBe(true);
      });
    }
  });
});
