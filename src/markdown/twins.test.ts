/**
 * Every cell's Python twin is verified without running Python: its ` ```output python ` block
 * was recorded from this very twin (the hash matches), and the declared rules map that CPython
 * output onto the TypeScript cell's expected output. Re-record with
 * `npx node scripts/record-python.ts` (needs CPython 3.11).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractCellsFromSource, twinHash } from "./cells.ts";
import { checkTwin } from "../notebook/index.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const contentDir = join(root, "content");

function chapters(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? chapters(join(dir, entry.name)) : entry.name.endsWith(".mdx") ? [join(dir, entry.name)] : []))
    .sort();
}

const RECORD = "npx node scripts/record-python.ts";

describe("every Python twin is recorded and maps onto its TypeScript cell", () => {
  const files = chapters(contentDir);
  it("has chapters", () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    const path = relative(root, file);
    const cells = extractCellsFromSource(readFileSync(file, "utf8"), path);
    for (const cell of cells) {
      it(`${path} › ${cell.id}`, () => {
        const where = `${path}:${cell.line} (${cell.id})`;
        expect(cell.python, `${where}: the cell has no \`\`\`python twin`).toBeDefined();
        expect(cell.pythonExpected, `${where}: no \`\`\`output python block; run ${RECORD}`).toBeDefined();
        expect(cell.pythonRecord!.twin, `${where}: the twin changed since its output was recorded; run ${RECORD}`).toBe(twinHash(cell.python!));
        const verdict = checkTwin(cell.pythonExpected!, cell.expected, cell.pythonRecord!);
        expect(verdict.unused, `${where}: declared rules that change nothing`).toEqual([]);
        expect(
          verdict.matches,
          `${where}: the Python output, after rules [${cell.pythonRecord!.rules.join(", ")}], departs from the TypeScript output at line ${verdict.departsAt}\n--- python, normalised\n${verdict.normalised}\n--- typescript\n${verdict.expected}`,
        ).toBe(true);
      });
    }
  }
});
