/**
 * Where the site serves Pyodide (CPython compiled to WebAssembly) from: its own origin, under a
 * directory named after the installed version, so the files can be cached as immutable and a
 * Pyodide upgrade changes every URL at once. Browser-safe: the worker and the build share it.
 */
import pyodidePackage from "pyodide/package.json" with { type: "json" };

/** The installed `pyodide` package's version, e.g. "314.0.8". */
export const PYODIDE_VERSION: string = pyodidePackage.version;

/**
 * The CPython it ships, "3.14": Pyodide's major version is CPython's major and minor (314 is
 * 3.14). ./assets.test.ts checks it against the lock file's `info.python`.
 */
export const PYTHON_VERSION: string = `${PYODIDE_VERSION.slice(0, 1)}.${PYODIDE_VERSION.split(".")[0]!.slice(1)}`;

/** What the page says next to Python output, so the reader knows which Python ran. */
export const PYTHON_LABEL = `CPython ${PYTHON_VERSION} in your browser`;

/**
 * The standard library the worker loads (`stdLibURL`): Pyodide's python_stdlib.zip with
 * bytecode beside the source of every module start-up imports, made at build time
 * (../build/stdlib.ts). Pyodide's own zip holds only source, and compiling it is most of
 * Pyodide's start.
 */
export const STDLIB_FILE = "python_stdlib_pyc.zip";

/**
 * What the worker fetches when Pyodide starts, in the order it needs them: the loader, the
 * Emscripten module, the interpreter, the standard library (ours), and the package lock file
 * (read at start-up even when no package is loaded). The service worker caches exactly these.
 */
export const PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", STDLIB_FILE, "pyodide-lock.json"] as const;

/** Those the site copies from the package as they are: all but the standard library. */
export const PACKAGE_FILES = PYODIDE_FILES.filter((file) => file !== STDLIB_FILE);

/** The directory, relative to the site root, e.g. "pyodide/314.0.8/". */
export const PYODIDE_DIR = `pyodide/${PYODIDE_VERSION}/`;
