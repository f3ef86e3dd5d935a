/**
 * Runs one Python program under Pyodide in Node, through the same session code as the browser
 * worker: `node --experimental-wasm-jspi pyodide-node.ts DIR ENTRY` runs DIR/ENTRY with DIR's
 * other `.py` files beside it, prints its stdout and stderr, and exits with its exit code. A
 * program that does not compile also prints `syntax-error: {json}` as the last stderr line.
 *
 * A child process because JS Promise Integration is a V8 flag: the test runner's own Node
 * does not have it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide } from "pyodide";
import { captureOutput, runProgram } from "../python-session.ts";

const [dir, entry] = process.argv.slice(2);
if (!dir || !entry) {
  process.stderr.write("usage: node --experimental-wasm-jspi pyodide-node.ts DIR ENTRY\n");
  process.exit(2);
}
const files = Object.fromEntries(
  readdirSync(dir)
    .filter((name) => name.endsWith(".py"))
    .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
);
const pyodide = await loadPyodide();
captureOutput(pyodide, (stream, text) => (stream === 0 ? process.stdout : process.stderr).write(text));
const result = await runProgram(pyodide, files, entry);
if (result.syntaxError) process.stderr.write(`syntax-error: ${JSON.stringify(result.syntaxError)}\n`);
// Pending timers of a program that did not clean up must not keep Node alive: the program is over.
process.stdout.write("", () => process.exit(result.code));
