/**
 * Turns a {@link FileTree} into modules a Web Worker can import: each file becomes a blob URL
 * whose import specifiers are rewritten to the blob URLs of the files they resolve to.
 *
 * Specifiers are found with es-module-lexer (a few KB, and exact: it lexes strings,
 * comments, template literals and regular expressions, so an `import` inside a string is
 * left alone). Sucrase's tokens would do too, but they exist only where Sucrase ran, and
 * the worker also links build-time JavaScript and the library's files, which it never sees.
 */
import { init, parse } from "es-module-lexer/minimal";
import type { FileTree } from "../core/index.ts";
import { ModuleResolutionError, resolveSpecifier } from "./resolve.ts";

/** Resolves when the lexer (a small WebAssembly module) is ready. */
export const linkerReady: Promise<void> = init;

export interface LinkerOptions {
  /** Makes an importable URL for a module's final source; the worker uses blob URLs. */
  createUrl(source: string, path: string): string;
  /** Releases a URL made by `createUrl` once its file changed. */
  revokeUrl?(url: string): void;
}

/**
 * Links modules on demand, once each: `link(path)` links `path` and everything it imports
 * and returns its URL. Files whose text is unchanged keep their URL across `update()`s, so
 * a worker can link the library ahead of time and reuse it for the snippet.
 */
export class Linker {
  private _tree: FileTree = {};
  private readonly _urls = new Map<string, string>();
  private readonly _paths = new Map<string, string>();
  private readonly _linking = new Set<string>();
  private readonly _options: LinkerOptions;

  constructor(options: LinkerOptions) {
    this._options = options;
  }

  /**
   * Replaces the tree. If a file that is still there changed its text, everything is linked
   * again (importers embed their dependencies' URLs); a file that is gone just loses its URL.
   */
  update(tree: FileTree): void {
    const previous = this._tree;
    this._tree = { ...tree };
    const paths = Object.keys(previous);
    if (paths.some((path) => path in tree && previous[path] !== tree[path])) {
      for (const url of this._urls.values()) this._options.revokeUrl?.(url);
      this._urls.clear();
      this._paths.clear();
      return;
    }
    for (const path of paths) {
      const url = this._urls.get(path);
      if (path in tree || url === undefined) continue;
      this._options.revokeUrl?.(url);
      this._urls.delete(path);
      this._paths.delete(url);
    }
  }

  /**
   * The importable URL of tree file `path`, linking it and its static and literal dynamic
   * imports first.
   * @param epilogue text appended to the module (not to files it imports) when it is linked
   *   now; the worker appends an `import` of its start marker (imports are hoisted, so the
   *   marker runs before the module's body, and no line or column of the file moves).
   * @throws ModuleResolutionError when an import names nothing in the tree, or the files
   *   import each other in a cycle (blob URLs cannot refer to each other both ways).
   */
  link(path: string, epilogue = ""): string {
    const known = this._urls.get(path);
    if (known !== undefined) return known;
    const source = this._tree[path];
    if (source === undefined) throw new ModuleResolutionError("ERR_MODULE_NOT_FOUND", `Cannot find module '${path}'`);
    if (this._linking.has(path)) {
      throw new ModuleResolutionError(
        "ERR_UNSUPPORTED_CYCLE",
        `${path} is part of an import cycle, which the in-page worker runtime cannot run (the WebContainer can)`,
      );
    }
    this._linking.add(path);
    try {
      const url = this._options.createUrl(this._rewrite(source, path) + epilogue, path);
      this._urls.set(path, url);
      this._paths.set(url, path);
      return url;
    } finally {
      this._linking.delete(path);
    }
  }

  /** The tree path a URL made by this linker stands for. */
  pathOf(url: string): string | undefined {
    return this._paths.get(url);
  }

  private _rewrite(source: string, path: string): string {
    const [imports] = parse(source, path);
    let out = "";
    let last = 0;
    for (const entry of imports) {
      const name = entry.n ?? specifierName(source.slice(entry.s, entry.e), entry.d > -1);
      if (name === undefined || entry.d === -2) continue; // computed import() or import.meta
      const dynamic = entry.d > -1;
      let target: string;
      try {
        target = this.link(resolveSpecifier(name, path, this._tree));
      } catch (error) {
        // Node fails a bad import() only when it runs; a static import fails the program.
        if (dynamic && error instanceof ModuleResolutionError) continue;
        throw error;
      }
      out += source.slice(last, entry.s) + (dynamic ? JSON.stringify(target) : target);
      last = entry.e;
    }
    return out + source.slice(last);
  }
}

/**
 * A specifier read from the source, for when es-module-lexer gives none: it decodes string
 * literals with `eval`, which the site's Content-Security-Policy forbids. `raw` is the text
 * between the quotes of a static import, or the whole argument of a dynamic one (undefined
 * unless it is a plain string literal). Decoded without eval: JSON's escapes, plus \'.
 */
export function specifierName(raw: string, dynamic: boolean): string | undefined {
  let body = raw;
  if (dynamic) {
    const quoted = /^(["'])([\s\S]*)\1$/.exec(raw.trim());
    if (!quoted) return undefined;
    body = quoted[2]!;
  }
  if (!body.includes("\\")) return body;
  try {
    return JSON.parse(`"${body.replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"')}"`) as string;
  } catch {
    return undefined;
  }
}
