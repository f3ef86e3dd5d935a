/**
 * Heading anchors: a hast plugin for Sätteri that gives every h2–h4 a stable id and a
 * "link to this section" anchor beside it (outside the heading, so the heading's text and
 * accessible name stay the author's).
 *
 * It sets the id itself; Astro's heading-ids step keeps an existing id, so the table of contents
 * (from `render()`'s `headings`) links to the same slugs.
 */
import type { Element } from "hast";
import type { HastPluginDefinition, HastPluginEntry } from "satteri";

/** GitHub-style slug: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base =
      text
        .toLowerCase()
        .trim()
        .replace(/[^\p{Letter}\p{Number}\s_-]/gu, "")
        .replace(/\s/g, "-") || "section";
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

function anchor(id: string, text: string): Element {
  return {
    type: "element",
    tagName: "a",
    properties: { className: ["heading-anchor"], href: `#${id}` },
    children: [
      { type: "element", tagName: "span", properties: { ariaHidden: "true" }, children: [{ type: "text", value: "#" }] },
      { type: "element", tagName: "span", properties: { className: ["sr-only"] }, children: [{ type: "text", value: `Section titled “${text}”` }] },
    ],
  };
}

/** The plugin; a fresh slugger per document. */
export function headingLinks(): HastPluginEntry {
  return () => {
    const slug = createSlugger();
    const plugin: HastPluginDefinition = {
      name: "heading-links",
      element: {
        filter: ["h2", "h3", "h4"],
        visit(node, ctx) {
          const text = ctx.textContent(node).trim();
          const existing = node.properties?.id;
          const id = typeof existing === "string" ? existing : slug(text);
          if (typeof existing !== "string") ctx.setProperty(node, "id", id);
          ctx.wrapNode(node, {
            type: "element",
            tagName: "div",
            properties: { className: ["heading"] },
            children: [anchor(id, text)],
          });
        },
      },
    };
    return plugin;
  };
}
