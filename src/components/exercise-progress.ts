/**
 * The home page's exercise progress: each chapter lists its exercises' ids (at build time),
 * and the reader's solved ones come from localStorage (`src/exercises/progress.ts`).
 */
import { countSolved, progressText } from "../exercises/progress.ts";

for (const item of document.querySelectorAll<HTMLElement>("[data-exercise-ids]")) {
  const ids = item.dataset.exerciseIds!.split(" ").filter(Boolean);
  const solved = countSolved(item.dataset.chapterPath!, ids);
  const meter = item.querySelector<HTMLProgressElement>("progress[data-exercise-meter]")!;
  meter.max = ids.length;
  meter.value = solved;
  meter.hidden = false;
  item.querySelector<HTMLElement>("[data-exercise-progress]")!.textContent = progressText(solved, ids.length);
}
