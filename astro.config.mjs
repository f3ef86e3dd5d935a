// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import { remarkCells } from "./src/markdown/remark-cells.ts";
import { headingLinks } from "./src/markdown/heading-links.ts";
import { SHIKI_THEMES } from "./src/markdown/themes.ts";
import { pagefind } from "./src/search/pagefind-integration.ts";

// WebContainer needs cross-origin isolation; `astro dev` and `astro preview` send the headers,
// static hosts get `public/_headers`, and the rest fall back to the COI service worker.
const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  integrations: [mdx(), pagefind()],
  markdown: {
    // Sätteri is Astro 7's Markdown/MDX processor: plugins see mdast/hast, not unified.
    processor: satteri({ mdastPlugins: [remarkCells()], hastPlugins: [headingLinks()] }),
    shikiConfig: { themes: SHIKI_THEMES },
  },
  server: { headers: isolationHeaders },
  vite: {
    worker: { format: "es" },
    build: {
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
