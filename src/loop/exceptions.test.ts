import { describe, expect, it } from "vitest";
import * as asyncio from "./index.ts";

describe("exceptions", () => {
  it("carry their Python names, in stacks too", () => {
    const error = new asyncio.CancelledError("why");
    expect(error.name).toBe("CancelledError");
    expect(String(error)).toBe("CancelledError: why");
    expect(error.stack!.split("\n")[0]).toBe("CancelledError: why");
    expect(new asyncio.BrokenBarrierError()).toBeInstanceOf(asyncio.RuntimeError);
    for (const cls of [asyncio.TimeoutError, asyncio.InvalidStateError, asyncio.QueueEmpty, asyncio.QueueFull]) {
      expect(new cls().name).toBe(cls.name);
      expect(new cls()).toBeInstanceOf(Error);
    }
  });

  it("IncompleteReadError says how much was read", () => {
    const error = new asyncio.IncompleteReadError(new Uint8Array(3), 10);
    expect(error.message).toBe("3 bytes read on a total of 10 expected bytes");
    expect(new asyncio.IncompleteReadError(new Uint8Array(0), null).message).toBe(
      "0 bytes read on a total of undefined expected bytes",
    );
    expect(new asyncio.LimitOverrunError("too long", 5).consumed).toBe(5);
  });
});

describe("ExceptionGroup", () => {
  const a = new asyncio.ValueError("a");
  const b = new TypeError("b");
  const c = new asyncio.ValueError("c");

  it("is an AggregateError with Python's message and str()", () => {
    const group = new asyncio.ExceptionGroup("several", [a, b]);
    expect(group).toBeInstanceOf(AggregateError);
    expect(group.message).toBe("several");
    expect(group.exceptions).toEqual([a, b]);
    expect(group.errors).toEqual([a, b]);
    expect(String(group)).toBe("ExceptionGroup: several (2 sub-exceptions)");
    expect(String(new asyncio.ExceptionGroup("one", [a]))).toBe("ExceptionGroup: one (1 sub-exception)");
    expect(() => new asyncio.ExceptionGroup("none", [])).toThrow(asyncio.ValueError);
  });

  it("splits by class, list of classes or predicate, keeping nesting", () => {
    const group = new asyncio.ExceptionGroup("outer", [a, new asyncio.ExceptionGroup("inner", [b, c])]);
    const [match, rest] = group.split(asyncio.ValueError);
    expect(match!.exceptions[0]).toBe(a);
    const innerMatch = match!.exceptions[1] as asyncio.ExceptionGroup;
    expect(innerMatch.message).toBe("inner");
    expect(innerMatch.exceptions).toEqual([c]);
    expect(rest!.exceptions).toHaveLength(1);
    expect((rest!.exceptions[0] as asyncio.ExceptionGroup).exceptions).toEqual([b]);

    // As in Python: a new group with every leaf, not the group itself...
    const all = group.subgroup([TypeError, asyncio.ValueError])!;
    expect(all).not.toBe(group);
    expect(all.exceptions[0]).toBe(a);
    expect((all.exceptions[1] as asyncio.ExceptionGroup).exceptions).toEqual([b, c]);
    // ...unless the matcher matches the group itself.
    expect(group.subgroup((e) => e === b)!.exceptions).toHaveLength(1);
    expect(group.subgroup(asyncio.TimeoutError)).toBeNull();
    expect(group.split(Error)).toEqual([group, null]);
  });
});
