// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import { remarkCells } from "./src/markdown/remark-cells.ts";
import { remarkExercises } from "./src/markdown/remark-exercises.ts";
import { headingLinks } from "./src/markdown/heading-links.ts";
import { SHIKI_THEMES } from "./src/markdown/themes.ts";
import { pyodideFiles } from "./src/runner/build/index.ts";
import { pagefind } from "./src/search/pagefind-integration.ts";
import { serviceWorker } from "./src/offline/service-worker-integration.ts";

import { SITE_HEADERS } from "./src/security/headers.ts";

export default defineConfig({
  // pyodideFiles: CPython (Pyodide) served from our own origin, for the Python twins. After the
  // build: the search index, then the service worker that precaches the site.
  integrations: [mdx(), pyodideFiles(), pagefind(), serviceWorker()],
  markdown: {
    // Sätteri is Astro 7's Markdown/MDX processor: plugins see mdast/hast, not unified.
    processor: satteri({ mdastPlugins: [remarkExercises(), remarkCells()], hastPlugins: [headingLinks()] }),
    shikiConfig: { themes: SHIKI_THEMES },
  },
  // Cross-origin isolation (WebContainer) and the Content-Security-Policy: `astro dev` and
  // `astro preview` send them, static hosts get `public/_headers`, and the service worker adds
  // the isolation pair on hosts that send neither. (Astro's own `security.csp` writes a <meta>
  // policy, which cannot carry frame-ancestors and does not work with the ClientRouter.)
  server: { headers: SITE_HEADERS },
  vite: {
    worker: { format: "es" },
    build: {
      // No inline scripts (the CSP allows none): Astro inlines scripts under this limit.
      assetsInlineLimit: 0,
      // The largest chunk is the editor (CodeMirror, ~490 KB, fetched on first Edit only);
      // bench/page-weight.ts tracks what each page loads and when.
      chunkSizeWarningLimit: 600,
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro's own MDX marker directive, which it reads before bundling: nothing to act on.
          if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject")) return;
          warn(warning);
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
