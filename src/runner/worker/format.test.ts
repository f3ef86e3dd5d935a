import { format as nodeFormat, inspect as nodeInspect } from "node:util";
import { describe, expect, it } from "vitest";
import { customInspectSymbol, format, inspect } from "./format.ts";

// The reference is Node itself: whatever `node snippet.js` prints, the worker must print.
class Point {
  x: number;
  y: number;
  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
  }
}
class Empty {}
class Tagged {
  get [Symbol.toStringTag]() {
    return "Special";
  }
}
class MyError extends Error {}
class CodeError extends Error {
  code = "E_BOOM";
}
class Repr {
  [customInspectSymbol]() {
    return "<Repr custom>";
  }
}
function* gen() {}
async function af() {}
const circular: Record<string, unknown> = { name: "loop" };
circular.self = circular;
const nested = { a: { b: { c: { d: { e: 1 } } } } };
// biome-ignore lint/suspicious/noSparseArray: the hole is what is formatted
const sparse = [1, , 3];
const withExtra = Object.assign([1, 2], { extra: true });
const nullProto = Object.assign(Object.create(null), { a: 1 });
const getter = {
  get g() {
    return 1;
  },
  set s(_: number) {},
};

function stable(error: Error): Error {
  // Same stack text for both formatters: only the formatting is under test.
  error.stack = `${error.name}: ${error.message}\n    at main (snippet.ts:3:9)\n    at Task._step (node_modules/asyncio/dist/tasks.js:10:5)`;
  return error;
}

const values: Array<[string, unknown]> = [
  ["string", "hello"],
  ["empty string", ""],
  ["number", 42],
  ["float", 0.1 + 0.2],
  ["negative zero", -0],
  ["NaN", NaN],
  ["Infinity", -Infinity],
  ["bigint", 12345678901234567890n],
  ["true", true],
  ["null", null],
  ["undefined", undefined],
  ["symbol", Symbol("tag")],
  ["array", [1, 2, 3]],
  ["empty array", []],
  ["nested arrays", [[1, [2, [3, [4]]]]]],
  ["long number array", Array.from({ length: 30 }, (_, i) => i * 7)],
  ["long string array", Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat((i % 5) + 1))],
  ["many items", Array.from({ length: 120 }, (_, i) => i)],
  ["mixed array", [1, "two", { three: 3 }, [4], null, undefined, true]],
  ["sparse array", sparse],
  ["array with extra key", withExtra],
  ["object", { a: 1, b: "two", c: [3], d: { e: null } }],
  ["empty object", {}],
  ["odd keys", { "with space": 1, "1abc": 2, valid_id: 3, [Symbol("s")]: 4 }],
  ["long object", Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`key${i}`, `value number ${i}`]))],
  ["deep object", nested],
  ["class instance", new Point(1, 2)],
  ["empty class instance", new Empty()],
  ["toStringTag", new Tagged()],
  ["null prototype", nullProto],
  ["circular", circular],
  ["getters", getter],
  ["map", new Map<unknown, unknown>([["a", 1], [{ k: 1 }, [2]]])],
  ["empty map", new Map()],
  ["set", new Set([1, "two", [3]])],
  ["empty set", new Set()],
  ["Uint8Array", new Uint8Array([1, 2, 255])],
  ["ArrayBuffer", new Uint8Array([1, 2, 3]).buffer],
  ["Date", new Date(Date.UTC(2024, 0, 2, 3, 4, 5))],
  ["RegExp", /ab+c/gi],
  ["function", function named() {}],
  ["anonymous arrow", (() => () => {})()],
  ["generator function", gen],
  ["async function", af],
  ["class", Point],
  ["subclass", MyError],
  ["boxed number", new Number(3)],
  ["boxed string", new String("ab")],
  ["string with quote", "it's"],
  ["string with both quotes", `it's "x"`],
  ["string with newline", "a\nb"],
  ["custom inspect", new Repr()],
  ["Error", stable(new Error("boom"))],
  ["TypeError", stable(new TypeError("bad type"))],
  ["Error subclass", stable(new MyError("mine"))],
  ["Error with code", stable(new CodeError("coded"))],
  ["Error with cause", stable(new Error("outer", { cause: stable(new Error("inner")) }))],
  ["AggregateError", stable(new AggregateError([stable(new Error("one"))], "many"))],
  ["Error without stack", Object.assign(new Error("bare"), { stack: undefined })],
  ["error in object", { error: stable(new Error("inside")) }],
];

describe("inspect", () => {
  for (const [name, value] of values) {
    it(`matches util.inspect for ${name}`, () => {
      expect(inspect(value)).toBe(nodeInspect(value));
    });
  }

  it("nested in an object, a long string is split at its newlines like Node", () => {
    const value = { text: "first line of a long text\nsecond line of a long text\nthird line of it" };
    expect(inspect(value)).toBe(nodeInspect(value));
  });
});

describe("format", () => {
  const cases: unknown[][] = [
    ["plain"],
    ["%s is %d years", "Ada", 36],
    ["%i and %f", "42.9px", "3.5e1"],
    ["%j", { a: [1, "b"] }],
    ["%j", circular],
    ["%o", { a: 1 }],
    ["%O", { a: { b: { c: { d: 1 } } } }],
    ["%s", { a: 1 }],
    ["%s", new Point(1, 2)],
    ["%s", [1, [2, [3]]]],
    ["%s", 12n],
    ["%d", "abc"],
    ["100%% sure", 1],
    ["%c styled", "color: red"],
    ["missing %s %s", "one"],
    ["extra", "args", 1, { a: 1 }],
    [1, 2, "three"],
    [{ a: 1 }, "after"],
    ["%x unknown", 5],
  ];
  for (const args of cases) {
    it(`matches util.format for ${JSON.stringify(args.map((a) => (typeof a === "bigint" ? `${a}n` : a === circular ? "<circular>" : a)))}`, () => {
      expect(format(...args)).toBe(nodeFormat(...args));
    });
  }
});
