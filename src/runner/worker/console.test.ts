import { describe, expect, it } from "vitest";
import { createConsole } from "./console.ts";
import type { Stream } from "../core/index.ts";

function capture(rewrite?: (text: string) => string) {
  const out: Array<[Stream, string]> = [];
  let time = 0;
  const console = createConsole((stream, text) => out.push([stream, text]), () => time, rewrite);
  return { console, out, advance: (ms: number) => (time += ms) };
}

describe("createConsole", () => {
  it("sends log/info/debug/dir to stdout and error/warn to stderr, newline-terminated", () => {
    const { console, out } = capture();
    console.log("a %d", 1);
    console.info({ b: 2 });
    console.debug("c");
    console.dir({ d: [4] });
    console.error("e");
    console.warn("f");
    expect(out).toEqual([
      [0, "a 1\n"],
      [0, "{ b: 2 }\n"],
      [0, "c\n"],
      [0, "{ d: [ 4 ] }\n"],
      [1, "e\n"],
      [1, "f\n"],
    ]);
  });

  it("indents groups by two spaces, every line", () => {
    const { console, out } = capture();
    console.group("outer");
    console.log("one\ntwo");
    console.groupEnd();
    console.log("back");
    expect(out.map(([, text]) => text)).toEqual(["outer\n", "  one\n  two\n", "back\n"]);
  });

  it("words assert, count and timeEnd as Node does", () => {
    const { console, out, advance } = capture();
    console.assert(true, "never");
    console.assert(false, "%s broke", "it");
    console.assert(false);
    console.count();
    console.count("x");
    console.count();
    console.time("t");
    advance(12.5);
    console.timeEnd("t");
    expect(out).toEqual([
      [1, "Assertion failed: it broke\n"],
      [1, "Assertion failed\n"],
      [0, "default: 1\n"],
      [0, "x: 1\n"],
      [0, "default: 2\n"],
      [0, "t: 12.5ms\n"],
    ]);
  });

  it("passes every printed text through the stack rewriter", () => {
    const { console, out } = capture((text) => text.replace("blob:x", "snippet.ts"));
    console.error("at blob:x:1:2");
    expect(out).toEqual([[1, "at snippet.ts:1:2\n"]]);
  });
});
