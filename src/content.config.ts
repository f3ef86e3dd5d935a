/** The chapters: MDX files in top-level `content/`, ordered by `order`, else by their numeric file-name prefix. */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const chapters = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: "./content" }),
  schema: z.object({
    title: z.string(),
    /** One line for the home page's chapter list. */
    summary: z.string(),
    /**
     * Reading position, where it is not the file name's number: further reading (07) says
     * 99, to stay last when later chapters (08, ...) are added.
     */
    order: z.number().optional(),
  }),
});

export const collections = { chapters };
