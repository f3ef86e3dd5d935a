/**
 * The type check checks what it claims: every TypeScript file is in one of its programs, and a
 * planted error fails it, in a component, an e2e spec and a loop test. The errors are planted
 * in copies (under `.astro/`, Astro's ignored folder), checked as the real files would be;
 * the real files are never touched.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { astroFiles, astroSync, CONFIGS, ROOT, runTsc, writeProgram } from "./typecheck.ts";

const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** Each test runs tsc (a few seconds each, more on a loaded machine): a bound on a hang only. */
const TSC_TIMEOUT = 120_000;

beforeAll(async () => {
  if (!existsSync(join(ROOT, ".astro", "types.d.ts"))) await astroSync();
}, TSC_TIMEOUT);

async function listed(config: string): Promise<string[]> {
  const out = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, [tsc, "--listFilesOnly", "-p", join(ROOT, config)], { encoding: "utf8" }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );
  return out.split("\n").filter((file) => file !== "" && !file.includes("/node_modules/")).map((file) => relative(ROOT, file));
}

function tracked(...patterns: string[]): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", ...patterns], { cwd: ROOT, encoding: "utf8" });
  return out.split("\n").filter((file) => file !== "");
}

test("every TypeScript file in the repository is in a checked program, and every component", { timeout: TSC_TIMEOUT }, async () => {
  const checked = new Set((await Promise.all(CONFIGS.map(listed))).flat());
  const files = tracked("*.ts", "*.tsx", "*.mts", "*.cts");
  expect(files.length).toBeGreaterThan(300);
  expect(files.filter((file) => !checked.has(file))).toEqual([]);
  const components = tracked("*.astro");
  expect(components.length).toBeGreaterThan(10);
  expect(astroFiles().map(({ path }) => path)).toEqual([...components].sort());
});

describe("a planted type error fails the check", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const PLANTED = `const planted: number = "not a number";`;

  test.each([
    // In a component's frontmatter, just after its opening fence.
    { kind: "component", base: "tsconfig.json", path: "src/components/Cell.astro", plant: (s: string) => s.replace("---\n", `---\n${PLANTED}\n`), line: 2 },
    // At the end of an e2e spec and of a loop test.
    { kind: "e2e", base: "tsconfig.json", path: "e2e/share.test.ts", plant: (s: string) => `${s}export ${PLANTED}\n`, line: 0 },
    { kind: "loop-test", base: "src/loop/tsconfig.test.json", path: "src/loop/futures.test.ts", plant: (s: string) => `${s}export ${PLANTED}\n`, line: 0 },
  ])("in a $kind file ($path)", { timeout: TSC_TIMEOUT }, async ({ kind, base, path, plant, line }) => {
    const original = readFileSync(join(ROOT, path), "utf8");
    const source = plant(original);
    expect(source).not.toBe(original);
    const dir = join(ROOT, ".astro", `planted-${process.pid}-${kind}`);
    dirs.push(dir);
    const clean = await runTsc(writeProgram(dir, base, [{ path, source: original }]).config);
    expect(clean.diagnostics).toEqual([]);
    const program = writeProgram(dir, base, [{ path, source }]);
    const { ok, diagnostics } = await runTsc(program.config, program.origins);
    expect(ok).toBe(false);
    const at = line || source.split("\n").length - 1;
    expect(diagnostics).toEqual([expect.stringMatching(new RegExp(`^${path.replace(/\./g, "\\.")}\\(${at},\\d+\\): error TS2322: `))]);
  });
});
