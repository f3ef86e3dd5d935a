/** The chapters: MDX files in top-level `content/`, ordered by their numeric file-name prefix. */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const chapters = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: "./content" }),
  schema: z.object({
    title: z.string(),
    /** One line for the home page's chapter list. */
    summary: z.string(),
  }),
});

export const collections = { chapters };
