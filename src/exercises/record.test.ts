import { describe, expect, it } from "vitest";
import { extractExercisesFromSource } from "../markdown/exercises.ts";
import { recordPythonOutputs } from "./record.ts";

const fence = "```";
const block = (info: string, body: string) => `${fence}${info}\n${body}\n${fence}\n\n`;
const exercise = (id: string, recorded: string) =>
  `<Exercise id="${id}" title="Say ${id}">\n\nSay “${id}” — in Unicode.\n\n` +
  block("ts starter", "export function* main() {}") +
  block("ts solution", `export function* main() { console.log("${id}"); }`) +
  block("ts check", "await 0;") +
  block("output", id) +
  block("python starter", "pass") +
  block("python solution", `print("${id}")`) +
  block("python check", "from check import checks\nchecks({})") +
  (recorded === "" ? `${fence}output python\n${fence}\n\n` : block("output python", recorded)) +
  "</Exercise>\n\n";

describe("recordPythonOutputs", () => {
  it("writes each solution's stdout into its output python block, and only there", () => {
    const source = `# Ünïcode first\n\n${exercise("one", "")}Between.\n\n${exercise("two", "stale")}After.\n`;
    const { source: written, changed } = recordPythonOutputs(source, "c.mdx", (e) => `${e.id} printed\nline 2\n`);
    expect(changed).toEqual(["one", "two"]);
    expect(extractExercisesFromSource(written, "c.mdx").map((e) => e.expectedPython)).toEqual(["one printed\nline 2", "two printed\nline 2"]);
    expect(written.replace(/output python\n[^`]*```/g, "")).toBe(source.replace(/output python\n[^`]*```/g, ""));
  });

  it("leaves blocks alone when the output is unchanged or the run failed", () => {
    const source = exercise("one", "same") + exercise("two", "old");
    const result = recordPythonOutputs(source, "c.mdx", (e) => (e.id === "one" ? "same\n" : undefined));
    expect(result).toEqual({ source, changed: [] });
  });
});
