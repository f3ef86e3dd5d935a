/**
 * Builds the Pagefind search index into the site's output after `astro build`, with
 * Pagefind's Node API (the same index its CLI writes), so every build has search and no
 * script has to remember a second step. Only elements marked `data-pagefind-body` (the
 * chapters' articles and the reference page) are indexed.
 */
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { close, createIndex } from "pagefind";

export function pagefind(): AstroIntegration {
  return {
    name: "pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({
          // Cell chrome (buttons, badges, the live output area) is not content.
          excludeSelectors: ["[data-controls]", "[data-live]", "[data-notebook-bar]", "[data-cell-json]", ".heading-anchor"],
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join("; ")}`);
          const written = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
          logger.info(`indexed ${added.page_count} pages into ${written.outputPath}`);
        } finally {
          await close();
        }
      },
    },
  };
}
