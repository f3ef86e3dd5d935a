/**
 * Running programs in a loaded Pyodide, shared by the browser worker (./entry.ts) and
 * the Node-side tests: each program's files go into a directory of their own, its output to
 * `write`, and ./driver.ts runs it like `python3 main.py`.
 */
import type { PyodideAPI } from "pyodide";
import { DRIVER } from "./driver.ts";
import type { SyntaxErrorInfo } from "../core/index.ts";
import type { FileTree } from "../core/index.ts";

/** 0 = stdout, 1 = stderr. */
export type PythonStream = 0 | 1;

export interface ProgramResult {
  code: number;
  syntaxError?: SyntaxErrorInfo;
  /** The interpreter is as fresh as a new one: it may run the next program. */
  reusable: boolean;
  /** What the program changed that made it unfit, e.g. ["asyncio.sleep"] (at most 10). */
  changes: string[];
}

/** Where a program's files are written: a directory of its own under Pyodide's HOME. */
export const HOME = "/home/pyodide";

/**
 * Sends the interpreter's stdout and stderr to `write`, decoded as UTF-8 (a character split
 * across two writes is kept whole), byte for byte: no line splitting, no added newlines.
 */
export function captureOutput(pyodide: PyodideAPI, write: (stream: PythonStream, text: string) => void): void {
  for (const stream of [0, 1] as const) {
    const decoder = new TextDecoder();
    const writer = {
      write(bytes: Uint8Array): number {
        const text = decoder.decode(bytes, { stream: true });
        if (text !== "") write(stream, text);
        return bytes.length;
      },
    };
    if (stream === 0) pyodide.setStdout(writer);
    else pyodide.setStderr(writer);
  }
}

type RunMain = { callPromising(...args: unknown[]): Promise<string> };
const drivers = new WeakMap<PyodideAPI, { runMain: RunMain; runs: number }>();

/** The driver, loaded once per interpreter: loading it again would rebind what it patched. */
function driverOf(pyodide: PyodideAPI): { runMain: RunMain; runs: number } {
  let driver = drivers.get(pyodide);
  if (!driver) {
    // Its own namespace, not Pyodide's __main__; its frames say "notebook_driver.py".
    const namespace = pyodide.toPy({}) as { get(name: string): unknown; destroy(): void };
    pyodide.runPython(DRIVER, { globals: namespace as never, filename: "notebook_driver.py" });
    driver = { runMain: namespace.get("run_main") as RunMain, runs: 0 };
    namespace.destroy();
    drivers.set(pyodide, driver);
  }
  return driver;
}

/**
 * Runs `entry` of `files` in this interpreter, in a directory of its own (the working
 * directory while it runs). Resolves with the exit code, where it failed to compile, and
 * whether the interpreter may run another program (see ./driver.ts). Needs JS Promise
 * Integration: `asyncio.run` suspends the WebAssembly stack.
 */
export async function runProgram(pyodide: PyodideAPI, files: FileTree, entry: string): Promise<ProgramResult> {
  const driver = driverOf(pyodide);
  const dir = `${HOME}/run-${++driver.runs}`;
  for (const [path, text] of Object.entries(files)) {
    const full = `${dir}/${path}`;
    pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
    pyodide.FS.writeFile(full, text);
  }
  pyodide.FS.chdir(dir);
  const outcome = JSON.parse(await driver.runMain.callPromising(entry)) as {
    code: number;
    syntax: [number, number, string] | null;
    reusable: boolean;
    changes: string[];
  };
  const { code, reusable, changes } = outcome;
  if (!outcome.syntax) return { code, reusable, changes };
  const [line, column, reason] = outcome.syntax;
  return { code, syntaxError: { message: `${entry}:${line}:${column}: ${reason}`, path: entry, line, column }, reusable, changes };
}
