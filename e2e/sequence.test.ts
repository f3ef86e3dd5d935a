/**
 * Chapter 6's drawn sequence of the tiny server: its text alternative is the chapter's ordered
 * list, read in order, actors first ("Loop to selector"); it fits a phone without scrolling
 * sideways, and prints.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { chapters } from "./helpers.ts";

const chapter = chapters().find((c) => c.id.startsWith("06-"))!;
const source = readFileSync(join(import.meta.dirname, "..", "content", `${chapter.id}.mdx`), "utf8");
const block = /<Sequence[^>]*>([\s\S]*?)<\/Sequence>/.exec(source)![1]!;
/** Each step as the MDX writes it: its actors, and the first words of what happens. */
const steps = [...block.matchAll(/^\d+\. \*\*(.+?)\*\*: (.+)$/gm)].map(([, who, text]) => ({
  who: who!.split(" → ").join(" to "),
  start: text!.replace(/`/g, "").split(/[;:.,…]/)[0]!.replaceAll("'", "’"),
}));

test(`${chapter.id}: the sequence's text alternative lists every step, in order, actors first`, async ({ page }) => {
  expect(steps.length).toBeGreaterThanOrEqual(10);
  await page.goto(chapter.url);
  const figure = page.getByRole("figure", { name: /^One run of the tiny server/ });
  const items = figure.getByRole("list").getByRole("listitem");
  await expect(items).toHaveCount(steps.length);
  // What a screen reader reads of each item: its text without what is hidden from it.
  const read = await items.evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
    }),
  );
  steps.forEach((step, index) => {
    expect(read[index], `step ${index + 1}`).toContain(`${step.who}: ${step.start}`);
    expect(read[index], "the arrow is drawn, not read").not.toContain("→");
  });
  // The actors' header row is drawing only: the items name the actors.
  await expect(figure.locator(".seq-actors")).toHaveAttribute("aria-hidden", "true");
});

test(`${chapter.id}: on a 375 px phone the sequence is a numbered list, with no sideways scrolling`, async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(chapter.url);
  const figure = page.locator("figure[data-sequence]");
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator(".seq-actors")).toBeHidden();
  await expect(figure.getByRole("listitem").first()).toBeVisible();
  const widths = await figure.evaluate((element) => ({
    page: document.documentElement.scrollWidth,
    viewport: innerWidth,
    figure: element.scrollWidth,
    box: element.clientWidth,
    right: Math.max(...[...element.querySelectorAll("*")].map((child) => child.getBoundingClientRect().right)),
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  expect(widths.figure).toBeLessThanOrEqual(widths.box);
  expect(widths.right).toBeLessThanOrEqual(widths.viewport);
});

test(`${chapter.id}: the sequence prints, as a drawing with its lifelines' actors`, async ({ page }) => {
  await page.goto(chapter.url);
  await page.emulateMedia({ media: "print" });
  const figure = page.locator("figure[data-sequence]");
  await expect(figure.locator(".seq-actors")).toBeVisible();
  await expect(figure.getByRole("listitem")).toHaveCount(steps.length);
  for (const item of await figure.getByRole("listitem").all()) await expect(item).toBeVisible();
});
