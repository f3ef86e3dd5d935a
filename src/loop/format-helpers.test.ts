import { describe, expect, it } from "vitest";
import { coroutineNameFromStack, formatCallback, formatException, repr, shortRepr } from "./format-helpers.ts";
import { ValueError } from "./exceptions.ts";

describe("repr", () => {
  it("renders values as Python would", () => {
    expect(repr(undefined)).toBe("None");
    expect(repr(null)).toBe("None");
    expect(repr(true)).toBe("True");
    expect(repr(42)).toBe("42");
    expect(repr(NaN)).toBe("nan");
    expect(repr("it's")).toBe(`"it's"`);
    expect(repr('say "hi"\n')).toBe(`'say "hi"\\n'`);
    expect(repr([1, "a", [null]])).toBe("[1, 'a', [None]]");
    expect(repr({ a: 1, b: "x" })).toBe("{'a': 1, 'b': 'x'}");
    expect(repr(new Set())).toBe("set()");
    expect(repr(new Set([1, 2]))).toBe("{1, 2}");
    expect(repr(new Map([["k", 1]]))).toBe("{'k': 1}");
    expect(repr(new TextEncoder().encode("GET /\r\n"))).toBe("b'GET /\\r\\n'");
    expect(repr(new ValueError("boom"))).toBe("ValueError('boom')");
    expect(repr(new Error())).toBe("Error()");
    class MyError extends Error {}
    expect(repr(new MyError("x"))).toBe("MyError('x')");
    expect(repr(function named() {})).toBe("<function named>");
    expect(repr(new (class Point {})())).toBe("<Point object>");
    expect(repr({ toString: () => "<custom>" })).toBe("{'toString': <function toString>}");
    expect(repr(new (class Custom { toString() { return "<Custom!>"; } })())).toBe("<Custom!>");
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(repr(cyclic)).toBe("[[...]]");
  });

  it("shortens like reprlib", () => {
    expect(shortRepr("x".repeat(100))).toBe("'xxxxxxxxxxxx...xxxxxxxxxxxxx'");
    expect(shortRepr("short")).toBe("'short'");
    expect(shortRepr([1, 2, 3, 4, 5, 6, 7, 8])).toBe("[1, 2, 3, 4, 5, 6, ...]");
  });
});

describe("formatting callbacks and errors", () => {
  it("formats a callback with its arguments", () => {
    function greet() {}
    expect(formatCallback(greet, ["hi", 1])).toBe("greet('hi', 1)");
    expect(formatCallback(() => {}, [])).toBe("<anonymous>()");
  });

  it("prefers the stack for errors, and says when a non-Error was thrown", () => {
    const error = new ValueError("boom");
    expect(formatException(error)).toBe(error.stack);
    expect(formatException(42)).toBe("42 (a non-Error value was thrown)");
  });
});

describe("coroutineNameFromStack", () => {
  it("reads V8 stacks", () => {
    const stack = [
      "Error: boom",
      "    at inner (file:///x.js:1:1)",
      "    at inner.next (<anonymous>)",
      "    at main (file:///x.js:5:1)",
      "    at main.next (<anonymous>)",
      "    at Task._step (file:///tasks.js:10:1)",
    ].join("\n");
    expect(coroutineNameFromStack(stack)).toBe("main");
  });

  it("reads SpiderMonkey and JavaScriptCore stacks", () => {
    const stack = [
      "inner@file:///x.js:1:1",
      "next@[native code]",
      "main@file:///x.js:5:1",
      "next@[native code]",
      "_stepRunAndHandleResult@file:///tasks.js:20:1",
      "_step@file:///tasks.js:10:1",
    ].join("\n");
    expect(coroutineNameFromStack(stack)).toBe("main");
  });

  it("gives up without a task frame", () => {
    expect(coroutineNameFromStack("Error\n    at f (x.js:1:1)")).toBeNull();
  });
});
