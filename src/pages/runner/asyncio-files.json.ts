/**
 * The loop library's files as one JSON document, `{ "package.json": "...", "dist/index.js": "..." }`,
 * for the browser runtimes (see src/runner/core/library.ts). Built from src/loop/dist, so it
 * is exactly what `npm run build:loop` produced.
 */
import type { APIRoute } from "astro";
import { isLibraryFile } from "../../runner/core/index.ts";

const PACKAGE_ROOT = "/src/loop/";

const modules = import.meta.glob<string>(["/src/loop/package.json", "/src/loop/dist/**/*.js"], {
  query: "?raw",
  import: "default",
  eager: true,
});

export const GET: APIRoute = () => {
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(modules).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const inPackage = path.slice(PACKAGE_ROOT.length);
    if (isLibraryFile(inPackage)) files[inPackage] = text;
  }
  if (!("dist/index.js" in files)) {
    throw new Error("src/loop/dist/index.js is missing: run npm run build:loop before building the site");
  }
  return new Response(JSON.stringify(files), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
