/**
 * Serves Pyodide from the site's own origin: an Astro integration that copies its files from
 * node_modules into the built site (`astro:build:done`) and serves them from node_modules under
 * `astro dev`, both at `<base>pyodide/<version>/` (../python/assets.ts). Nothing is committed and
 * nothing comes from a CDN. Node-side only.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { PYODIDE_DIR, PYODIDE_FILES } from "../python/index.ts";

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

/** Copies Pyodide's files into `outDir` (a built site); returns the paths written. */
export function copyPyodide(outDir: string, root = pyodideRoot()): string[] {
  const target = join(outDir, PYODIDE_DIR);
  mkdirSync(target, { recursive: true });
  return PYODIDE_FILES.map((file) => {
    copyFileSync(join(root, file), join(target, file));
    return join(target, file);
  });
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
          const file = path.startsWith(prefix) ? path.slice(prefix.length) : "";
          if (!PYODIDE_FILES.includes(file as (typeof PYODIDE_FILES)[number])) return next();
          const full = join(root, file);
          response.writeHead(200, {
            "Content-Type": contentType(file),
            "Content-Length": statSync(full).size,
            "Cache-Control": "no-cache",
            // The dev server's isolation headers, as on the pages (COEP lets same-origin through).
            "Cross-Origin-Opener-Policy": "same-origin",
            "Cross-Origin-Embedder-Policy": "require-corp",
          });
          response.end(readFileSync(full));
        });
      },
      "astro:build:done": ({ dir, logger }) => {
        const written = copyPyodide(fileURLToPath(dir));
        logger.info(`copied ${written.length} Pyodide files to ${PYODIDE_DIR}`);
      },
    },
  };
}
