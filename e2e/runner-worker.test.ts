/**
 * The worker runtime on a real chapter page, as a reader uses it: Run prints the cell's
 * output into its log line by line, and a second Run starts afresh (a new worker, the old
 * output cleared) and prints the same again. How fast Run reaches the first line is a
 * benchmark (bench/first-output.ts), not a test. src/runner/worker.browser.test.ts checks the
 * runtime itself more closely.
 */
import { expect, test } from "@playwright/test";
import { splitLines } from "../src/markdown/expected.ts";
import { cellById, chooseRuntime, firstChapter, liveLines, runCell } from "./helpers.ts";

test("Run in the worker runtime prints each cell's output, and a second Run starts afresh", async ({ page }) => {
  const chapter = firstChapter();
  const cells = chapter.cells.filter((cell) => cell.expected !== "" && !cell.expected.includes("…")).slice(0, 3);
  expect(cells.length).toBeGreaterThan(0);
  await page.goto(chapter.url);
  await chooseRuntime(page, "worker");

  for (const cell of cells) {
    const section = cellById(page, cell.id);
    const status = await runCell(section, cell.timeoutMs + 15_000);
    expect(status).toMatch(/^Matches the expected output\. Exited with code 0/);
    expect(await liveLines(section)).toEqual(splitLines(cell.expected));
  }

  const first = cellById(page, cells[0]!.id);
  const again = await runCell(first, cells[0]!.timeoutMs + 15_000);
  expect(again).toMatch(/^Matches the expected output\. Exited with code 0/);
  // The log holds this run's lines only, once: nothing left over from the first run.
  expect(await liveLines(first)).toEqual(splitLines(cells[0]!.expected));
});
