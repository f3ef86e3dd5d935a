/**
 * Running one program in a loaded Pyodide, shared by the browser worker (./python-worker.ts)
 * and the Node-side tests: the program's files go into the interpreter's home directory, its
 * output to `write`, and ./python-driver.ts runs it like `python3 main.py`.
 */
import type { PyodideAPI } from "pyodide";
import { DRIVER } from "./python-driver.ts";
import type { SyntaxErrorInfo } from "./python-protocol.ts";
import type { FileTree } from "./runtime.ts";

/** 0 = stdout, 1 = stderr. */
export type PythonStream = 0 | 1;

export interface ProgramResult {
  code: number;
  syntaxError?: SyntaxErrorInfo;
}

/** The working directory (Pyodide's HOME) where a program's files are written. */
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

/**
 * Runs `entry` of `files` once in this interpreter (a worker runs one program: the interpreter
 * is not reset afterwards). Resolves with the exit code; a program that does not compile gives 1
 * and where it failed. Needs JS Promise Integration (`asyncio.run` suspends the WebAssembly stack).
 */
export async function runProgram(pyodide: PyodideAPI, files: FileTree, entry: string): Promise<ProgramResult> {
  for (const [path, text] of Object.entries(files)) {
    const full = `${HOME}/${path}`;
    pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
    pyodide.FS.writeFile(full, text);
  }
  pyodide.FS.chdir(HOME);
  // The driver's own namespace, not Pyodide's __main__; its frames say "notebook_driver.py".
  const namespace = pyodide.toPy({}) as { get(name: string): unknown; destroy(): void };
  pyodide.runPython(DRIVER, { globals: namespace as never, filename: "notebook_driver.py" });
  const driver = namespace.get("run_main") as { callPromising(...args: unknown[]): Promise<string>; destroy(): void };
  namespace.destroy();
  try {
    const outcome = JSON.parse(await driver.callPromising(entry)) as { code: number; syntax: [number, number, string] | null };
    if (!outcome.syntax) return { code: outcome.code };
    const [line, column, reason] = outcome.syntax;
    return { code: outcome.code, syntaxError: { message: `${entry}:${line}:${column}: ${reason}`, path: entry, line, column } };
  } finally {
    driver.destroy();
  }
}
