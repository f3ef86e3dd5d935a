import { describe, expect, it } from "vitest";
import { decodeSourceMap, encodeSourceMap, originalPosition } from "./source-map.ts";

describe("decodeSourceMap", () => {
  it("decodes VLQ segments into absolute positions per line", () => {
    // Line 1: gen 0 → (0,0); gen 6 → (0,10). Line 2: gen 2 → (1,4).
    const map = decodeSourceMap({ version: 3, sources: ["a.ts"], mappings: "AAAA,MAAU;EACN" });
    expect(map).toEqual({
      source: "a.ts",
      lines: [
        [[0, 0, 0], [6, 0, 10]],
        [[2, 1, 4]],
      ],
    });
  });

  it("rejects what it does not understand", () => {
    expect(decodeSourceMap({ mappings: 3, sources: [] })).toBeUndefined();
    expect(() => decodeSourceMap({ sources: ["a.ts"], mappings: "A!" })).toThrow(/bad source map digit/);
  });
});

describe("originalPosition", () => {
  const map = { source: "a.ts", lines: [[[0, 0, 0], [6, 0, 10]] as const, [] as const] } as const;
  it("carries the offset inside a token", () => {
    expect(originalPosition(map, 1, 9)).toEqual({ line: 1, column: 13 });
    expect(originalPosition(map, 1, 3)).toEqual({ line: 1, column: 3 });
  });
  it("keeps positions on lines without segments", () => {
    expect(originalPosition(map, 2, 5)).toEqual({ line: 2, column: 5 });
    expect(originalPosition(map, 9, 1)).toEqual({ line: 9, column: 1 });
  });
});

describe("encodeSourceMap", () => {
  it("round-trips through decodeSourceMap", () => {
    const lines = [[[0, 0, 0], [7, 0, 15]], [], [[0, 2, 0], [4, 2, 9], [20, 2, 3]]] as const;
    const encoded = encodeSourceMap({ file: "a.js", source: "a.ts", lines: lines as never });
    expect(decodeSourceMap(encoded)).toEqual({ source: "a.ts", lines });
  });
});
