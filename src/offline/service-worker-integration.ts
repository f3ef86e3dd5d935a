/**
 * Writes `sw.js` into the built site after `astro build` (and after the search index, so it
 * is precached too): ./sw.ts bundled by esbuild, then workbox-build injects the precache list
 * of every file the site serves, each with a revision hash.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { build } from "esbuild";
import { injectManifest } from "workbox-build";

export function serviceWorker(): AstroIntegration {
  return {
    name: "service-worker",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const scratch = mkdtempSync(join(tmpdir(), "sw-"));
        try {
          const bundled = join(scratch, "sw.js");
          await build({
            entryPoints: [fileURLToPath(new URL("./sw.ts", import.meta.url))],
            bundle: true,
            format: "iife",
            minify: true,
            outfile: bundled,
            define: { "process.env.NODE_ENV": '"production"' },
            logLevel: "warning",
          });
          const { count, size, warnings } = await injectManifest({
            swSrc: bundled,
            swDest: join(site, "sw.js"),
            globDirectory: site,
            // Chapters' Jupyter notebooks (notebooks/*.ipynb) too: a download works offline.
            globPatterns: ["**/*.{html,js,css,json,svg,wasm,ipynb}", "pagefind/**/*"],
            // Pagefind's own UIs and playground: we use its API only. Pyodide is cached on first
            // use instead (see ./sw.ts): 15 MB is too much to fetch for every reader.
            globIgnores: ["sw.js", "pyodide/**", "pagefind/pagefind-*ui*", "pagefind/pagefind-highlight.js", "pagefind/playground/**"],
            // Astro's and Pagefind's file names already carry a content hash.
            dontCacheBustURLsMatching: /^_astro\/|^pagefind\/(fragment|index)\//,
            maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
          });
          for (const warning of warnings) logger.warn(warning);
          logger.info(`sw.js precaches ${count} files, ${(size / 1024 / 1024).toFixed(1)} MB`);
        } finally {
          rmSync(scratch, { recursive: true, force: true });
        }
      },
    },
  };
}
