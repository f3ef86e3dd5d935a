/**
 * The worker runtime on a real chapter page, as a reader uses it: Run prints the cell's
 * output into its log line by line, and a second Run starts afresh (a new worker, the old
 * output cleared) and prints the same again. How fast Run reaches the first line is a
 * benchmark (bench/first-output.ts), not a test. src/runner/worker/runtime.browser.test.ts checks the
 * runtime itself more closely.
 */
import { expect, test } from "@playwright/test";
import { splitLines } from "../src/notebook/index.ts";
import { cellById, chapters, chooseRuntime, liveLines, runCell } from "./helpers.ts";

// Cells whose output does not depend on how loaded the machine is.
const CHAPTER = "03-asyncio-walkthrough";
const CELLS = ["hello", "await-coroutine", "task-first-turn"];

test("Run in the worker runtime prints each cell's output, and a second Run starts afresh", async ({ page }) => {
  const chapter = chapters().find((c) => c.id === CHAPTER)!;
  const cells = CELLS.map((id) => chapter.cells.find((cell) => cell.id === id)!);
  expect(cells.every((cell) => cell !== undefined && cell.expected !== "")).toBe(true);
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
