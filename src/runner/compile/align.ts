/**
 * Column correspondence between a line of TypeScript and the same line after Sucrase.
 *
 * Sucrase keeps lines but deletes type syntax inside them (and, rarely, inserts code: enums,
 * parameter properties). Its own source maps lose their way after some template literals,
 * so the map is computed here instead: per line, a longest common subsequence of the two
 * texts, preferring to treat TypeScript-only text as deleted, and matching characters as
 * early as possible (whitespace as late as possible). Token starts, which is what stack traces point at, land on their
 * TypeScript columns.
 */

/** Lines longer than this product of lengths are mapped column for column. */
const MAX_CELLS = 250_000;

/**
 * Segments for one line: [jsColumn, tsColumn] pairs (0-based) at every point where the
 * offset between the two changes. A column between segments keeps the previous offset.
 */
export function alignLine(js: string, ts: string): Array<[number, number]> {
  if (js === ts) return [[0, 0]];
  const n = js.length;
  const m = ts.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_CELLS) return [[0, 0]];
  // suffix[i][j] = LCS length of js[i:] and ts[j:], row-major in one array.
  const width = m + 1;
  const suffix = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      suffix[i * width + j] =
        js.charCodeAt(i) === ts.charCodeAt(j)
          ? suffix[(i + 1) * width + j + 1]! + 1
          : Math.max(suffix[(i + 1) * width + j]!, suffix[i * width + j + 1]!);
    }
  }
  const segments: Array<[number, number]> = [];
  let offset = Number.NaN;
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = suffix[i * width + j]!;
    if (js.charCodeAt(i) === ts.charCodeAt(j) && !(isSpace(js.charCodeAt(i)) && suffix[i * width + j + 1] === here)) {
      if (j - i !== offset) {
        offset = j - i;
        segments.push([i, j]);
      }
      i++;
      j++;
    } else if (suffix[i * width + j + 1]! >= suffix[(i + 1) * width + j]!) {
      j++; // TypeScript-only text, deleted by Sucrase
    } else {
      i++; // JavaScript-only text, inserted by Sucrase
    }
  }
  return segments.length > 0 && segments[0]![0] === 0 ? segments : [[0, 0], ...segments];
}

/** Whitespace is matched as late as possible: a deleted `: T ` leaves the space before `=`. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}
