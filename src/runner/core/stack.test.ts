import { describe, expect, it } from "vitest";
import { directoryLocator, stackRewriter } from "./stack.ts";
import { transpile } from "../compile/index.ts";

const ts = ["function* main(): Iterator<void> {", "  const x: number = 1; throw new Error(`boom ${x}`);", "}", "main().next();"].join("\n");
const js = transpile(ts, "snippet.ts");
const throwJsColumn = js.split("\n")[1]!.indexOf("throw") + 1;
const throwTsColumn = ts.split("\n")[1]!.indexOf("throw") + 1;
const files = {
  "snippet.js": js,
  "node_modules/asyncio/dist/tasks.js": "export {};\n",
};

describe("stackRewriter", () => {
  it("maps Node's file URLs of the snippet back to snippet.ts, through the source map", () => {
    const rewrite = stackRewriter(files, { locate: directoryLocator("/tmp/run-1") });
    const stack = [
      "Error: boom 1",
      `    at main (file:///tmp/run-1/snippet.js:2:${throwJsColumn})`,
      "    at Generator.next (<anonymous>)",
      "    at file:///tmp/run-1/snippet.js:4:8",
      "    at Task._step (file:///tmp/run-1/node_modules/asyncio/dist/tasks.js:10:5)",
      "    at ModuleJob.run (node:internal/modules/esm/module_job:561:25)",
    ].join("\n");
    expect(rewrite(stack)).toBe(
      [
        "Error: boom 1",
        `    at main (snippet.ts:2:${throwTsColumn})`,
        "    at Generator.next (<anonymous>)",
        "    at snippet.ts:4:8",
        "    at Task._step (node_modules/asyncio/dist/tasks.js:10:5)",
        "    at ModuleJob.run (node:internal/modules/esm/module_job:561:25)",
      ].join("\n"),
    );
    expect(throwJsColumn).not.toBe(throwTsColumn); // the map did something
  });

  it("rewrites Node's uncaught-exception header (URL:LINE, no column)", () => {
    const rewrite = stackRewriter(files, { locate: directoryLocator("/tmp/run-1") });
    expect(rewrite("file:///tmp/run-1/snippet.js:2\n  const x = 1;\n")).toBe("snippet.ts:2\n  const x = 1;\n");
  });

  it("maps blob URLs the worker made, and hides the worker's own frames", () => {
    const urls: Record<string, string> = { "blob:http://localhost:4321/1b2c": "snippet.js" };
    const rewrite = stackRewriter(files, { locate: (url) => urls[url], hideForeignFrames: true });
    const stack = [
      "Error: boom 1",
      `    at main (blob:http://localhost:4321/1b2c:2:${throwJsColumn})`,
      "    at http://localhost:4321/_astro/worker-entry.js:1:200",
      "    at Object.call (http://localhost:4321/_astro/worker-entry.js:1:300)",
    ].join("\n");
    expect(rewrite(stack)).toBe(["Error: boom 1", `    at main (snippet.ts:2:${throwTsColumn})`].join("\n"));
  });

  it("turns Firefox/Safari frames into V8's form", () => {
    const urls: Record<string, string> = { "blob:http://localhost/9": "snippet.js" };
    const rewrite = stackRewriter(files, { locate: (url) => urls[url] });
    expect(rewrite(`main@blob:http://localhost/9:4:8\n@blob:http://localhost/9:4:1`)).toBe(
      "    at main (snippet.ts:4:8)\n    at snippet.ts:4:1",
    );
  });

  it("leaves text without locations alone", () => {
    const rewrite = stackRewriter(files, { locate: () => undefined });
    expect(rewrite("plain <b>text</b>\nhttp://example.com is a URL")).toBe("plain <b>text</b>\nhttp://example.com is a URL");
  });
});

describe("directoryLocator", () => {
  it("strips the first matching root, most specific first", () => {
    const locate = directoryLocator("/home/notebook/runs/3", "/home/notebook");
    expect(locate("file:///home/notebook/runs/3/snippet.js")).toBe("snippet.js");
    expect(locate("file:///home/notebook/node_modules/x.js")).toBe("node_modules/x.js");
    expect(locate("file:///elsewhere/snippet.js")).toBeUndefined();
  });
  it("handles paths that need URL encoding", () => {
    expect(directoryLocator("/tmp/a b")("file:///tmp/a%20b/snippet.js")).toBe("snippet.js");
  });
});
