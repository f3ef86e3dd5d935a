/**
 * The loop library as one ES module with its names kept, for the worker runtime (see
 * src/runner/build/library-bundle.ts for why it is built here and not by Vite).
 */
import type { APIRoute } from "astro";
import { bundleLibrary } from "../../runner/build/index.ts";

export const GET: APIRoute = async () =>
  new Response(await bundleLibrary(process.cwd()), {
    headers: { "Content-Type": "text/javascript; charset=utf-8" },
  });
