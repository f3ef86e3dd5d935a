/** The chapters' notebooks as the tests see them: built from content/ as the site builds them. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chapterNotebook, type CodeCellOrigin, type Notebook } from "../notebook.ts";

const CONTENT = fileURLToPath(new URL("../../../content", import.meta.url));

export interface ChapterNotebook {
  chapter: string;
  source: string;
  notebook: Notebook;
  origins: CodeCellOrigin[];
}

/** A frontmatter field, unquoted: enough for titles and summaries. */
function field(source: string, name: string): string {
  const value = new RegExp(`^${name}:\\s*(.*)$`, "m").exec(source)?.[1]?.trim() ?? "";
  return value.startsWith('"') ? (JSON.parse(value) as string) : value;
}

export function chapterNotebooks(): ChapterNotebook[] {
  return readdirSync(CONTENT)
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .map((name) => {
      const chapter = name.replace(/\.mdx$/, "");
      const source = readFileSync(join(CONTENT, name), "utf8");
      const info = { id: chapter, title: field(source, "title"), summary: field(source, "summary") };
      return { chapter, source, ...chapterNotebook(source, info) };
    });
}
