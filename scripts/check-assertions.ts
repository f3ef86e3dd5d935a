/**
 * Fails on a test file that asserts nothing (`npm test` runs it): such a file can only pass.
 * An assertion is a call of `expect` in any form (`expect(…)`, `expect.soft(…)`,
 * `expect.poll(…)`, `expect.assertions(…)`) or of `assert` (`assert(…)`, `assert.equal(…)`),
 * outside comments. Test files are `*.test.ts` under `src/`, `e2e/`, `bench/` and `scripts/`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const FOLDERS = ["src", "e2e", "bench", "scripts"];

/** Whether `source` (TypeScript) calls `expect` or `assert` anywhere outside a comment. */
export function hasAssertion(source: string): boolean {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  return /\b(?:expect|assert)(?:\s*\.\s*\w+)*\s*\(/.test(code);
}

/** Every test file, repository-relative. */
export function testFiles(): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".test.ts") && !file.split(/[\\/]/).includes("node_modules"))
      .map((file) => `${folder}/${file.split("\\").join("/")}`),
  ).sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = testFiles();
  const empty = files.filter((file) => !hasAssertion(readFileSync(join(ROOT, file), "utf8")));
  for (const file of empty) console.error(`${file}: no assertion (no expect or assert call): it can only pass`);
  console.log(`assertions: ${files.length - empty.length} of ${files.length} test files assert`);
  process.exitCode = empty.length === 0 ? 0 : 1;
}
