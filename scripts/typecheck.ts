/**
 * Type-checks every TypeScript file in the repository and every `.astro` component with
 * TypeScript 7's `tsc`, and fails on any error (`npm test` runs it first; `npm run typecheck`).
 *
 * `astro check` cannot run on TypeScript 7 (it needs the JavaScript compiler API that
 * TypeScript 7 no longer ships). Astro's way for TypeScript 7 is a content mapper
 * (`@astrojs/ts-content-mapper`), which needs TypeScript 7.1 and is not published yet. Until
 * then this does what that mapper does, with the same converter: `@astrojs/astro2tsx` turns
 * each component into TSX, written under `.astro/tsx/` at the component's own path, and
 * `rootDirs` makes its relative imports resolve as if it sat beside its source. Errors are
 * reported at the component's own line and column.
 *
 * The programs: the site, e2e, bench and scripts (`tsconfig.json`); the components; the
 * loop library as it is built (`src/loop/tsconfig.json`); the loop's tests and test helpers
 * (`src/loop/tsconfig.test.json`); the Python twins' TypeScript halves against the built
 * library (`src/loop/conformance/tsconfig.json`).
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { convertToTsx } from "@astrojs/astro2tsx";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Where the components' TSX goes (`.astro/` is Astro's own generated, ignored folder). */
export const ASTRO_TSX = join(ROOT, ".astro", "tsx");

/** The tsconfig files checked as they are, besides the components' generated one. */
export const CONFIGS = ["tsconfig.json", "src/loop/tsconfig.json", "src/loop/tsconfig.test.json", "src/loop/conformance/tsconfig.json"];

/** What a generated file stands for: its source, and how to find a position in it. */
interface Origin {
  /** The source file, relative to the repository. */
  path: string;
  source: string;
  /** [generated offset, length, source offset, source length] spans, UTF-16 offsets. */
  spans: [number, number, number, number][];
}

/** One error: its first line (`file(line,col): error TSnnnn: …`) and any lines under it. */
export type Diagnostic = string;

/** A file to check: its repository-relative path and its text. */
export interface Source {
  path: string;
  source: string;
}

/**
 * Writes `files` under `outDir` at their own paths (`.astro` ones as TSX), with a tsconfig that
 * checks them as `base` (a repository tsconfig) would: `rootDirs` joins `outDir` to the
 * repository, so their relative imports resolve as if they sat beside their sources. Returns
 * the config, the generated files' origins and the Astro converter's own errors.
 */
export function writeProgram(outDir: string, base: string, files: Source[]): {
  config: string;
  origins: Map<string, Origin>;
  errors: Diagnostic[];
} {
  rmSync(outDir, { recursive: true, force: true });
  const origins = new Map<string, Origin>();
  const errors: Diagnostic[] = [];
  const write = (file: string, text: string, origin: Origin): void => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    origins.set(file, origin);
  };
  for (const { path, source } of files) {
    if (!path.endsWith(".astro")) {
      write(join(outDir, path), source, { path, source, spans: [[0, source.length, 0, source.length]] });
      continue;
    }
    const tsx = convertToTsx(source, { filename: path });
    write(join(outDir, `${path}.tsx`), tsx.code, { path, source, spans: tsx.mappings.map(([g, gl, o, ol]) => [g, gl, o, ol]) });
    for (const d of tsx.diagnostics) {
      if (d.severity !== 1) continue; // warnings and hints are the editor's business
      const [line, col] = lineCol(source, d.position.start);
      errors.push(`${path}(${line},${col}): error astro: ${d.message}`);
    }
    // A bare <script> is a TypeScript module that Astro bundles: check it as one.
    tsx.scripts.forEach((script, i) => {
      if (script.type !== "processed-module") return;
      const { content, position } = script;
      write(join(outDir, `${path}.script${i}.ts`), content, { path, source, spans: [[0, content.length, position.start, content.length]] });
    });
  }
  const toRoot = relative(outDir, ROOT).split(sep).join("/");
  const astro = files.some(({ path }) => path.endsWith(".astro"));
  const config = join(outDir, "tsconfig.json");
  writeFileSync(
    config,
    JSON.stringify(
      {
        extends: `${toRoot}/${base}`,
        compilerOptions: {
          rootDir: toRoot,
          rootDirs: [toRoot, "."],
          // What Astro's language server gives components only: the `Astro` global, `Fragment`.
          ...(astro ? { types: ["node", "astro/env"] } : {}),
        },
        include: [...(base === "tsconfig.json" ? [`${toRoot}/.astro/types.d.ts`] : []), "**/*.ts", "**/*.tsx"],
      },
      null,
      2,
    ),
  );
  return { config, origins, errors };
}

