/**
 * The loop library as files, read from disk: for Node-side verification.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { isLibraryFile } from "../core/index.ts";

/**
 * Reads the package's `package.json` and built modules (see {@link isLibraryFile}), keyed by
 * path inside the package, in a stable order.
 * @param packageDir the library's directory, e.g. "src/loop".
 * @throws Error telling to run `npm run build:loop` when `dist/index.js` is missing.
 */
export async function readLibraryFiles(packageDir: string): Promise<Record<string, string>> {
  let names: string[];
  try {
    names = (await readdir(join(packageDir, "dist"), { recursive: true })).map((name) => name.replaceAll("\\", "/"));
  } catch {
    names = [];
  }
  if (!names.includes("index.js")) {
    throw new Error(`${join(packageDir, "dist", "index.js")} is missing: run npm run build:loop`);
  }
  const files: Record<string, string> = {};
  for (const path of ["package.json", ...names.sort().map((name) => `dist/${name}`)]) {
    if (isLibraryFile(path)) files[path] = await readFile(join(packageDir, path), "utf8");
  }
  return files;
}
