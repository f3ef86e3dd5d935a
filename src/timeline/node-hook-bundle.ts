/** The WebContainer's timeline hook (./node-hook.ts) as one Node module, `asyncio` left external. Node-only, build time. */
import { join } from "node:path";
import { build } from "esbuild";

/** @param root the project directory (the site build bundles this file, so it cannot find itself). */
export async function bundleTimelineHook(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, "src/timeline/node-hook.ts")],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: ["asyncio"],
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
