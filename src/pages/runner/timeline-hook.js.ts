/** The WebContainer's timeline hook, served for runs with the Timeline open (see src/timeline/node-hook.ts). */
import type { APIRoute } from "astro";
import { bundleTimelineHook } from "../../timeline/node-hook-bundle.ts";

export const GET: APIRoute = async () =>
  new Response(await bundleTimelineHook(process.cwd()), { headers: { "Content-Type": "text/javascript; charset=utf-8" } });
