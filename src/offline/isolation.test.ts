import { describe, expect, it } from "vitest";
import { withSiteHeaders } from "./isolation.ts";

describe("withSiteHeaders", () => {
  it("adds COOP, COEP and the CSP to a response that lacks them, keeping status and body", async () => {
    const response = withSiteHeaders(new Response("<p>hi</p>", { status: 200, headers: { "Content-Type": "text/html" } }));
    expect(response.headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(response.headers.get("Cross-Origin-Embedder-Policy")).toBe("require-corp");
    expect(response.headers.get("Content-Security-Policy")).toMatch(/^default-src 'self'/);
    expect(response.headers.get("Content-Type")).toBe("text/html");
    expect(await response.text()).toBe("<p>hi</p>");
  });

  it("keeps what the server sent, and returns it untouched when nothing is missing", () => {
    const sent = withSiteHeaders(new Response("x", { headers: { "Cross-Origin-Embedder-Policy": "credentialless" } }));
    expect(sent.headers.get("Cross-Origin-Embedder-Policy")).toBe("credentialless");
    expect(withSiteHeaders(sent)).toBe(sent);
  });

  it("leaves error responses alone", () => {
    const error = Response.error();
    expect(withSiteHeaders(error)).toBe(error);
  });
});
