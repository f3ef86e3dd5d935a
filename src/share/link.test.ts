import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isShareFragment, MAX_SHARED_CHARS, readShareFragment, shareFragment, ShareLinkError } from "./link.ts";

describe("share links", () => {
  it("round-trips any code, in either language, through a URL-safe fragment", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 400 }), fc.constantFrom("ts" as const, "py" as const), async (code, lang) => {
        const fragment = await shareFragment({ cellId: "gather-lanes", lang, code });
        expect(fragment).toMatch(/^#share\/gather-lanes\/(ts|py)\/[A-Za-z0-9_-]*$/);
        expect(await readShareFragment(fragment)).toEqual({ cellId: "gather-lanes", lang, code });
      }),
      { numRuns: 60 },
    );
  });

  it("compresses: a typical cell's link is shorter than the code itself", async () => {
    const code = 'import * as asyncio from "asyncio";\n\nfunction* main(): asyncio.Coroutine<void> {\n  console.log("hello");\n  yield* asyncio.sleep(1);\n  console.log("world");\n}\n\nasyncio.run(main());\n'.repeat(3);
    expect((await shareFragment({ cellId: "hello", lang: "ts", code })).length).toBeLessThan(code.length);
  });

  it("refuses code longer than a link should carry, saying how long", async () => {
    await expect(shareFragment({ cellId: "c", lang: "ts", code: "x".repeat(MAX_SHARED_CHARS + 1) })).rejects.toThrow(/20,001 characters long; a link carries at most 20,000/);
  });

  it("says clearly what is wrong with a cut, changed or foreign link", async () => {
    const good = await shareFragment({ cellId: "hello", lang: "ts", code: "console.log(1);" });
    const cases: Array<[string, RegExp]> = [
      [good.slice(0, -4), /could not be unpacked/],
      [good.replace(/\/ts\//, "/rb/"), /language "rb"/],
      ["#share/hello/ts/%%%", /not in the expected form/],
      ["#share/hello", /not a share link/],
      ["#hello", /not a share link/],
    ];
    for (const [fragment, message] of cases) {
      const error = await readShareFragment(fragment).catch((e: unknown) => e);
      expect(error, fragment).toBeInstanceOf(ShareLinkError);
      expect((error as Error).message, fragment).toMatch(message);
    }
  });

  it("tells share fragments from plain anchors", () => {
    expect(isShareFragment("#share/a/ts/x")).toBe(true);
    expect(isShareFragment("#the-event-loop")).toBe(false);
    expect(isShareFragment("")).toBe(false);
  });
});
