/**
 * Runs an exercise's tree under real Node, as src/runner/verify-node.test.ts runs a cell's:
 * the tree written to a temporary directory, `node snippet.js` in it, the library from
 * src/loop/dist. For the exercise tests only.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { snippetFiles, type SnippetSource } from "../../runner/compile/index.ts";
import { readLibraryFiles } from "../../runner/build/index.ts";
import { ENTRY, buildFileTree, directoryLocator, libraryTree, stackRewriter, type FileTree } from "../../runner/core/index.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

export interface NodeOutcome {
  stdout: string;
  stderr: string;
  code: number | null;
  timedOut: boolean;
}

let library: Promise<FileTree> | undefined;

/** The check harness's TypeScript, as the page embeds it. */
export function harnessSource(): Promise<string> {
  return readFile(join(root, "src/exercises/check-harness.ts"), "utf8");
}

/** Transpiles `source` like the page does and runs it with Node; stack traces name the reader's files. */
export async function runWithNode(source: SnippetSource, timeoutMs: number): Promise<NodeOutcome> {
  library ??= readLibraryFiles(join(root, "src/loop")).then(libraryTree);
  const tree = buildFileTree(snippetFiles(source), await library);
  const dir = await realpath(await mkdtemp(join(tmpdir(), "asyncio-exercise-")));
  try {
    for (const [path, text] of Object.entries(tree)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const outcome = await new Promise<NodeOutcome>((resolve) => {
      execFile(
        process.execPath,
        [ENTRY],
        { cwd: dir, timeout: timeoutMs, killSignal: "SIGKILL", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } },
        (error, stdout, stderr) => {
          const failure = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
          const code = failure ? (typeof failure.code === "number" ? failure.code : null) : 0;
          resolve({ stdout, stderr, code, timedOut: failure?.killed === true });
        },
      );
    });
    const rewrite = stackRewriter(tree, { locate: directoryLocator(dir) });
    return { ...outcome, stdout: rewrite(outcome.stdout), stderr: rewrite(outcome.stderr) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
