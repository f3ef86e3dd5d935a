import { describe, expect, it } from "vitest";
import { segments, summaryOf } from "./tsdoc.ts";

describe("summaryOf", () => {
  it.each([
    ["", ""],
    ["One line.", "One line."],
    ["First paragraph\nwraps here.\n\nSecond paragraph.", "First paragraph wraps here."],
    ["Stops at a list:\n- one\n- two", "Stops at a list:"],
    ["Does a thing. It has cases:\n- one\n- two", "Does a thing."],
    ["Does a thing.\n- a list right after", "Does a thing."],
    ["Shows code.\n```ts\nx();\n```", "Shows code."],
    ["Wrap `coro` in a Task (Python:\n`asyncio.create_task`). It starts later.", "Wrap `coro` in a Task. It starts later."],
    ["A Future for `aw` (Python: `asyncio.ensure_future`): a Future is returned as is.", "A Future for `aw`: a Future is returned as is."],
    ["Thrown on shutdown (Python 3.13: `asyncio.QueueShutDown`).", "Thrown on shutdown."],
    // An aside that says more than a name stays.
    ["Waits (Python 3.12's `asyncio.wait_for`, built on `timeout()`).", "Waits (Python 3.12's `asyncio.wait_for`, built on `timeout()`)."],
    ["What the handler receives (Python: the `context` dict).", "What the handler receives (Python: the `context` dict)."],
    ["  Indented\n   continuation  ", "Indented continuation"],
  ])("%j → %j", (doc, summary) => expect(summaryOf(doc)).toBe(summary));
});

describe("segments", () => {
  it("splits code, emphasis and links from plain text", () => {
    expect(segments("A *pending* future: `yield* fut` or {@link Future.result}.")).toEqual([
      { text: "A " },
      { text: "pending", emphasis: true },
      { text: " future: " },
      { text: "yield* fut", code: true },
      { text: " or " },
      { text: "Future.result", code: true },
      { text: "." },
    ]);
  });

  it("leaves asterisks that are not emphasis alone", () => {
    expect(segments("`yield*` and a * b and 2*3")).toEqual([{ text: "yield*", code: true }, { text: " and a * b and 2*3" }]);
    expect(segments("function* gen")).toEqual([{ text: "function* gen" }]);
  });

  it("keeps markup-looking text as text", () => {
    expect(segments("<b>not html</b>")).toEqual([{ text: "<b>not html</b>" }]);
    expect(segments("")).toEqual([]);
  });
});
