/**
 * Serves Pyodide from the site's own origin: an Astro integration that copies its files from
 * node_modules into the built site (`astro:build:done`) and serves them from node_modules under
 * `astro dev`, both at `<base>pyodide/<version>/` (../python/assets.ts), with the standard
 * library the build makes (./stdlib.ts) in place of Pyodide's. Nothing is committed and
 * nothing comes from a CDN. Node-side only.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { PYODIDE_DIR, PYODIDE_FILES, STDLIB_FILE } from "../python/index.ts";
import { stdlibWithBytecode } from "./stdlib.ts";

const TYPES: Record<string, string> = {
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".zip": "application/zip",
  ".json": "application/json; charset=utf-8",
};

/** The installed package's directory. */
export function pyodideRoot(): string {
  return dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));
}

/** The content type each file must be served with (`application/wasm` for streaming compilation). */
export function contentType(file: string): string {
  return TYPES[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream";
}

/** One of PYODIDE_FILES: the package's file, or the standard library made for it. */
async function pyodideFile(file: (typeof PYODIDE_FILES)[number], root: string): Promise<Buffer> {
  return file === STDLIB_FILE ? stdlibWithBytecode(root) : readFileSync(join(root, file));
}

/** Writes Pyodide's files into `outDir` (a built site); returns the paths written. */
export async function copyPyodide(outDir: string, root = pyodideRoot()): Promise<string[]> {
  const target = join(outDir, PYODIDE_DIR);
  mkdirSync(target, { recursive: true });
  for (const file of PYODIDE_FILES) writeFileSync(join(target, file), await pyodideFile(file, root));
  return PYODIDE_FILES.map((file) => join(target, file));
}

export function pyodideFiles(): AstroIntegration {
  let base = "/";
  return {
    name: "pyodide-files",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:server:setup": ({ server }) => {
        const root = pyodideRoot();
        const prefix = `${base}${PYODIDE_DIR}`;
        server.middlewares.use((request, response, next) => {
          const path = (request.url ?? "").split("?")[0]!;
          const file = (path.startsWith(prefix) ? path.slice(prefix.length) : "") as (typeof PYODIDE_FILES)[number];
          if (!PYODIDE_FILES.includes(file)) return next();
          pyodideFile(file, root).then((body) => {
            response.writeHead(200, {
              "Content-Type": contentType(file),
              "Content-Length": body.length,
              "Cache-Control": "no-cache",
              // The dev server's isolation headers, as on the pages (COEP lets same-origin through).
              "Cross-Origin-Opener-Policy": "same-origin",
              "Cross-Origin-Embedder-Policy": "require-corp",
            });
            response.end(body);
          }, next);
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const written = await copyPyodide(fileURLToPath(dir));
        logger.info(`wrote ${written.length} Pyodide files to ${PYODIDE_DIR}`);
      },
    },
  };
}
