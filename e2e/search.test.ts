/**
 * Site search (Pagefind, indexed with the build): "/" and Ctrl+K open it, as does a visible
 * Search button; results link to the heading that matched; axe is clean with it open.
 */
import { expect, test } from "@playwright/test";
import { axeViolations, firstChapter } from "./helpers.ts";

test("search finds CancelledError and its result opens the heading whose section mentions it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: /^Search/ }).click();
  const query = page.getByRole("searchbox");
  await expect(query).toBeFocused();
  await query.fill("CancelledError");
  const dialog = page.getByRole("dialog");
  const first = dialog.locator("ol li ul a").first();
  await expect(first).toHaveAttribute("href", /#./);
  const href = (await first.getAttribute("href"))!;
  await first.click();
  await expect(page).toHaveURL(href);
  const id = decodeURIComponent(new URL(href, page.url()).hash.slice(1));
  const heading = page.locator(`[id="${id}"]`);
  await expect(heading).toBeInViewport();
  // The section under that heading (up to the next heading) mentions CancelledError.
  const section = await heading.evaluate((h) => {
    // A heading may sit in a wrapper beside its anchor link: walk the wrapper's siblings.
    const levelOf = (el: Element) => Number(/^H(\d)$/.exec((el.matches("h1,h2,h3,h4,h5,h6") ? el : el.querySelector("h1,h2,h3,h4,h5,h6"))?.tagName ?? "")?.[1] ?? 9);
    const start = h.parentElement?.classList.contains("heading") ? h.parentElement : h;
    const level = levelOf(h);
    let text = "";
    for (let node = start.nextElementSibling; node; node = node.nextElementSibling) {
      if (levelOf(node) <= level) break;
      text += node.textContent;
    }
    return text;
  });
  expect(section).toContain("CancelledError");
  await expect(dialog).toBeHidden();
});

test("/ and Ctrl+K open search from a chapter, Escape closes it and gives the focus back; axe is clean while open", async ({ page }) => {
  await page.goto(firstChapter().url);
  const dialog = page.getByRole("dialog", { name: "Search the notebook" });
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox")).toBeFocused();
  await page.getByRole("searchbox").fill("event loop");
  await expect(dialog.locator("ol a").first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: /^Search/ })).toBeFocused();

  await page.keyboard.press("Control+k");
  await expect(page.getByRole("searchbox")).toBeFocused();
  await page.getByRole("searchbox").fill("zzzqqqnothing");
  await expect(dialog.getByRole("status")).toHaveText(/Nothing found/);
});
