// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import { remarkCells } from "./src/markdown/remark-cells.ts";
import { remarkExercises } from "./src/markdown/remark-exercises.ts";
import { headingLinks } from "./src/markdown/heading-links.ts";
import { SHIKI_THEMES } from "./src/markdown/themes.ts";
import { pyodideFiles } from "./src/runner/pyodide-integration.ts";

// WebContainer needs cross-origin isolation; `astro dev` and `astro preview` send the headers,
// static hosts get `public/_headers`, and the rest fall back to the COI service worker.
const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  // pyodideFiles: CPython (Pyodide) served from our own origin, for the Python twins.
  integrations: [mdx(), pyodideFiles()],
  markdown: {
    // Sätteri is Astro 7's Markdown/MDX processor: plugins see mdast/hast, not unified.
    processor: satteri({ mdastPlugins: [remarkExercises(), remarkCells()], hastPlugins: [headingLinks()] }),
    shikiConfig: { themes: SHIKI_THEMES },
  },
  server: { headers: isolationHeaders },
  vite: {
    worker: { format: "es" },
  },
  devToolbar: { enabled: false },
});
