/**
 * The Python runtime: a cell's Python twin run by CPython compiled to WebAssembly (Pyodide) in
 * its own module Web Worker (./entry.ts), and what the page knows before Pyodide is fetched:
 * which programs can run here (./classify.ts), where the page's CPython prints differently
 * from the recording (./departures.ts), and where Pyodide is served from (./assets.ts).
 * The page imports this room on the first Python run only.
 */
export { PYTHON_ENTRY, PythonRuntime, pythonFiles, pythonRuntime, pythonUnavailable, type PythonRuntimeOptions } from "./runtime.ts";
export { blankStringsAndComments, classifyPython, type Obstacle, type PythonVerdict } from "./classify.ts";
export { PYODIDE_DEPARTURES, departuresOf, expectedInPage, type Departure } from "./departures.ts";
export { PACKAGE_FILES, PYODIDE_DIR, PYODIDE_FILES, PYODIDE_VERSION, PYTHON_LABEL, PYTHON_VERSION, STDLIB_FILE } from "./assets.ts";
export { HOME, captureOutput, runProgram, type ProgramResult, type PythonStream } from "./session.ts";
