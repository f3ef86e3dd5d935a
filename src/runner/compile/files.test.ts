import { describe, expect, it } from "vitest";
import { ENTRY, PACKAGE_JSON, SnippetSyntaxError, buildFileTree, compileCell, libraryTree, snippetFiles } from "./files.ts";

const source = {
  code: 'import { dish } from "./kitchen.js";\nconsole.log(dish as string);',
  files: [{ path: "kitchen.ts", code: 'export const dish: string = "soup";' }],
};

describe("snippetFiles", () => {
  it("holds package.json, snippet.js and one NAME.js per chapter file, transpiled", () => {
    const tree = snippetFiles(source);
    expect(Object.keys(tree).sort()).toEqual(["kitchen.js", "package.json", "snippet.js"]);
    expect(JSON.parse(tree["package.json"]!)).toEqual({ type: "module" });
    expect(tree[ENTRY]!.split("\n").slice(0, 2)).toEqual(['import { dish } from "./kitchen.js";', "console.log(dish );"]);
    expect(tree["kitchen.js"]!.split("\n")[0]).toBe('export const dish = "soup";');
  });

  it("fails with the name of the file that does not parse", () => {
    expect(() => snippetFiles({ ...source, files: [{ path: "kitchen.ts", code: "export const = ;" }] })).toThrow(SnippetSyntaxError);
    expect(() => snippetFiles({ ...source, files: [{ path: "kitchen.ts", code: "export const = ;" }] })).toThrow(/^kitchen\.ts:1:/);
  });
});

describe("buildFileTree", () => {
  const library = libraryTree({ "package.json": '{"name":"asyncio"}', "dist/index.js": "export {};" });

  it("puts the library under node_modules/asyncio", () => {
    expect(Object.keys(library).sort()).toEqual(["node_modules/asyncio/dist/index.js", "node_modules/asyncio/package.json"]);
  });

  it("is the snippet's files plus the library's", () => {
    const tree = buildFileTree(snippetFiles(source), library);
    expect(Object.keys(tree).sort()).toEqual([
      "kitchen.js",
      "node_modules/asyncio/dist/index.js",
      "node_modules/asyncio/package.json",
      "package.json",
      "snippet.js",
    ]);
    expect(tree["package.json"]).toBe(PACKAGE_JSON);
  });

  it("never lets a snippet file replace a library file", () => {
    const tree = buildFileTree({ "node_modules/asyncio/dist/index.js": "evil", [ENTRY]: "" }, library);
    expect(tree["node_modules/asyncio/dist/index.js"]).toBe("export {};");
  });
});

describe("compileCell", () => {
  it("keeps the code it was built from next to the tree", () => {
    const compiled = compileCell(source);
    expect(compiled.code).toBe(source.code);
    expect(compiled.tree).toEqual(snippetFiles(source));
  });
});
