import { describe, expect, it } from "vitest";
import { ModuleResolutionError, resolveSpecifier } from "./resolve.ts";

const tree = {
  "snippet.js": "",
  "kitchen.js": "",
  "lib/util.js": "",
  "node_modules/asyncio/package.json": JSON.stringify({
    exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" }, "./node": { default: "./dist/node.js" } },
  }),
  "node_modules/asyncio/dist/index.js": "",
  "node_modules/asyncio/dist/node.js": "",
  "node_modules/asyncio/dist/tasks.js": "",
  "node_modules/plain/package.json": JSON.stringify({ main: "main.js" }),
  "node_modules/plain/main.js": "",
};

function error(fn: () => unknown): ModuleResolutionError {
  try {
    fn();
  } catch (caught) {
    if (caught instanceof ModuleResolutionError) return caught;
    throw caught;
  }
  throw new Error("did not throw");
}

describe("resolveSpecifier", () => {
  it("resolves relative specifiers against the importer, extension required", () => {
    expect(resolveSpecifier("./kitchen.js", "snippet.js", tree)).toBe("kitchen.js");
    expect(resolveSpecifier("../kitchen.js", "lib/util.js", tree)).toBe("kitchen.js");
    expect(resolveSpecifier("./tasks.js", "node_modules/asyncio/dist/index.js", tree)).toBe("node_modules/asyncio/dist/tasks.js");
    const missing = error(() => resolveSpecifier("./kitchen", "snippet.js", tree));
    expect(missing.code).toBe("ERR_MODULE_NOT_FOUND");
    expect(missing.message).toMatch(/Cannot find module '\.\/kitchen' imported from snippet\.js.*file extension/);
  });

  it("resolves packages through exports, conditions in order (types is not one)", () => {
    expect(resolveSpecifier("asyncio", "snippet.js", tree)).toBe("node_modules/asyncio/dist/index.js");
    expect(resolveSpecifier("asyncio/node", "snippet.js", tree)).toBe("node_modules/asyncio/dist/node.js");
    expect(error(() => resolveSpecifier("asyncio/dist/tasks.js", "snippet.js", tree)).code).toBe("ERR_PACKAGE_PATH_NOT_EXPORTED");
  });

  it("picks the `node` condition before `default`, as Node does", () => {
    const conditional = {
      ...tree,
      "node_modules/dual/package.json": JSON.stringify({ exports: { ".": { types: "./x.d.ts", node: "./node.js", default: "./web.js" } } }),
      "node_modules/dual/node.js": "",
      "node_modules/dual/web.js": "",
    };
    expect(resolveSpecifier("dual", "snippet.js", conditional)).toBe("node_modules/dual/node.js");
  });

  it("falls back to main without exports", () => {
    expect(resolveSpecifier("plain", "snippet.js", tree)).toBe("node_modules/plain/main.js");
  });

  it("fails on unknown packages, Node built-ins and URLs", () => {
    expect(error(() => resolveSpecifier("lodash", "snippet.js", tree)).message).toBe("Cannot find package 'lodash' imported from snippet.js");
    expect(error(() => resolveSpecifier("node:fs", "snippet.js", tree)).message).toMatch(/needs Node\.js/);
    expect(error(() => resolveSpecifier("https://esm.sh/x", "snippet.js", tree)).code).toBe("ERR_UNSUPPORTED_RUNTIME");
  });
});
