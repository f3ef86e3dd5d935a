import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { mdxToJs } from "satteri";
import { describe, expect, it } from "vitest";
import { extractCellsFromSource } from "./cells.ts";
import { extractExercisesFromSource } from "./exercises.ts";
import { remarkCells } from "./remark-cells.ts";
import { remarkExercises } from "./remark-exercises.ts";

const fence = "```";
const block = (info: string, body: string) => `${fence}${info}\n${body}\n${fence}\n`;

function exercise(options: { id?: string; title?: string; omit?: string; extra?: string; solution?: string } = {}): string {
  const parts: Record<string, string> = {
    "ts starter": "export function* main() {}",
    "ts solution": options.solution ?? 'export function* main() { console.log("hi"); }',
    "ts check": 'import { checks } from "./check.js";\nawait checks({});',
    output: "hi",
    "python starter": "async def main(): pass",
    "python solution": 'async def main(): print("hi")',
    "python check": "from check import checks\nchecks({})",
    "output python": "hi",
  };
  const blocks = Object.entries(parts)
    .filter(([info]) => info !== options.omit)
    .map(([info, body]) => block(info, body))
    .join("\n");
  const id = options.id === undefined ? ' id="hello"' : options.id;
  const title = options.title === undefined ? ' title="Say hello"' : options.title;
  return `<Exercise${id}${title}>\n\nPrint **hi**.\n\n${blocks}\n${options.extra ?? ""}<Hint>Use \`console.log\`.</Hint>\n\n<Hint>Really.</Hint>\n\n</Exercise>\n`;
}

const chapter = (body: string) => `---\ntitle: Fixture\nsummary: Exercises.\n---\n\n# Fixture\n\n${block("ts runnable", 'console.log("cell");')}\n${block("output", "cell")}\n${body}`;

const parse = (body: string) => extractExercisesFromSource(chapter(body), "content/fixture.mdx");

describe("exercises in a chapter", () => {
  it("reads every block of an exercise, its hints and its line", () => {
    expect(parse(exercise())).toEqual([
      {
        id: "hello",
        title: "Say hello",
        starter: "export function* main() {}",
        solution: 'export function* main() { console.log("hi"); }',
        check: 'import { checks } from "./check.js";\nawait checks({});',
        expected: "hi",
        python: { starter: "async def main(): pass", solution: 'async def main(): print("hi")', check: "from check import checks\nchecks({})" },
        expectedPython: "hi",
        hints: 2,
        line: 16,
      },
    ]);
  });

  it("leaves an exercise's blocks out of the cells: its output blocks belong to it", () => {
    const cells = extractCellsFromSource(chapter(exercise()), "content/fixture.mdx");
    expect(cells.map((cell) => cell.expected)).toEqual(["cell"]);
  });

  it.each([
    ["a missing block", exercise({ omit: "ts check" }), /fixture\.mdx:16: exercise "hello" has no `ts check` block/],
    ["a missing Python check", exercise({ omit: "python check" }), /fixture\.mdx:16: exercise "hello" has no `python check` block/],
    ["a missing recorded Python output", exercise({ omit: "output python" }), /has no `output python` block \(add an empty one and record it/],
    ["a stray code block", exercise({ extra: block("ts", "const x = 1;") }), /:\d+: exercise "hello": a code block inside an exercise must be one of .* \(got `ts`\)/],
    ["a second starter", exercise({ extra: block("ts starter", "again") }), /exercise "hello" has two `ts starter` blocks/],
    ["no id", exercise({ id: "" }), /an <Exercise> needs an id/],
    ["a bad id", exercise({ id: ' id="1st"' }), /an <Exercise> needs an id .* \(got 1st\)/],
    ["no title", exercise({ title: "" }), /exercise "hello" needs a title/],
    ["a solution that is the starter", exercise({ solution: "export function* main() {}" }), /the solution is the starter code/],
    ["two exercises with one id", exercise() + "\n" + exercise(), /duplicate id "hello"/],
  ])("fails the build on %s, naming file and line", (_, body, message) => {
    expect(() => parse(body)).toThrow(message);
  });
});

async function compile(source: string): Promise<string> {
  const result = await mdxToJs(source, { mdastPlugins: [remarkExercises(), remarkCells()], jsx: true, fileURL: pathToFileURL(resolve("content/fixture.mdx")) });
  return result.code;
}

describe("remarkExercises", () => {
  it("turns an exercise into one Exercise element: its Markdown and hints kept, its blocks as JSON", async () => {
    const code = await compile(chapter(exercise()));
    const elements = [...code.matchAll(/<Exercise exercise='([^']*)'>(.*?)<\/Exercise>/gs)];
    expect(elements).toHaveLength(1);
    const [, json, children] = elements[0]!;
    expect(JSON.parse(json!)).toEqual({
      id: "hello",
      title: "Say hello",
      starter: "export function* main() {}",
      solution: 'export function* main() { console.log("hi"); }',
      check: 'import { checks } from "./check.js";\nawait checks({});',
      expected: "hi",
      python: { starter: "async def main(): pass", solution: 'async def main(): print("hi")', check: "from check import checks\nchecks({})" },
      expectedPython: "hi",
      hints: 2,
      line: 16,
    });
    expect(children).toBe(
      '<_components.p>{"Print "}<_components.strong>{"hi"}</_components.strong>{"."}</_components.p>' +
        '<Hint>{"Use "}<_components.code>{"console.log"}</_components.code>{"."}</Hint><Hint>{"Really."}</Hint>',
    );
  });

  it("keeps the task and the hints as Markdown and no code block of the exercise", async () => {
    const code = await compile(chapter(exercise()));
    expect(code).toContain("<_components.strong>{\"hi\"}</_components.strong>");
    expect(code.match(/<Hint>/g)).toHaveLength(2);
    expect(code).not.toContain("<_components.pre");
    expect(code.match(/<NotebookCell /g)).toHaveLength(1);
  });

  it("fails the compile on an exercise that takes a cell's id (both are ids on the page)", async () => {
    await expect(compile(chapter(exercise({ id: ' id="cell-1"' })))).rejects.toThrow(/fixture\.mdx:16: duplicate id "cell-1"/);
  });

  it("fails the compile with the file and line of a broken exercise", async () => {
    await expect(compile(chapter(exercise({ omit: "output" })))).rejects.toThrow(/content\/fixture\.mdx:16: exercise "hello" has no `output` block/);
  });
});
