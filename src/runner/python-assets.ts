/**
 * Where the site serves Pyodide (CPython compiled to WebAssembly) from: its own origin, under a
 * directory named after the installed version, so the files can be cached as immutable and a
 * Pyodide upgrade changes every URL at once. Browser-safe: the worker and the build share it.
 */
import { info } from "pyodide/pyodide-lock.json";
import { version } from "pyodide/package.json";

/** The installed `pyodide` package's version, e.g. "314.0.8". */
export const PYODIDE_VERSION: string = version;

/** The CPython it ships, e.g. "3.14.2". */
export const PYTHON_VERSION: string = info.python;

/** What the page says next to Python output, so the reader knows which Python ran. */
export const PYTHON_LABEL = `CPython ${PYTHON_VERSION.split(".").slice(0, 2).join(".")} in your browser`;

/**
 * What Pyodide fetches when it starts, in the order it needs them: the loader, the Emscripten
 * module, the interpreter, the standard library, and the package lock file (read at start-up
 * even when no package is loaded). The service worker caches exactly these.
 */
export const PYODIDE_FILES = [
  "pyodide.mjs",
  "pyodide.asm.mjs",
  "pyodide.asm.wasm",
  "python_stdlib.zip",
  "pyodide-lock.json",
] as const;

/** The directory, relative to the site root, e.g. "pyodide/314.0.8/". */
export const PYODIDE_DIR = `pyodide/${PYODIDE_VERSION}/`;
