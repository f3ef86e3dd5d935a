/**
 * Fills in every chapter list's progress (`ChapterProgress.astro`) from what the reader did:
 * cells run (src/progress/cells-run.ts), predictions made (src/progress/predictions.ts) and
 * exercises solved (src/exercises/progress.ts); again
 * whenever that changes on this page, and on each page the client router swaps in.
 */
import { countSolved, progressText } from "../exercises/progress.ts";
import { cellsText, countRun, PROGRESS_EVENT } from "../progress/cells-run.ts";
import { countPredictions, predictionsText } from "../progress/predictions.ts";

const ids = (text: string | undefined): string[] => (text ?? "").split(" ").filter(Boolean);

function meter(item: HTMLElement, selector: string, value: number): void {
  const element = item.querySelector<HTMLProgressElement>(selector);
  if (!element) return;
  element.value = value;
  element.hidden = false;
}

function render(): void {
  for (const item of document.querySelectorAll<HTMLElement>("[data-chapter-progress]")) {
    const path = item.dataset.chapterPath!;
    const cells = ids(item.dataset.cellIds);
    const exercises = ids(item.dataset.exerciseIds);
    if (cells.length > 0) {
      const { ran, matched } = countRun(path, cells);
      item.querySelector<HTMLElement>("[data-cells-text]")!.textContent = cellsText(ran, matched, cells.length);
      meter(item, "[data-cells-meter]", ran);
    }
    const predictions = ids(item.dataset.predictIds);
    if (predictions.length > 0) {
      const { predicted, right, guesses } = countPredictions(path, predictions);
      item.querySelector<HTMLElement>("[data-predict-progress]")!.textContent = predictionsText(predicted, right, predictions.length, guesses);
      meter(item, "[data-predict-meter]", predicted);
    }
    if (exercises.length > 0) {
      const solved = countSolved(path, exercises);
      item.querySelector<HTMLElement>("[data-exercise-progress]")!.textContent = progressText(solved, exercises.length);
      meter(item, "[data-exercise-meter]", solved);
    }
  }
}

render();
document.addEventListener(PROGRESS_EVENT, render);
document.addEventListener("astro:page-load", render);
