import { describe, expect, it } from "vitest";
import { OutputCap } from "./output-cap.ts";

describe("OutputCap", () => {
  it("admits everything under the cap", () => {
    const cap = new OutputCap({ lines: 3, chars: 100 });
    expect(cap.take("a\nb\n")).toBe("a\nb\n");
    expect(cap.take("c\n")).toBe("c\n");
    expect(cap.exceeded).toBe(false);
  });

  it("cuts after the last allowed line, then admits nothing", () => {
    const cap = new OutputCap({ lines: 3, chars: 100 });
    expect(cap.take("1\n2\n")).toBe("1\n2\n");
    expect(cap.take("3\n4\n5\n")).toBe("3\n");
    expect(cap.exceeded).toBe(true);
    expect(cap.take("6\n")).toBe("");
  });

  it("counts a write after exactly the last allowed line as over the cap", () => {
    const cap = new OutputCap({ lines: 2, chars: 100 });
    expect(cap.take("1\n2\n")).toBe("1\n2\n");
    expect(cap.exceeded).toBe(false);
    expect(cap.take("x")).toBe("");
    expect(cap.exceeded).toBe(true);
  });

  it("cuts at the character limit", () => {
    const cap = new OutputCap({ lines: 100, chars: 5 });
    expect(cap.take("abc")).toBe("abc");
    expect(cap.take("defg")).toBe("de");
    expect(cap.exceeded).toBe(true);
  });

  it("ignores empty writes", () => {
    const cap = new OutputCap({ lines: 1, chars: 1 });
    expect(cap.take("")).toBe("");
    expect(cap.exceeded).toBe(false);
  });
});
