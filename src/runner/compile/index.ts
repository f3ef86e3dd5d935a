/**
 * TypeScript to the file tree a runtime runs: Sucrase, with line numbers and an inline source
 * map kept. Used at build time (every cell is compiled once) and by the page after an edit, so
 * the page loads this room only then.
 */
export { compileCell, snippetFiles, type CompiledCell, type SnippetSource } from "./files.ts";
export { SOURCE_MAP_PREFIX, transpile } from "./transpile.ts";
