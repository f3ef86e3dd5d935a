/**
 * The loop library as the browser runtimes get it.
 *
 * For the WebContainer, the build serves `src/loop/package.json` and `src/loop/dist/**.js`
 * as one JSON document (`src/pages/runner/asyncio-files.json.ts`); the page fetches it once,
 * on first need, and mounts the files through {@link libraryTree}. For the worker, it serves
 * the same library bundled into one module (`src/pages/runner/asyncio.js.ts`).
 */
import type { FileTree } from "./runtime.ts";
import { libraryTree } from "./tree.ts";

/** Where the build serves the library's files, relative to the site's base. */
export const LIBRARY_ENDPOINT = "runner/asyncio-files.json";

/** Where the build serves the library as one module (for the worker), relative to the site's base. */
export const LIBRARY_MODULE = "runner/asyncio.js";

/** `path` under the site's base URL (Astro's `import.meta.env.BASE_URL`, "/" without Vite). */
export function siteUrl(path: string): string {
  const base = import.meta.env?.BASE_URL ?? "/";
  return `${base.endsWith("/") ? base : `${base}/`}${path}`;
}

/**
 * Which files of the package a program needs: its `package.json` (for `exports` and
 * `"type": "module"`) and the built modules. Declarations and maps are left out.
 * @param pathInPackage e.g. "dist/index.js".
 */
export function isLibraryFile(pathInPackage: string): boolean {
  return pathInPackage === "package.json" || /^dist\/(?:[^/]+\/)*[^/]+\.js$/.test(pathInPackage);
}

let library: Promise<FileTree> | undefined;

/**
 * The library's part of the tree, fetched once per page.
 *
 * A failed fetch is not memoised, so a later run can try again.
 * @throws Error naming the URL when the document cannot be fetched or is not a file map.
 */
export function loadLibrary(fetchImpl: typeof fetch = fetch): Promise<FileTree> {
  library ??= fetchLibrary(fetchImpl).catch((error: unknown) => {
    library = undefined;
    throw error;
  });
  return library;
}

async function fetchLibrary(fetchImpl: typeof fetch): Promise<FileTree> {
  const url = siteUrl(LIBRARY_ENDPOINT);
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`Could not load the loop library from ${url}: HTTP ${response.status}`);
  const files: unknown = await response.json();
  if (typeof files !== "object" || files === null || Object.values(files).some((v) => typeof v !== "string")) {
    throw new Error(`${url} is not a map of file names to text`);
  }
  return libraryTree(files as Record<string, string>);
}
