import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_FILES, PYODIDE_DIR, PYODIDE_FILES, PYODIDE_VERSION, PYTHON_LABEL, PYTHON_VERSION, STDLIB_FILE } from "./assets.ts";

const root = dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));

describe("Pyodide's files", () => {
  it("names the CPython the installed Pyodide ships", () => {
    const lock = JSON.parse(readFileSync(join(root, "pyodide-lock.json"), "utf8")) as { info: { python: string } };
    expect(lock.info.python.startsWith(`${PYTHON_VERSION}.`)).toBe(true);
    expect(PYTHON_LABEL).toBe(`CPython ${PYTHON_VERSION} in your browser`);
  });

  it("lists files the package has, under a directory named after its version", () => {
    for (const file of PACKAGE_FILES) expect(existsSync(join(root, file)), file).toBe(true);
    expect(PYODIDE_FILES.filter((file) => !(PACKAGE_FILES as readonly string[]).includes(file))).toEqual([STDLIB_FILE]);
    expect(PYODIDE_DIR).toBe(`pyodide/${PYODIDE_VERSION}/`);
  });

  it("lists every file the loader fetches by name, but its standard library, which the worker replaces", () => {
    // The loader (pyodide.mjs) names what it fetches relative to indexURL; none may be missing.
    const loader = readFileSync(join(root, "pyodide.mjs"), "utf8");
    const named = new Set([...loader.matchAll(/"((?:pyodide|python)[\w.-]*\.(?:mjs|wasm|zip|json))"/g)].map((m) => m[1]!));
    expect([...named].filter((file) => !PYODIDE_FILES.includes(file as never))).toEqual(["python_stdlib.zip"]);
  });
});
