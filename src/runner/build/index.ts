/**
 * Build-time and Node-side helpers, never in the page: the loop library bundled as one module
 * for the worker runtime, read as files for Node-side runs, and the Astro integration that
 * serves Pyodide from the site's own origin.
 */
export { bundleLibrary } from "./library-bundle.ts";
export { readLibraryFiles } from "./library-node.ts";
export { contentType, copyPyodide, pyodideFiles, pyodideRoot } from "./pyodide-integration.ts";
