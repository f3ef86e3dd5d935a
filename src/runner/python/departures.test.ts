import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractCellsFromSource } from "../../markdown/cells.ts";
import { checkOutput } from "../../notebook/expected.ts";
import { expectedInPage, PYODIDE_DEPARTURES, type Departure } from "./departures.ts";

const contentDir = fileURLToPath(new URL("../../../content", import.meta.url));

/** Departures as a chapter might declare them, for the mechanism's tests. */
const SAMPLE: Departure[] = [
  { chapter: "04-the-tower", cell: "spec-and-implementation", cpython: "a BaseEventLoop: True", pyodide: "a BaseEventLoop: False", why: "a sample reason, long enough to read" },
  { chapter: "04-the-tower", cell: "spec-and-implementation", cpython: "call_later returned a TimerHandle: True", pyodide: "call_later returned a TimerHandle: False", why: "a sample reason, long enough to read" },
  { chapter: "01-why-asyncio", cell: "all-at-once", cpython: "time: under 1 s", pyodide: "…", why: "a sample reason, long enough to read" },
];

describe("Pyodide's declared departures from CPython", () => {
  it("each names a chapter cell that has a Python twin, and gives a reason", () => {
    for (const departure of PYODIDE_DEPARTURES) {
      const source = readFileSync(`${contentDir}/${departure.chapter}.mdx`, "utf8");
      const cell = extractCellsFromSource(source, departure.chapter).find((c) => c.id === departure.cell);
      expect(cell?.python, `${departure.chapter} › ${departure.cell}`).toBeDefined();
      expect(departure.why.length).toBeGreaterThan(20);
    }
    expect(readdirSync(contentDir).length).toBeGreaterThan(0);
  });

  it("replaces the declared lines and nothing else", () => {
    const recorded = "AbstractEventLoop.time(): NotImplementedError\nan AbstractEventLoop: True\na BaseEventLoop: True\ncall_later returned a TimerHandle: True";
    const expected = expectedInPage("04-the-tower", { id: "spec-and-implementation" }, recorded, SAMPLE);
    expect(expected).toBe("AbstractEventLoop.time(): NotImplementedError\nan AbstractEventLoop: True\na BaseEventLoop: False\ncall_later returned a TimerHandle: False");
    expect(expectedInPage("04-the-tower", { id: "a-task" }, recorded, SAMPLE)).toBe(recorded);
    // On CPython's own loop the page prints these lines as recorded: nothing is declared.
    expect(expectedInPage("04-the-tower", { id: "spec-and-implementation" }, recorded)).toBe(recorded);
  });

  it("turns a timing line into a wildcard that still pins the lines around it", () => {
    const recorded = "serving 10000 clients, all at once\nclients served: 10000, waiting at the same moment: 10000\ntime: under 1 s";
    const expected = expectedInPage("01-why-asyncio", { id: "all-at-once" }, recorded, SAMPLE);
    expect(checkOutput(expected, "serving 10000 clients, all at once\nclients served: 10000, waiting at the same moment: 10000\ntime: 2 s\n").matches).toBe(true);
    expect(checkOutput(expected, "serving 10000 clients, all at once\nclients served: 9999, waiting at the same moment: 10000\ntime: 2 s\n").matches).toBe(false);
  });

  it("fails loudly when a declared line is no longer in the recording", () => {
    expect(() => expectedInPage("04-the-tower", { id: "spec-and-implementation" }, "something else", SAMPLE)).toThrow(/not in the recorded output/);
  });
});
