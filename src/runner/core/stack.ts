/**
 * Stack traces in the reader's coordinates, whatever ran the program.
 *
 * Node names files `file:///tmp/…/snippet.js`, the WebContainer `file:///home/…/snippet.js`,
 * the worker `blob:https://…/4f…`. Each runtime says which of its URLs is which file of the
 * tree; this module turns `URL:LINE:COL` into `snippet.ts:LINE:COL` (through the file's
 * inline source map) and library files into their tree path
 * (`node_modules/asyncio/dist/tasks.js:LINE:COL`), so all three runtimes print the same
 * trace. Firefox/Safari frames (`fn@url:1:2`) are rewritten into V8's `    at fn (…)` form.
 */
import type { FileTree } from "./runtime.ts";
import { inlineSourceMap, originalPosition, type LineMap } from "./source-map.ts";

export interface StackOptions {
  /** The tree path a URL printed by the runtime stands for, or undefined if it is none. */
  locate(url: string): string | undefined;
  /**
   * Drop frames located in http(s)/blob URLs outside the tree: the runtime's own code,
   * which Node would show as `node:internal/…` and the reader does not need.
   * @default false
   */
  hideForeignFrames?: boolean;
}

/** `URL:LINE` or `URL:LINE:COL`, ending where a location ends in a trace. */
const LOCATION = /((?:blob:)?(?:https?|file):\/\/[^\s()]*?):(\d+)(?::(\d+))?(?=$|[\s)])/g;
const FOREIGN = /^(?:blob:|https?:)/;
const GECKO_FRAME = /^(.*?)@(.+?:\d+:\d+)$/;

/**
 * Makes a rewriter for text printed by a program that ran `files`.
 * @returns a function from text to text; lines without locations come back unchanged.
 */
export function stackRewriter(files: FileTree, options: StackOptions): (text: string) => string {
  const maps = new Map<string, LineMap | undefined>();
  const mapOf = (path: string): LineMap | undefined => {
    if (!maps.has(path)) {
      const source = files[path];
      maps.set(path, source === undefined ? undefined : inlineSourceMap(source));
    }
    return maps.get(path);
  };

  const rewriteLocation = (url: string, line: string, column: string | undefined): string | undefined => {
    const path = options.locate(url);
    if (path === undefined) return undefined;
    const map = mapOf(path);
    if (!map) return column === undefined ? `${path}:${line}` : `${path}:${line}:${column}`;
    if (column === undefined) return `${map.source}:${line}`;
    const original = originalPosition(map, Number(line), Number(column));
    return `${map.source}:${original.line}:${original.column}`;
  };

  return (text) => {
    if (!text.includes("://")) return text;
    const out: string[] = [];
    for (let line of text.split("\n")) {
      const gecko = line.startsWith("    at ") ? null : GECKO_FRAME.exec(line);
      if (gecko && LOCATION.test(gecko[2]!)) {
        line = gecko[1] ? `    at ${gecko[1]} (${gecko[2]})` : `    at ${gecko[2]}`;
      }
      LOCATION.lastIndex = 0;
      let foreign = false;
      const rewritten = line.replace(LOCATION, (match, url: string, lineNo: string, column?: string) => {
        const replacement = rewriteLocation(url, lineNo, column);
        if (replacement !== undefined) return replacement;
        if (FOREIGN.test(url)) foreign = true;
        return match;
      });
      if (foreign && options.hideForeignFrames && rewritten.startsWith("    at ")) continue;
      out.push(rewritten);
    }
    return out.join("\n");
  };
}

/** `locate` for runtimes that run the tree from a directory: `file://ROOT/x` → `x`. */
export function directoryLocator(...roots: string[]): (url: string) => string | undefined {
  const prefixes = roots.map((root) => {
    const path = root.replace(/\\/g, "/").replace(/\/+$/, "");
    return `file://${path.startsWith("/") ? "" : "/"}${encodeURI(path)}/`;
  });
  return (url) => {
    for (const prefix of prefixes) {
      if (url.startsWith(prefix)) return decodeURI(url.slice(prefix.length));
    }
    return undefined;
  };
}
