/**
 * Serves coi-serviceworker (npm, MIT) at the site root, so its scope covers every page. Used
 * only where the host cannot send COOP/COEP itself; see `src/layouts/Base.astro`.
 */
import type { APIRoute } from "astro";
import source from "coi-serviceworker/coi-serviceworker.min.js?raw";

export const GET: APIRoute = () =>
  new Response(source, { headers: { "Content-Type": "text/javascript; charset=utf-8" } });
