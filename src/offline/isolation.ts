/**
 * The site's headers added to a response that lacks them: what lets the service worker make
 * pages cross-origin isolated (and under our CSP) on hosts that cannot send headers. A header
 * the server did send is kept as it is.
 */
import { SITE_HEADERS } from "../security/headers.ts";

export function withSiteHeaders(response: Response): Response {
  // Opaque and error responses cannot be rebuilt (and are not ours to vouch for).
  if (response.type === "opaque" || response.type === "opaqueredirect" || response.status === 0) return response;
  const missing = Object.entries(SITE_HEADERS).filter(([name]) => !response.headers.has(name));
  if (missing.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of missing) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
