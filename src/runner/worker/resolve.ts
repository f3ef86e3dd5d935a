/**
 * Node's ES module resolution, over a {@link FileTree} instead of a disk.
 *
 * The worker runtime has no file system, so it resolves import specifiers itself, with the
 * rules `node snippet.js` applies: relative specifiers need the full file name
 * (`./kitchen.js`), bare specifiers go through `node_modules/NAME/package.json` and its
 * `exports` (conditions `node`, `import`, `default`), anything else fails as Node fails.
 */
import type { FileTree } from "../core/index.ts";

/** Raised when a specifier names nothing in the tree; `code` is Node's. */
export class ModuleResolutionError extends Error {
  override name = "Error";
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const CONDITIONS = new Set(["node", "import", "default"]);

/**
 * Resolves `specifier` imported by the tree file `importer`.
 * @returns the tree path of the module, e.g. "kitchen.js" or "node_modules/asyncio/dist/index.js".
 * @throws ModuleResolutionError `ERR_MODULE_NOT_FOUND` for a missing file or package,
 *   `ERR_PACKAGE_PATH_NOT_EXPORTED` for a subpath the package does not export,
 *   `ERR_UNSUPPORTED_RUNTIME` for Node built-ins (`node:fs`, `fs`...) and URLs.
 */
export function resolveSpecifier(specifier: string, importer: string, tree: FileTree): string {
  if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/")) {
    const path = joinPath(importer, specifier);
    if (path !== undefined && path in tree) return path;
    throw new ModuleResolutionError(
      "ERR_MODULE_NOT_FOUND",
      `Cannot find module '${specifier}' imported from ${importer}` +
        (/\.[cm]?js$/.test(specifier) ? "" : " (ES modules need the file extension, e.g. './kitchen.js')"),
    );
  }
  if (specifier.startsWith("node:") || /^[a-z][a-z0-9+.-]*:/i.test(specifier)) {
    throw new ModuleResolutionError(
      "ERR_UNSUPPORTED_RUNTIME",
      `'${specifier}' is not available in the in-page worker runtime: it needs Node.js (switch the cell to WebContainer)`,
    );
  }
  return resolvePackage(specifier, importer, tree);
}

function joinPath(importer: string, specifier: string): string | undefined {
  const parts = specifier.startsWith("/") ? [] : importer.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.join("/");
}

function resolvePackage(specifier: string, importer: string, tree: FileTree): string {
  const segments = specifier.split("/");
  const nameLength = specifier.startsWith("@") ? 2 : 1;
  const name = segments.slice(0, nameLength).join("/");
  const subpath = segments.length > nameLength ? `./${segments.slice(nameLength).join("/")}` : ".";
  const root = `node_modules/${name}/`;
  const manifestText = tree[`${root}package.json`];
  if (manifestText === undefined) {
    throw new ModuleResolutionError(
      "ERR_MODULE_NOT_FOUND",
      `Cannot find package '${name}' imported from ${importer}`,
    );
  }
  const manifest = JSON.parse(manifestText) as { exports?: unknown; main?: unknown };
  let target: string | undefined;
  if (manifest.exports !== undefined) {
    target = exportTarget(manifest.exports, subpath);
    if (target === undefined) {
      throw new ModuleResolutionError(
        "ERR_PACKAGE_PATH_NOT_EXPORTED",
        subpath === "."
          ? `No "exports" main defined in ${root}package.json`
          : `Package subpath '${subpath}' is not defined by "exports" in ${root}package.json imported from ${importer}`,
      );
    }
  } else {
    target = subpath === "." ? (typeof manifest.main === "string" ? manifest.main : "index.js") : subpath;
  }
  const path = joinPath(root, target);
  if (path !== undefined && path in tree) return path;
  throw new ModuleResolutionError("ERR_MODULE_NOT_FOUND", `Cannot find module '${root}${target.replace(/^\.\//, "")}' imported from ${importer}`);
}

/** The target of `subpath` in an `exports` field, following conditions in their order. */
function exportTarget(exports: unknown, subpath: string): string | undefined {
  let entry: unknown;
  const isSubpathMap =
    typeof exports === "object" && exports !== null && !Array.isArray(exports) &&
    Object.keys(exports).some((key) => key.startsWith("."));
  if (isSubpathMap) entry = (exports as Record<string, unknown>)[subpath];
  else if (subpath === ".") entry = exports;
  return conditionalTarget(entry);
}

function conditionalTarget(entry: unknown): string | undefined {
  if (typeof entry === "string") return entry;
  if (Array.isArray(entry)) {
    for (const option of entry) {
      const target = conditionalTarget(option);
      if (target !== undefined) return target;
    }
    return undefined;
  }
  if (typeof entry === "object" && entry !== null) {
    for (const [condition, value] of Object.entries(entry)) {
      if (!CONDITIONS.has(condition)) continue;
      const target = conditionalTarget(value);
      if (target !== undefined) return target;
    }
  }
  return undefined;
}