/** Runs `tsc --noEmit -p config`; its errors, with generated files' positions mapped back. */
export async function runTsc(config: string, origins = new Map<string, Origin>()): Promise<{ ok: boolean; diagnostics: Diagnostic[] }> {
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const child = spawn(process.execPath, [tsc, "--noEmit", "--pretty", "false", "-p", config], { cwd: ROOT });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  const diagnostics: Diagnostic[] = [];
  for (const line of out.split("\n")) {
    if (line === "") continue;
    if (/^\s/.test(line) && diagnostics.length > 0) diagnostics[diagnostics.length - 1] += `\n${line}`;
    else diagnostics.push(mapBack(line, origins));
  }
  if (code !== 0 && diagnostics.length === 0) diagnostics.push(`${config}: tsc exited with ${code} and printed nothing`);
  return { ok: code === 0, diagnostics };
}

const POSITION = /^(.+?)\((\d+),(\d+)\): (.*)$/;

function mapBack(line: string, origins: Map<string, Origin>): Diagnostic {
  const match = POSITION.exec(line);
  if (!match) return line;
  const [, file, l, c, message] = match as unknown as [string, string, string, string, string];
  const origin = origins.get(resolve(ROOT, file));
  if (!origin) return `${relative(ROOT, resolve(ROOT, file))}(${l},${c}): ${message}`;
  const generated = readFileSync(resolve(ROOT, file), "utf8");
  const offset = offsetOf(generated, Number(l), Number(c));
  const span = origin.spans.find(([g, gl]) => offset >= g && offset <= g + gl);
  if (!span) return `${origin.path}(1,1): ${message} (in code Astro generates for this component)`;
  const [line2, col2] = lineCol(origin.source, span[2] + Math.min(offset - span[0], span[3]));
  return `${origin.path}(${line2},${col2}): ${message}`;
}

/** 1-based line and column (UTF-16 units, as tsc counts) of `offset` in `text`. */
function lineCol(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split("\n");
  return [before.length, before[before.length - 1]!.length + 1];
}

function offsetOf(text: string, line: number, col: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) offset = text.indexOf("\n", offset) + 1;
  return offset + col - 1;
}

/** Every `.astro` file of the site (all live in `src/`), with its source. */
export function astroFiles(): Source[] {
  const src = join(ROOT, "src");
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".astro"))
    .sort()
    .map((file) => ({ path: `src/${file.split(sep).join("/")}`, source: readFileSync(join(src, file), "utf8") }));
}

/** The whole check: every program, at once; every error, once. */
export async function typecheck(): Promise<{ ok: boolean; diagnostics: Diagnostic[] }> {
  const astro = writeProgram(ASTRO_TSX, "tsconfig.json", astroFiles());
  const runs = await Promise.all([...CONFIGS.map((config) => runTsc(join(ROOT, config))), runTsc(astro.config, astro.origins)]);
  const diagnostics = [...new Set([...astro.errors, ...runs.flatMap((run) => run.diagnostics)])];
  return { ok: astro.errors.length === 0 && runs.every((run) => run.ok), diagnostics };
}

/** Astro's generated types (`astro:content` and the rest), which a fresh clone lacks. */
export async function astroSync(): Promise<void> {
  const astro = join(ROOT, "node_modules", "astro", "bin", "astro.mjs");
  const sync = spawn(process.execPath, [astro, "sync"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  const code = await new Promise<number | null>((done) => sync.on("close", done));
  if (code !== 0) throw new Error(`astro sync exited with ${code}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await astroSync();
  const { ok, diagnostics } = await typecheck();
  for (const d of diagnostics) console.error(d);
  const errors = diagnostics.filter((d) => / error /.test(d.split("\n")[0]!)).length;
  console.log(ok ? `typecheck: ${CONFIGS.length + 1} programs, no errors` : `typecheck: ${errors} error${errors === 1 ? "" : "s"}`);
  process.exitCode = ok ? 0 : 1;
}
