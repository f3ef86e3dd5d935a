import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { GET } from "../../pages/runner/asyncio-files.json.ts";
import { GET as GET_MODULE } from "../../pages/runner/asyncio.js.ts";
import { bundleLibrary } from "./library-bundle.ts";
import { LIBRARY_MODULE, isLibraryFile, loadLibrary, siteUrl } from "../core/index.ts";
import { readLibraryFiles } from "./library-node.ts";

const packageDir = fileURLToPath(new URL("../../loop", import.meta.url));

describe("isLibraryFile", () => {
  it("takes package.json and the built modules, not declarations or maps", () => {
    expect(["package.json", "dist/index.js", "dist/tasks.js", "dist/node/threads.js"].every(isLibraryFile)).toBe(true);
    expect(["dist/index.d.ts", "dist/index.js.map", "index.ts", "node/threads.ts", "dist/node/x.d.ts"].some(isLibraryFile)).toBe(false);
  });
});

describe("readLibraryFiles", () => {
  it("reads package.json and every dist/*.js of the built library", async () => {
    const files = await readLibraryFiles(packageDir);
    const built = readdirSync(`${packageDir}/dist`, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".js"))
      .map((name) => `dist/${name}`);
    expect(Object.keys(files).sort()).toEqual(["package.json", ...built].sort());
    expect(JSON.parse(files["package.json"]!).name).toBe("asyncio");
  });

  it("says to build the library when it is missing", async () => {
    await expect(readLibraryFiles("/nonexistent/loop")).rejects.toThrow(/dist\/index\.js is missing: run npm run build:loop/);
  });
});

describe("the build's asyncio-files.json endpoint", () => {
  it("serves the same files the Node-side check reads", async () => {
    const response = await GET({} as never);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(await readLibraryFiles(packageDir));
  });
});

describe("bundleLibrary", () => {
  it("is one module with the library's public API and its class names kept", async () => {
    const source = await bundleLibrary(fileURLToPath(new URL("../../..", import.meta.url)));
    expect(source).not.toMatch(/^\s*import\s/m);
    const library = (await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`)) as Record<string, unknown>;
    for (const name of ["run", "sleep", "createTask", "gather", "setHost", "getHost", "TimerHandle", "Task", "CancelledError"]) {
      expect(library, name).toHaveProperty(name);
    }
    expect((library.TimerHandle as { name: string }).name).toBe("TimerHandle");
    expect((library.BaseEventLoop as { name: string }).name).toBe("BaseEventLoop");
  });

  it("is what the build serves at runner/asyncio.js", async () => {
    expect(siteUrl(LIBRARY_MODULE)).toBe("/runner/asyncio.js");
    const response = await GET_MODULE({} as never);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/javascript/);
    expect((await response.text()).length).toBeGreaterThan(1000);
  });
});

describe("loadLibrary", () => {
  it("fetches once per page and puts the files under node_modules/asyncio", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ "package.json": "{}", "dist/index.js": "export {};" })));
    const first = await loadLibrary(fetch as typeof globalThis.fetch);
    const second = await loadLibrary(fetch as typeof globalThis.fetch);
    expect(first).toEqual({ "node_modules/asyncio/package.json": "{}", "node_modules/asyncio/dist/index.js": "export {};" });
    expect(second).toBe(first);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith("/runner/asyncio-files.json");
  });
});
