/**
 * The worker's standard library (../python/assets.ts's STDLIB_FILE) for the build, the dev
 * server, the tests' server and Pyodide under Node in the tests: made by ./compile-stdlib.ts in a child process (Pyodide in
 * Node, a few seconds), and kept in node_modules/.cache under a name that hashes all it is
 * made from (Pyodide's zip, the script, the session, the driver and its modules), so it is
 * made once per version of them. Node-side only.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DRIVER } from "../python/driver.ts";
import { LOOP_SOURCE } from "../python/loop.ts";
import { TRACE_SOURCE } from "../python/trace.ts";

const SCRIPT = fileURLToPath(new URL("./compile-stdlib.ts", import.meta.url));
const SESSION = fileURLToPath(new URL("../python/session.ts", import.meta.url));

function compile(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, out], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`compile-stdlib.ts exited ${code}:\n${stderr.slice(-4000)}`))));
  });
}

/** Per Pyodide package: its file, once made (hashing its inputs reads megabytes: once per process). */
const made = new Map<string, Promise<string>>();

/** The path of the standard library with bytecode for the Pyodide package in `root` (node_modules/pyodide), made if need be. */
export function stdlibFile(root: string): Promise<string> {
  let promise = made.get(root);
  if (!promise) {
    promise = make(root);
    made.set(root, promise);
  }
  return promise;
}

async function make(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const part of [readFileSync(join(root, "python_stdlib.zip")), readFileSync(SCRIPT), readFileSync(SESSION), DRIVER, LOOP_SOURCE, TRACE_SOURCE]) hash.update(part);
  const file = join(root, "..", ".cache", "pyodide-stdlib", `${hash.digest("hex").slice(0, 16)}.zip`);
  if (existsSync(file)) return file;
  mkdirSync(join(file, ".."), { recursive: true });
  // Written aside and renamed: another process making the same file never sees half of it.
  const partial = `${file}.${process.pid}.partial`;
  try {
    await compile(partial);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  // Those made from older sources are of no more use.
  for (const old of readdirSync(join(file, ".."))) if (old.endsWith(".zip") && join(file, "..", old) !== file) rmSync(join(file, "..", old), { force: true });
  return file;
}

/** Its bytes. */
export async function stdlibWithBytecode(root: string): Promise<Buffer> {
  return readFileSync(await stdlibFile(root));
}
