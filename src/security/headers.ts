/**
 * The HTTP headers every response of the site carries, in one place: `astro dev`/`preview`
 * send them (astro.config.mjs), `public/_headers` repeats them for static hosts (a test keeps
 * the two equal), and the service worker adds the isolation pair where a host sends neither.
 */

/** Cross-origin isolation: SharedArrayBuffer, which the WebContainer and thread cells need. */
export const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
} as const;

/**
 * As strict as the site's features allow. Every script is a file of our own ('self', no
 * inline script anywhere, so no hashes or nonces are needed). The exceptions, each for one
 * feature:
 * - `blob:` scripts and workers: the in-page worker links a cell's modules as blob: URLs, and
 *   `toThread` starts its Web Workers from a blob.
 * - 'wasm-unsafe-eval': WebAssembly only (not eval): Pagefind's search, es-module-lexer in the
 *   worker, and the Pyodide worker.
 * - `frame-src https://stackblitz.com`: the WebContainer runs in StackBlitz's headless frame.
 * - styles allow inline: Shiki colours code with style attributes, and CodeMirror injects its
 *   theme as <style> elements. Styles cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src https://stackblitz.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SITE_HEADERS = {
  ...ISOLATION_HEADERS,
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
} as const;

/** Pyodide's directory is named after its version, so a file never changes at its URL. */
export const PYODIDE_CACHE_CONTROL = "public, max-age=31536000, immutable";

/**
 * `public/_headers` (Netlify/Cloudflare Pages format): the same headers on every path, and a
 * year's caching for Pyodide.
 */
export function headersFile(): string {
  return [
    "/*",
    ...Object.entries(SITE_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
    "",
    "# Pyodide (CPython for the Python twins): each directory is named after its version, so the",
    "# files never change at a URL and can be cached for a year.",
    "/pyodide/*",
    `  Cache-Control: ${PYODIDE_CACHE_CONTROL}`,
  ].join("\n") + "\n";
}
