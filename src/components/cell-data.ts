/** A cell's `<script type="application/json" data-cell-json>`: the cell itself, as the build prepared it. */
import type { Cell } from "../notebook/index.ts";

/** Reads a cell element's cell. */
export function readCell(element: HTMLElement): Cell {
  return JSON.parse(element.querySelector("script[data-cell-json]")!.textContent!) as Cell;
}
