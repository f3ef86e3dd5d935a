import { beforeAll, describe, expect, it, vi } from "vitest";
import { Linker, linkerReady, specifierName } from "./link.ts";
import { ModuleResolutionError } from "./resolve.ts";

beforeAll(() => linkerReady);

function linker(): { linker: Linker; sources: Map<string, string>; revoked: string[] } {
  const sources = new Map<string, string>();
  const revoked: string[] = [];
  let next = 0;
  const instance = new Linker({
    createUrl: (source, path) => {
      const url = `blob:test/${++next}-${path}`;
      sources.set(url, source);
      return url;
    },
    revokeUrl: (url) => revoked.push(url),
  });
  return { linker: instance, sources, revoked };
}

const library = {
  "node_modules/asyncio/package.json": '{"exports":{".":"./dist/index.js"}}',
  "node_modules/asyncio/dist/index.js": 'export * from "./tasks.js";\n',
  "node_modules/asyncio/dist/tasks.js": "export const sleep = 1;\n",
};

describe("Linker", () => {
  it("rewrites static, re-export and literal dynamic imports to the URLs of their files", () => {
    const { linker: l, sources } = linker();
    l.update({
      ...library,
      "kitchen.js": 'export const dish = "soup";\n',
      "snippet.js": [
        'import * as asyncio from "asyncio";',
        "import { dish } from './kitchen.js';",
        'const later = await import("./kitchen.js");',
        "console.log('import x from \"./nowhere.js\"', import.meta.url);",
      ].join("\n"),
    });
    const url = l.link("snippet.js");
    const source = sources.get(url)!;
    const kitchen = l.link("kitchen.js");
    const index = l.link("node_modules/asyncio/dist/index.js");
    expect(source.split("\n")).toEqual([
      `import * as asyncio from "${index}";`,
      `import { dish } from '${kitchen}';`,
      `const later = await import("${kitchen}");`,
      "console.log('import x from \"./nowhere.js\"', import.meta.url);",
    ]);
    expect(sources.get(index)).toBe(`export * from "${l.link("node_modules/asyncio/dist/tasks.js")}";\n`);
    expect(l.pathOf(url)).toBe("snippet.js");
  });

  it("links each file once, and keeps unchanged files across updates", () => {
    const { linker: l, revoked } = linker();
    l.update(library);
    const index = l.link("node_modules/asyncio/dist/index.js");
    l.update({ ...library, "snippet.js": 'import "asyncio";' });
    l.link("snippet.js");
    expect(l.link("node_modules/asyncio/dist/index.js")).toBe(index);
    expect(revoked).toEqual([]);
  });

  it("keeps the rest linked when a file goes away", () => {
    const { linker: l, revoked } = linker();
    l.update({ ...library, "warm-up.js": 'import "asyncio";' });
    const warm = l.link("warm-up.js");
    const index = l.link("node_modules/asyncio/dist/index.js");
    l.update(library);
    expect(l.link("node_modules/asyncio/dist/index.js")).toBe(index);
    expect(revoked).toEqual([warm]);
    expect(l.pathOf(warm)).toBeUndefined();
  });

  it("relinks everything once a linked file changed", () => {
    const { linker: l, revoked } = linker();
    l.update(library);
    const index = l.link("node_modules/asyncio/dist/index.js");
    l.update({ ...library, "node_modules/asyncio/dist/tasks.js": "export const sleep = 2;\n" });
    expect(l.link("node_modules/asyncio/dist/index.js")).not.toBe(index);
    expect(revoked).toContain(index);
  });

  it("appends an epilogue to the module linked now only", () => {
    const { linker: l, sources } = linker();
    l.update({ "a.js": 'import "./b.js";\n', "b.js": "" });
    const url = l.link("a.js", 'import "marker";\n');
    expect(sources.get(url)).toMatch(/import "marker";\n$/);
    expect(sources.get(l.link("b.js"))).toBe("");
  });

  it("fails a static import of nothing, but leaves a bad dynamic one to fail when it runs", () => {
    const { linker: l, sources } = linker();
    l.update({ "snippet.js": 'const m = import("./nope.js");\n', "bad.js": 'import "./nope.js";\n' });
    expect(sources.get(l.link("snippet.js"))).toBe('const m = import("./nope.js");\n');
    expect(() => l.link("bad.js")).toThrow(ModuleResolutionError);
  });

  it("reports an import cycle instead of looping", () => {
    const { linker: l } = linker();
    l.update({ "a.js": 'import "./b.js";', "b.js": 'import "./a.js";' });
    expect(() => l.link("a.js")).toThrow(/import cycle/);
  });
});

describe("under a Content-Security-Policy without 'unsafe-eval'", () => {
  it("still rewrites imports, though the lexer cannot eval their specifiers", () => {
    vi.stubGlobal("eval", () => {
      throw new EvalError("Refused to evaluate a string as JavaScript (CSP)");
    });
    try {
      const { linker: l, sources } = linker();
      l.update({ ...library, "main.js": 'import { sleep } from "asyncio";\nconst t = import(\'./dyn.js\');\n', "dyn.js": "export {};\n" });
      const source = sources.get(l.link("main.js"))!;
      expect(source).not.toContain('"asyncio"');
      expect(source).toMatch(/from "blob:test\/\d+-node_modules\/asyncio\/dist\/index\.js"/);
      expect(source).toMatch(/import\("blob:test\/\d+-dyn\.js"\)/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("decodes quoted specifiers without eval", () => {
    expect(specifierName("asyncio", false)).toBe("asyncio");
    expect(specifierName('"./a.js"', true)).toBe("./a.js");
    expect(specifierName("'./it\\'s.js'", true)).toBe("./it's.js");
    expect(specifierName("./\\u0061.js", false)).toBe("./a.js");
    expect(specifierName("`./${name}.js`", true)).toBeUndefined();
  });
});
