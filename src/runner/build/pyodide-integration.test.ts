import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PACKAGE_FILES, PYODIDE_DIR, PYODIDE_FILES, STDLIB_FILE } from "../python/index.ts";
import { stdlibWithBytecode } from "./stdlib.ts";
import { contentType, copyPyodide, pyodideRoot } from "./pyodide-integration.ts";

const out = mkdtempSync(join(tmpdir(), "pyodide-dist-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("Pyodide's files in the built site", () => {
  it("writes every file Pyodide loads under the versioned directory: the package's byte for byte, and the standard library made for it", { timeout: 120_000 }, async () => {
    const written = await copyPyodide(out);
    expect(written).toEqual(PYODIDE_FILES.map((file) => join(out, PYODIDE_DIR, file)));
    for (const file of PACKAGE_FILES) {
      expect(readFileSync(join(out, PYODIDE_DIR, file)).equals(readFileSync(join(pyodideRoot(), file))), file).toBe(true);
    }
    const stdlib = readFileSync(join(out, PYODIDE_DIR, STDLIB_FILE));
    expect(stdlib.equals(await stdlibWithBytecode(pyodideRoot()))).toBe(true);
    expect(stdlib.length).toBeGreaterThan(readFileSync(join(pyodideRoot(), "python_stdlib.zip")).length); // source and bytecode
  });

  it("serves WebAssembly as application/wasm (streaming compilation refuses anything else)", () => {
    expect(contentType("pyodide.asm.wasm")).toBe("application/wasm");
    expect(contentType("pyodide.asm.mjs")).toMatch(/^text\/javascript/);
    expect(contentType("python_stdlib.zip")).toBe("application/zip");
  });
});
