/**
 * Prints the JavaScript each built page ships before any interaction, gzipped: its module
 * entry scripts and everything they import statically, its classic scripts, and inline
 * scripts. Dynamic imports (runner, editor, Sucrase) are counted apart: "on idle" is what the
 * page fetches by itself once idle (the cell code and runner, to pre-warm a worker), "on use"
 * the rest. Python (Pyodide and its worker) loads on the first Python run only: the last
 * lines show that no script before that mentions it, and what that first run fetches.
 * Run `npm run build` first; then `npx node bench/page-weight.ts [dist]`.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { gzipSync } from "node:zlib";

const dist = resolve(process.argv[2] ?? "dist");

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

import { PYODIDE_DIR, PYODIDE_FILES } from "../src/runner/python/index.ts";

const gz = (text: string | Buffer): number => gzipSync(text, { level: 9 }).length;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;

function read(url: string): string {
  return readFileSync(join(dist, url.replace(/^\//, "")), "utf8");
}

// Minified output quotes specifiers with ", ' or `.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w${},*\s]+?\s*from\s*)?["'`](\.{0,2}\/[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{0,2}\/[^"'`]+)["'`]\s*\)/g;
const WORKER_URL = /new URL\(\s*["'`](\.{0,2}\/[^"'`]+)["'`]\s*,[^)]*import\.meta\.url\s*\)/g;

function resolveFrom(from: string, specifier: string): string {
  return specifier.startsWith("/") ? specifier : `/${relative(dist, resolve(dist, dirname(from.slice(1)), specifier))}`;
}

/** A module and every module it imports statically. */
function closure(entries: string[], seen = new Set<string>()): Set<string> {
  const queue = [...entries];
  while (queue.length) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    for (const match of read(url).matchAll(STATIC_IMPORT)) {
      const found = resolveFrom(url, match[1]!);
      // The regex also sees imports inside string literals (a snippet's source): not modules of ours.
      if (statSync(join(dist, found.slice(1)), { throwIfNoEntry: false })?.isFile()) queue.push(found);
    }
  }
  return seen;
}

function dynamicImports(modules: Iterable<string>): string[] {
  const found: string[] = [];
  for (const url of modules) {
    const text = read(url);
    for (const match of text.matchAll(DYNAMIC_IMPORT)) found.push(resolveFrom(url, match[1]!));
    for (const match of text.matchAll(WORKER_URL)) found.push(resolveFrom(url, match[1]!));
  }
  return found;
}

const sum = (urls: Iterable<string>): number => [...urls].reduce((total, url) => total + gz(read(url)), 0);

for (const file of htmlFiles(dist).sort()) {
  const html = readFileSync(file, "utf8");
  const page = `/${relative(dist, file)}`;
  const modules = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const classic = [...html.matchAll(/<script(?![^>]*type=)[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .filter((text) => text.trim() !== "");
  const eager = closure(modules);
  const eagerBytes = sum(eager) + sum(classic) + inline.reduce((total, text) => total + gz(text), 0);

  // What the page loads by itself when idle: cell-actions, the exercises and the client router with their static imports, and the
  // pre-warmed worker's script.
  const idleEntries = dynamicImports(eager).filter((url) => /cell-actions|exercise-client|\/router\./.test(url));
  const idle = closure(idleEntries, new Set(eager));
  for (const url of eager) idle.delete(url);
  for (const url of closure(dynamicImports(idle).filter((u) => /worker-entry/.test(u)), new Set([...eager, ...idle]))) idle.add(url);
  for (const url of eager) idle.delete(url);
  const later = closure(dynamicImports([...eager, ...idle]), new Set([...eager, ...idle]));
  for (const url of [...eager, ...idle]) later.delete(url);

  console.log(`${page}`);
  console.log(`  before interaction: ${kb(eagerBytes)} gzip  (${[...eager, ...classic].length} scripts + ${inline.length} inline)`);
  if (idle.size) console.log(`  fetched when idle:  ${kb(sum(idle))} gzip  (${[...idle].map((u) => u.split("/").pop()).join(", ")})`);
  const library = join(dist, "runner", "asyncio-files.json");
  if ([...idle].some((url) => /cell-actions/.test(url)) && statSync(library, { throwIfNoEntry: false })) {
    console.log(`  + loop library:     ${kb(gz(readFileSync(library)))} gzip  (runner/asyncio-files.json, fetched by the pre-warm)`);
  }
  if (later.size) console.log(`  on use:             ${kb(sum(later))} gzip  (${[...later].map((u) => u.split("/").pop()).join(", ")})`);
  const python = [...eager, ...idle].filter((url) => /pyodide|python-worker/.test(read(url)));
  console.log(`  Python before its first run: ${python.length === 0 ? "nothing (no script loaded before it mentions Pyodide)" : python.join(", ")}`);
}

// What the first Python run fetches (then cached: public/_headers makes these immutable).
const pyodideFiles = PYODIDE_FILES.map((file) => join(dist, PYODIDE_DIR, file)).filter((path) => statSync(path, { throwIfNoEntry: false }));
if (pyodideFiles.length) {
  const raw = pyodideFiles.reduce((total, path) => total + statSync(path).size, 0);
  const zipped = pyodideFiles.reduce((total, path) => total + gz(readFileSync(path)), 0);
  const workers = readdirSync(join(dist, "_astro")).filter((name) => name.startsWith("python-worker"));
  console.log(`Python, on the first Python run: ${(raw / 1_048_576).toFixed(1)} MB (${(zipped / 1_048_576).toFixed(1)} MB gzip), ${pyodideFiles.length} files in /${PYODIDE_DIR}` +
    (workers.length ? ` + the worker (${workers.map((name) => `${name} ${kb(gz(readFileSync(join(dist, "_astro", name))))} gzip`).join(", ")})` : ""));
} else {
  console.log(`Python: no Pyodide files in /${PYODIDE_DIR} (the build's pyodide-files integration did not run)`);
}
