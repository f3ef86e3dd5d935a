/** Shared steps for the browser tests: the chapters and cells to expect, and reader actions. */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";
import { extractCellsFromSource } from "../src/markdown/cells.ts";
import type { Cell } from "../src/notebook/index.ts";
import { countCellFences } from "../src/markdown/fence-count.ts";

export interface ChapterInfo {
  id: string;
  url: string;
  cells: Cell[];
  /** How many ` ```ts runnable ` fences the MDX has, counted without the parser. */
  runnableFences: number;
}

const CONTENT = join(import.meta.dirname, "..", "content");

/** A chapter's reading position: its frontmatter `order`, else its file name's number (as src/components/chapter-list.ts). */
function position(name: string): number {
  const order = /^order:\s*(\d+(?:\.\d+)?)\s*$/m.exec(readFileSync(join(CONTENT, name), "utf8").split("\n---")[0] ?? "");
  return order ? Number(order[1]) : Number.parseInt(name, 10);
}

/** Every chapter in `content/`, in reading order, with its cells as the build sees them. */
export function chapters(): ChapterInfo[] {
  return readdirSync(CONTENT)
    .filter((name) => name.endsWith(".mdx"))
    .sort((a, b) => position(a) - position(b) || a.localeCompare(b))
    .map((name) => {
      const id = basename(name, ".mdx");
      const text = readFileSync(join(CONTENT, name), "utf8");
      const cells = extractCellsFromSource(text, `content/${name}`);
      return { id, url: `/${id}/`, cells, runnableFences: countCellFences(text).runnable };
    });
}

/** The first chapter, which the behaviour tests drive. */
export function firstChapter(): ChapterInfo {
  const first = chapters()[0];
  if (!first) throw new Error("no chapters in content/");
  return first;
}

/** Picks a runtime in the notebook bar, as a reader would. */
export async function chooseRuntime(page: Page, runtime: "auto" | "webcontainer" | "worker"): Promise<void> {
  await page.getByLabel("Runtime", { exact: true }).selectOption(runtime);
}

/**
 * Focuses a control as a keyboard reader reaches it: once it is enabled (cells and exercises
 * draw their controls disabled until the page's script wires them; `focus()` does not wait).
 */
export async function focusControl(control: Locator): Promise<void> {
  await expect(control).toBeEnabled();
  await control.focus();
}

/** A cell by id. */
export function cellById(page: Page, id: string): Locator {
  return page.locator(`section[data-cell]#${id}`);
}

/** Opens the folds (`details`) a cell sits in, as a reader would: by their summaries, outermost first. */
export async function reveal(cell: Locator): Promise<void> {
  const id = await cell.getAttribute("id");
  for (const summary of await cell.page().locator(`details:not([open]):has(section[data-cell]#${id}) > summary`).all()) await summary.click();
}

/** Presses the cell's Run button (opening any fold it sits in) and waits until the run is over; returns its status text. */
export async function runCell(cell: Locator, timeoutMs = 30_000): Promise<string> {
  await reveal(cell);
  // An earlier run's result would satisfy the wait at once (the page clears it when the new
  // run's display starts, a little after the click): this run's result is awaited.
  await cell.evaluate((element) => element.removeAttribute("data-result"));
  await cell.getByRole("button", { name: /^Run(?! both)/ }).click();
  return waitForEnd(cell, timeoutMs);
}

/** Waits until the cell's current run is over; returns its status text. */
export async function waitForEnd(cell: Locator, timeoutMs = 30_000): Promise<string> {
  await expect(cell).toHaveAttribute("data-result", /.+/, { timeout: timeoutMs });
  return (await cell.locator("[data-panel=ts] [data-status]").textContent()) ?? "";
}

/** The stdout lines the cell's live output shows. */
export async function liveLines(cell: Locator, stream: "stdout" | "stderr" = "stdout"): Promise<string[]> {
  return cell.locator(`[data-panel=ts] [role="log"] .line.${stream}`).allTextContents();
}

/** Opens the editor (Edit) and replaces the whole code with `code`. */
export async function replaceCode(page: Page, cell: Locator, code: string): Promise<void> {
  await cell.getByRole("button", { name: /^Edit/ }).click();
  const content = cell.locator("[data-panel=ts] .cm-content");
  await expect(content).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  // insertText, not typing: no auto-indent or bracket closing to fight with.
  await page.keyboard.insertText(code);
  await expect(content).toHaveText(code.split("\n").join(""));
}

/**
 * Whether the page's main thread answers (one animation frame) within a few seconds: a frozen
 * page cannot answer at all. The clock runs here, in the test, not on the page: a frozen page
 * could not run its own timer either. Generous on purpose: speed is measured in bench/, not here.
 */
export async function pageAnswers(page: Page, withinMs = 5_000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = page.evaluate(() => new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(true))));
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), withinMs)));
  try {
    return await Promise.race([frame, late]);
  } finally {
    clearTimeout(timer);
    frame.catch(() => {}); // an answer after the verdict (or a page closed meanwhile) is not an error
  }
}

/** A table's body rows, each as the text of its cells (header cell first). */
export async function tableRows(table: Locator): Promise<string[][]> {
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent ?? "")));
}

/**
 * axe's violations on the page, or inside `scope` (a CSS selector), one readable string each:
 * `[]` is clean. Only violations are gathered: the passes and inapplicable results, which
 * nothing reads, are most of axe's time to serialise on a long chapter.
 */
export async function axeViolations(page: Page, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  const results = await (scope ? builder.include(scope) : builder).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
}
