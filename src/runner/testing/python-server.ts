/**
 * A tiny server for the Python runtime in a real browser (the browser test and
 * bench/python-start.ts): the harness page, the worker bundled by esbuild (also behind a
 * module that first deletes JS Promise Integration), and Pyodide's files
 * from node_modules (the standard library as the build makes it, ../build/stdlib.ts) at the site's path (PYODIDE_DIR, ../python/assets.ts), with the site's headers:
 * cross-origin isolation, a CSP that allows WebAssembly but not eval, and the immutable cache
 * header public/_headers gives Pyodide.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { PACKAGE_FILES, PYODIDE_DIR, STDLIB_FILE } from "../python/index.ts";
import { stdlibWithBytecode } from "../build/stdlib.ts";
import { PYODIDE_CACHE_CONTROL } from "../../security/headers.ts";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self' 'unsafe-inline'";

const TYPES: Record<string, string> = {
  ".mjs": "text/javascript",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".zip": "application/zip",
  ".json": "application/json",
  ".html": "text/html",
};

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [here(entry)],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export interface PythonServer {
  origin: string;
  /** Requests per path since the server started: the tests check what the cache spared. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

export async function startPythonServer(): Promise<PythonServer> {
  const pyodideRoot = dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));
  const [harness, worker, stdlib] = await Promise.all([bundle("./python-harness.ts"), bundle("../python/entry.ts"), stdlibWithBytecode(pyodideRoot)]);
  const routes = new Map<string, { type: string; body: string | Buffer; cache?: string }>([
    ["/", { type: "text/html", body: '<!doctype html><meta charset="utf-8"><title>python</title><script type="module" src="/harness.js"></script>' }],
    ["/harness.js", { type: "text/javascript", body: harness }],
    ["/python-worker.js", { type: "text/javascript", body: worker }],
    // The same worker where WebAssembly has no JS Promise Integration (Safari; Firefox before 153).
    // Static imports, evaluated in order (a dynamic import would let the first messages through
    // before the worker listens).
    ["/python-worker-no-jspi.js", { type: "text/javascript", body: 'import "/no-jspi.js";\nimport "/python-worker.js";\n' }],
    ["/no-jspi.js", { type: "text/javascript", body: "delete WebAssembly.Suspending;\ndelete WebAssembly.promising;\n" }],
  ]);
  for (const file of PACKAGE_FILES) {
    const extension = file.slice(file.lastIndexOf("."));
    routes.set(`/${PYODIDE_DIR}${file}`, { type: TYPES[extension]!, body: readFileSync(join(pyodideRoot, file)), cache: PYODIDE_CACHE_CONTROL });
  }
  routes.set(`/${PYODIDE_DIR}${STDLIB_FILE}`, { type: TYPES[".zip"]!, body: stdlib, cache: PYODIDE_CACHE_CONTROL });
  const requests = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0]!;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const route = routes.get(path);
    response.writeHead(route ? 200 : 404, {
      "Content-Type": route?.type ?? "text/plain",
      ...(route ? { "Content-Length": Buffer.byteLength(route.body) } : {}),
      "Cache-Control": route?.cache ?? "no-store",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "Content-Security-Policy": CSP,
    });
    response.end(route?.body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
