/**
 * Finding one's way: the home page lists every chapter with its one-line summary, each
 * chapter links to the previous and next one in order, and every section heading has an
 * anchor that the chapter's table of contents links to.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { chapters } from "./helpers.ts";

const all = chapters();

/** A chapter's frontmatter field (the home page shows title and summary). */
function frontmatter(id: string, field: "title" | "summary"): string {
  const source = readFileSync(`content/${id}.mdx`, "utf8");
  const line = source.split("\n").find((text) => text.startsWith(`${field}:`));
  if (line === undefined) throw new Error(`content/${id}.mdx has no ${field}`);
  return line.slice(field.length + 1).trim().replace(/^"(.*)"$/, "$1");
}

test("the home page lists every chapter, in order, with its summary", async ({ page }) => {
  await page.goto("/");
  const items = page.locator("ol.chapters > li");
  await expect(items).toHaveCount(all.length);
  for (const [index, chapter] of all.entries()) {
    const item = items.nth(index);
    await expect(item.getByRole("link")).toHaveAttribute("href", chapter.url);
    await expect(item.getByRole("link")).toHaveText(frontmatter(chapter.id, "title"));
    await expect(item.locator("p")).toHaveText(frontmatter(chapter.id, "summary"));
  }
});

for (const [index, chapter] of all.entries()) {
  test(`${chapter.id}: previous/next links, heading anchors and table of contents`, async ({ page }) => {
    await page.goto(chapter.url);
    const prev = page.locator('a[rel="prev"]');
    const next = page.locator('a[rel="next"]');
    if (index === 0) await expect(prev).toHaveCount(0);
    else await expect(prev).toHaveAttribute("href", all[index - 1]!.url);
    if (index === all.length - 1) await expect(next).toHaveCount(0);
    else await expect(next).toHaveAttribute("href", all[index + 1]!.url);

    const headings = page.locator("main h2[id]");
    const count = await headings.count();
    expect(count).toBeGreaterThan(0);
    const toc = page.getByRole("navigation", { name: "On this page" });
    for (let i = 0; i < count; i++) {
      const id = (await headings.nth(i).getAttribute("id"))!;
      await expect(page.locator(`a.heading-anchor[href="#${id}"]`)).toHaveCount(1);
      await expect(toc.locator(`a[href="#${id}"]`)).toHaveCount(1);
    }
  });
}
