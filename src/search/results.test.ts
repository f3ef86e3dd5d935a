import { describe, expect, it } from "vitest";
import { excerptParts, toHit } from "./results.ts";

describe("search results", () => {
  it("keeps the sections that link to a heading, best first, at most three", () => {
    const hit = toHit({
      url: "/05-inside-coroutines/",
      excerpt: "x",
      meta: { title: "Inside coroutines · Understand asyncio" },
      sub_results: [
        { title: "Inside coroutines", url: "/05-inside-coroutines/", excerpt: "page top" },
        { title: "Throwing in: cancellation", url: "/05-inside-coroutines/#throwing-in-cancellation", excerpt: "a" },
        { title: "b", url: "/05-inside-coroutines/#b", excerpt: "b" },
        { title: "c", url: "/05-inside-coroutines/#c", excerpt: "c" },
        { title: "d", url: "/05-inside-coroutines/#d", excerpt: "d" },
      ],
    });
    expect(hit.title).toBe("Inside coroutines");
    expect(hit.sections.map((s) => s.url)).toEqual([
      "/05-inside-coroutines/#throwing-in-cancellation",
      "/05-inside-coroutines/#b",
      "/05-inside-coroutines/#c",
    ]);
  });

  it("turns an excerpt into plain text parts, marked where Pagefind marked them", () => {
    expect(excerptParts("a &lt;b&gt; <mark>CancelledError</mark> &amp; <mark>x</mark>")).toEqual([
      { text: "a <b> ", marked: false },
      { text: "CancelledError", marked: true },
      { text: " & ", marked: false },
      { text: "x", marked: true },
    ]);
  });
});
