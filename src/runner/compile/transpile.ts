/**
 * TypeScript → JavaScript for one snippet file, the way every runtime receives it.
 *
 * Sucrase strips the types and nothing else: ES modules stay ES modules, modern syntax is
 * left alone, and every line stays on its line, so a stack trace's line number is the line
 * the reader sees. Columns move when types are removed; the inline source map appended to
 * the output (computed by {@link alignLine}, not Sucrase's, which drifts after some
 * template literals) lets {@link ../core/stack.ts} put them back. Node-safe: the site's build uses this to
 * precompute the JavaScript of unedited cells, and the page loads it (with Sucrase) only once
 * the reader has edited a cell.
 */
import { transform } from "sucrase";
import { alignLine } from "./align.ts";
import { encodeSourceMap } from "../core/index.ts";
import { SnippetSyntaxError } from "../core/index.ts";
import { jsPath } from "../core/index.ts";

export { SnippetSyntaxError };

/** Marks the start of the inline source map comment that {@link transpile} appends. */
export const SOURCE_MAP_PREFIX = "//# sourceMappingURL=data:application/json;base64,";

/**
 * Transpiles one TypeScript module to JavaScript with an inline source map.
 *
 * @param ts the module's TypeScript source.
 * @param path its name as the reader knows it, e.g. "snippet.ts" or "kitchen.ts"; the
 *   source map names it, so stack traces can say `snippet.ts:LINE:COL`.
 * @returns ES module JavaScript whose line N is the source's line N, followed by one
 *   `//# sourceMappingURL=` line.
 * @throws SnippetSyntaxError when the source does not parse; `line`/`column` are 1-based.
 */
export function transpile(ts: string, path: string): string {
  let result;
  try {
    result = transform(ts, {
      transforms: ["typescript"],
      // Keep `?.`, `??`, class fields...: every target (Node ≥ 18, current browsers) has them,
      // and rewriting them would move columns and add helpers.
      disableESTransforms: true,
      filePath: path,
    });
  } catch (error) {
    throw toSyntaxError(error, path);
  }
  const jsLines = result.code.split("\n");
  const tsLines = ts.split("\n");
  const map = encodeSourceMap({
    file: jsPath(path),
    source: path,
    sourcesContent: [ts],
    lines: jsLines.map((line, index) =>
      alignLine(line, tsLines[index] ?? "").map(([js, original]) => [js, index, original] as const),
    ),
  });
  return `${result.code}\n${SOURCE_MAP_PREFIX}${base64(JSON.stringify(map))}\n`;
}

function toSyntaxError(error: unknown, path: string): unknown {
  const loc = (error as { loc?: { line?: unknown; column?: unknown } } | null)?.loc;
  if (!(error instanceof Error) || typeof loc?.line !== "number" || typeof loc.column !== "number") {
    return error;
  }
  // Sucrase says "Error transforming snippet.ts: Unexpected token (2:11)"; keep the middle.
  const message = error.message
    .replace(/^Error transforming [^:]*: /, "")
    .replace(/ \(\d+:\d+\)$/, "");
  // Sucrase's Loc column is already 1-based (checked against its `pos`).
  return new SnippetSyntaxError(message, path, loc.line, loc.column);
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
