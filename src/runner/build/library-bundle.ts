/**
 * The loop library as one ES module, for the worker runtime: built from src/loop/dist with
 * esbuild at site-build time and served at `runner/asyncio.js`.
 *
 * Why not let Vite bundle it into the worker: the production build minifies it, and a
 * minified library prints minified names (`handle.constructor.name` → "he", `<Task ...>`
 * reprs, error class names), so the worker's output would stop matching Node's. And why not
 * link its files one by one like the snippet's: they import each other in cycles, which blob
 * URLs cannot express. One module, names kept, has neither problem. Node-only.
 */
import { build } from "esbuild";

/**
 * Bundles `asyncio` as the browser sees it (the package's `default` export condition).
 * @param root the project directory, where `node_modules/asyncio` resolves.
 * @returns the module's source: `export { ... }` of the whole public API, names kept.
 * @throws Error telling to run `npm run build:loop` when the library is not built.
 */
export async function bundleLibrary(root: string): Promise<string> {
  try {
    const result = await build({
      stdin: { contents: 'export * from "asyncio";\n', resolveDir: root, sourcefile: "asyncio-entry.js", loader: "js" },
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      keepNames: true,
      legalComments: "none",
      write: false,
      logLevel: "silent",
    });
    return result.outputFiles[0]!.text;
  } catch (error) {
    throw new Error(`Could not bundle the loop library (run npm run build:loop?): ${error instanceof Error ? error.message : String(error)}`);
  }
}
