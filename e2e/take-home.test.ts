/**
 * Take it home: every chapter page links to its Jupyter notebook, by name and from the keyboard;
 * the link downloads `<chapter>.ipynb`, an nbformat 4 notebook; after one visit it comes from
 * the service worker's precache, offline too. (What the notebooks hold is tested in src/jupyter/.)
 */
import { expect, type Page, test } from "@playwright/test";
import { chapters } from "./helpers.ts";

const all = chapters();
const chapter = all.find((c) => c.id === "03-asyncio-walkthrough") ?? all[0]!;
const NAME = "Download as Jupyter notebook";

const notebookLink = (page: Page) => page.getByRole("link", { name: NAME });

test("every chapter links to its notebook, as a download with the chapter's file name", async ({ page }) => {
  for (const { id, url } of all) {
    await page.goto(url);
    const link = notebookLink(page);
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute("href", `/notebooks/${id}.ipynb`);
    await expect(link).toHaveAttribute("download", `${id}.ipynb`);
  }
});

test("the link is reached with Tab and downloads an nbformat 4 notebook with Enter", async ({ page }) => {
  await page.goto(chapter.url);
  const link = notebookLink(page);
  let focused = false;
  for (let tab = 0; tab < 40 && !focused; tab++) {
    await page.keyboard.press("Tab");
    focused = await link.evaluate((element) => element === document.activeElement);
  }
  expect(focused, "Tab reaches the link").toBe(true);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe(`${chapter.id}.ipynb`);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const notebook = JSON.parse(await readFile(path, "utf8")) as { nbformat: number; cells: Array<{ cell_type: string; id: string; source: string[] }> };
  expect(notebook.nbformat).toBe(4);
  const firstTwin = chapter.cells.find((cell) => cell.python !== undefined)!;
  const code = notebook.cells.find((cell) => cell.id === firstTwin.id);
  expect(code?.cell_type).toBe("code");
  expect(code?.source.join("")).toContain("await main()");
});

// The media type is the endpoint's in `astro dev` (src/jupyter/notebook.test.ts); a static server
// picks its own by extension, and `astro preview` knows none for .ipynb.
test("after one visit, a notebook downloads from the precache, offline", async ({ page, context }) => {
  await page.goto(chapter.url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  const other = all.find((c) => c.id !== chapter.id)!;
  const offline = await page.evaluate(async (url) => {
    const answer = await fetch(url);
    return { ok: answer.ok, nbformat: ((await answer.json()) as { nbformat: number }).nbformat };
  }, `/notebooks/${other.id}.ipynb`);
  expect(offline).toEqual({ ok: true, nbformat: 4 });
});
