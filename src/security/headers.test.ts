import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, headersFile } from "./headers.ts";

describe("site headers", () => {
  it("public/_headers sends what the dev/preview server sends", () => {
    const file = readFileSync(new URL("../../public/_headers", import.meta.url), "utf8");
    expect(file, "regenerate it: npx node -e \"import('./src/security/headers.ts').then(m => process.stdout.write(m.headersFile()))\" > public/_headers").toBe(headersFile());
  });

  it("allows no inline script and no eval, and plugins and foreign frames only where named", () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
    expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
    expect(directives.get("script-src")).not.toContain("'unsafe-eval'");
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("frame-src")).toEqual(["https://stackblitz.com"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
  });
});
