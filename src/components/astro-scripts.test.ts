/**
 * `astro dev` pre-bundles dependencies by scanning each `.astro` file for script elements with
 * a regular expression (Vite's `scriptRE`, copied below from vite 8), over the whole file,
 * frontmatter included. A literal script tag in a frontmatter comment or string therefore
 * opens a "script" that runs to the next closing tag, and the scan fails with a parse error.
 * This test runs the same scan over every component and parses what it finds.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..");

// From vite/dist/node/chunks/node.js (scriptRE, commentRE, typeRE), vite 8.3.
const scriptRE = /(<script(?:\s+[a-z_:][-\w:]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^"'<>=\s]+))?)*\s*>)(.*?)<\/script>/gis;
const commentRE = /<!--.*?-->/gs;
const typeRE = /\btype\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s'">]+))/i;

/** The scripts Vite's dependency scan extracts from an `.astro` file, as it would load them. */
function scannedScripts(source: string): string[] {
  const scripts: string[] = [];
  for (const [, openTag, content] of source.replace(commentRE, "<!---->").matchAll(scriptRE)) {
    const match = typeRE.exec(openTag!);
    const type = match && (match[1] || match[2] || match[3]);
    if (type && !(type.includes("javascript") || type.includes("ecmascript") || type === "module")) continue;
    if (content!.trim()) scripts.push(content!);
  }
  return scripts;
}

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "loop" ? [] : astroFiles(path);
    return entry.name.endsWith(".astro") ? [path] : [];
  });
}

describe("Vite's dependency scan of .astro files", () => {
  it("catches a script tag written in the frontmatter (the check works)", () => {
    const source = '---\n// Inside <script>, "</script" would end it\nconst a = 1;\n---\n<p>{a}</p>\n<script>\n  import "./x.ts";\n</script>\n';
    const [script] = scannedScripts(source);
    expect(() => transformSync(script!, { loader: "ts" })).toThrow();
  });

  const files = astroFiles(SRC);
  it("finds the components", () => {
    expect(files.map((file) => relative(SRC, file))).toContain(join("components", "Cell.astro"));
  });

  for (const file of files) {
    it(`${relative(SRC, file)}: every script it finds parses`, () => {
      const unparsable = scannedScripts(readFileSync(file, "utf8")).filter((script) => {
        try {
          transformSync(script, { loader: "ts" });
          return false;
        } catch {
          return true;
        }
      });
      expect(unparsable).toEqual([]);
    });
  }
});
