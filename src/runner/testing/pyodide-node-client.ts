/**
 * Runs ./pyodide-node.ts in a child process, for the tests that run Python under Pyodide in
 * Node: one interpreter for all the programs given, loaded once, on the worker's standard
 * library (../build/stdlib.ts). Resolves with one outcome per entry, in order; rejects with
 * the tail of its stderr when the script itself fails.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { stdlibFile } from "../build/stdlib.ts";
import type { NodeOutcome } from "./pyodide-node.ts";

const SCRIPT = fileURLToPath(new URL("./pyodide-node.ts", import.meta.url));

/** `args`: the directory, options such as `--stop-on=TEXT`, then the entries (see ./pyodide-node.ts). */
export async function runPyodideNode(args: string[]): Promise<NodeOutcome[]> {
  const stdlib = await stdlibFile(dirname(createRequire(import.meta.url).resolve("pyodide/package.json")));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args, `--stdlib=${stdlib}`], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`pyodide-node.ts exited ${code}:\n${stderr.slice(-4000)}`));
      resolve(JSON.parse(stdout) as NodeOutcome[]);
    });
  });
}
