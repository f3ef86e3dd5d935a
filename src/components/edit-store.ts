/**
 * The reader's edits, kept in localStorage per page and cell until Reset. Storage can be
 * unavailable (private modes, quota); then edits simply do not survive a reload.
 */
import type { Half } from "../notebook/index.ts";

const PREFIX = "asyncio-notebook:edit:";

/**
 * The name a half of a cell is saved under: the TypeScript under the cell's id, its Python
 * original beside it.
 */
export function editName(cellId: string, lang: Half): string {
  return lang === "ts" ? cellId : `${cellId}:py`;
}

function key(cellId: string): string {
  return `${PREFIX}${location.pathname}#${cellId}`;
}

/** The saved edit of a cell, or null when the cell is unedited (or storage is unavailable). */
export function loadEdit(cellId: string): string | null {
  try {
    return localStorage.getItem(key(cellId));
  } catch {
    return null;
  }
}

/** Saves the cell's edited code. */
export function saveEdit(cellId: string, code: string): void {
  try {
    localStorage.setItem(key(cellId), code);
  } catch {
    // Not persisted; the edit still lives in the editor.
  }
}

/** Forgets the cell's edit (Reset). */
export function clearEdit(cellId: string): void {
  try {
    localStorage.removeItem(key(cellId));
  } catch {
    // Nothing stored.
  }
}
