/**
 * The file tree a snippet runs as: the one place that decides what is in it.
 *
 * Every consumer builds its tree here, so they cannot drift apart: the WebContainer mounts it,
 * the worker links it into blob modules, and the Node-side check writes it to a temporary
 * directory and runs `node snippet.js` in it.
 *
 * ```
 * package.json                      {"type":"module"}
 * snippet.js                        the cell, transpiled
 * kitchen.js                        one per chapter `file=kitchen.ts` defined before the cell
 * node_modules/asyncio/package.json the loop library, as built to src/loop/dist
 * node_modules/asyncio/dist/*.js
 * ```
 *
 * Node-safe. It loads Sucrase; the page imports it only once a cell was edited.
 */
import type { FileTree } from "../core/index.ts";
import { transpile } from "./transpile.ts";
import { ENTRY, PACKAGE_JSON, jsPath, tsPath } from "../core/index.ts";

export * from "../core/index.ts";
export { SnippetSyntaxError } from "./transpile.ts";

/** A cell's sources, TypeScript: the cell itself and the chapter modules it may import. */
export interface SnippetSource {
  code: string;
  files: ReadonlyArray<{ path: string; code: string }>;
}

/** A cell's files as the build precomputes them, with the TypeScript they came from. */
export interface CompiledCell {
  /** The cell's TypeScript the tree was built from. */
  code: string;
  /** {@link snippetFiles} of that code. */
  tree: FileTree;
}

/**
 * The cell's own part of the tree: `package.json`, `snippet.js` and one `NAME.js` per
 * chapter module, each transpiled (types stripped, lines kept, inline source map).
 * @throws SnippetSyntaxError naming the file (`snippet.ts` or `NAME.ts`) that does not parse.
 */
export function snippetFiles(source: SnippetSource): FileTree {
  const tree: FileTree = { "package.json": PACKAGE_JSON };
  for (const file of source.files) {
    tree[jsPath(file.path)] = transpile(file.code, file.path);
  }
  tree[ENTRY] = transpile(source.code, tsPath(ENTRY));
  return tree;
}

/**
 * What the build embeds in a page for one cell, so that running it unedited needs no
 * Sucrase in the browser (see `prepareFiles` in {@link ./index.ts}).
 * @throws SnippetSyntaxError as {@link snippetFiles}: an authored cell that does not parse
 *   fails the build.
 */
export function compileCell(source: SnippetSource): CompiledCell {
  return { code: source.code, tree: snippetFiles(source) };
}
