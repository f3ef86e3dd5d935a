/**
 * Runs Python programs under Pyodide in Node, through the same session code as the browser
 * worker: `node --experimental-wasm-jspi pyodide-node.ts DIR ENTRY...` runs each DIR/ENTRY in
 * turn (DIR's other `.py` files beside it) and prints one JSON array, an element per program:
 * `{ stdout, stderr, code, syntaxError? }`.
 *
 * One interpreter for all of them, loaded once (loading is most of the cost): each program
 * still gets a fresh `__main__` and a fresh event loop, which is all these tests need. A
 * child process because JS Promise Integration is a V8 flag the test runner's Node lacks.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide } from "pyodide";
import type { SyntaxErrorInfo } from "../core/index.ts";
import { captureOutput, runProgram } from "../python/index.ts";

export interface NodeOutcome {
  stdout: string;
  stderr: string;
  code: number;
  syntaxError?: SyntaxErrorInfo;
}

const [dir, ...entries] = process.argv.slice(2);
if (!dir || entries.length === 0) {
  process.stderr.write("usage: node --experimental-wasm-jspi pyodide-node.ts DIR ENTRY...\n");
  process.exit(2);
}
const files = Object.fromEntries(
  readdirSync(dir)
    .filter((name) => name.endsWith(".py"))
    .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
);
const pyodide = await loadPyodide();
let current: NodeOutcome = { stdout: "", stderr: "", code: 0 };
captureOutput(pyodide, (stream, text) => {
  if (stream === 0) current.stdout += text;
  else current.stderr += text;
});
const outcomes: NodeOutcome[] = [];
for (const entry of entries) {
  current = { stdout: "", stderr: "", code: 0 };
  const result = await runProgram(pyodide, files, entry);
  outcomes.push({ ...current, ...result });
}
// Timers a program left behind must not keep Node alive: the programs are over.
process.stdout.write(`${JSON.stringify(outcomes)}\n`, () => process.exit(0));
