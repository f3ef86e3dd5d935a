/**
 * The Content-Security-Policy (src/security/headers.ts) is sent on every page and nothing the
 * site does breaks it: running every cell of a chapter (worker modules from blob:, threads,
 * the WebContainer frame tried behind the first run), the editor, and search (WebAssembly).
 */
import { expect, test, type Page } from "@playwright/test";
import { chapters, reveal } from "./helpers.ts";

/** Collects CSP violations from the page's own event and from the console (workers too). */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

// The chapter with the most kinds of cell: threads (blob workers), sockets, timers.
const chapter = chapters().find((c) => c.id.startsWith("02-")) ?? chapters()[0]!;

test(`${chapter.id}: every cell runs, the editor opens and search answers, with no CSP violation`, async ({ page }) => {
  test.setTimeout(90_000 + chapter.cells.length * 10_000);
  const violations = await watchViolations(page);
  const response = await page.goto(chapter.url);
  expect(await response!.headerValue("content-security-policy")).toMatch(/script-src 'self'/);

  // The default runtime: the first run goes to the worker and tries the WebContainer's frame.
  await page.getByRole("button", { name: "Run all cells" }).click();
  await expect(page.locator("[data-progress-text]")).toHaveText(
    `Ran ${chapter.cells.length} cells: ${chapter.cells.length} matched the expected output.`,
    { timeout: 60_000 + chapter.cells.length * 10_000 },
  );

  const cell = page.locator("section[data-cell]").first();
  await reveal(cell);
  await cell.getByRole("button", { name: /^Edit/ }).click();
  await expect(cell.locator("[data-panel=ts] .cm-content")).toBeFocused();

  await page.getByRole("button", { name: /^Search/ }).click();
  await page.getByRole("searchbox").fill("task");
  await expect(page.getByRole("dialog").locator("ol a").first()).toBeVisible();

  expect(violations).toEqual([]);
});
