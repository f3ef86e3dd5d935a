/**
 * The shape of a snippet's file tree: names and layout, no transpiling. Split from
 * {@link ../compile/files.ts} so the page can use it without loading Sucrase.
 */
import type { FileTree } from "./runtime.ts";

/** The file every runtime starts. */
export const ENTRY = "snippet.js";

/** What makes `.js` files ES modules for Node. */
export const PACKAGE_JSON = `{ "type": "module" }\n`;

/** Where the loop library lives in the tree. */
export const LIBRARY_ROOT = "node_modules/asyncio/";

/** "kitchen.ts" → "kitchen.js"; the name cells import, TypeScript's ESM convention. */
export function jsPath(tsPath: string): string {
  return tsPath.replace(/\.ts$/, ".js");
}

/** "kitchen.js" → "kitchen.ts": the name the reader knows. */
export function tsPath(jsPathName: string): string {
  return jsPathName.replace(/\.js$/, ".ts");
}

/**
 * The library's part of the tree.
 * @param packageFiles the package's files keyed by path inside the package:
 *   `package.json`, `dist/index.js`, ...
 */
export function libraryTree(packageFiles: Readonly<Record<string, string>>): FileTree {
  const tree: FileTree = {};
  for (const [path, text] of Object.entries(packageFiles)) tree[LIBRARY_ROOT + path] = text;
  return tree;
}

/**
 * The exact tree a runtime needs: the snippet's files plus the library's. A snippet file
 * never shadows a library file: the library's paths all start with {@link LIBRARY_ROOT}.
 * @param snippet from `snippetFiles()` (or precomputed by the build).
 * @param library from {@link libraryTree}.
 */
export function buildFileTree(snippet: FileTree, library: FileTree): FileTree {
  const tree: FileTree = { ...library };
  for (const [path, text] of Object.entries(snippet)) {
    if (!isLibraryPath(path)) tree[path] = text;
  }
  return tree;
}

/** True for the tree paths the library owns. */
export function isLibraryPath(path: string): boolean {
  return path.startsWith(LIBRARY_ROOT);
}
