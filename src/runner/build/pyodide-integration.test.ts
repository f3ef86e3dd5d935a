import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PYODIDE_DIR, PYODIDE_FILES } from "../python/index.ts";
import { contentType, copyPyodide, pyodideRoot } from "./pyodide-integration.ts";

const out = mkdtempSync(join(tmpdir(), "pyodide-dist-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("Pyodide's files in the built site", () => {
  it("copies every file Pyodide loads, byte for byte, under the versioned directory", () => {
    const written = copyPyodide(out);
    expect(written).toEqual(PYODIDE_FILES.map((file) => join(out, PYODIDE_DIR, file)));
    for (const file of PYODIDE_FILES) {
      expect(readFileSync(join(out, PYODIDE_DIR, file)).equals(readFileSync(join(pyodideRoot(), file))), file).toBe(true);
    }
  });

  it("serves WebAssembly as application/wasm (streaming compilation refuses anything else)", () => {
    expect(contentType("pyodide.asm.wasm")).toBe("application/wasm");
    expect(contentType("pyodide.asm.mjs")).toMatch(/^text\/javascript/);
    expect(contentType("python_stdlib.zip")).toBe("application/zip");
  });
});
