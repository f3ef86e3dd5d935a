/**
 * Exercises: the cell kind the page checks. What an `<Exercise>` element in a chapter means.
 *
 * ```mdx
 * <Exercise id="three-downloads" title="Make three downloads run at once">
 *
 * The task, in Markdown.
 *
 * ```ts starter        the code the reader starts from: a module exporting `main`
 * ```ts solution       a solution (Show solution puts it in the editor)
 * ```ts check          the checks: a program importing ./exercise.js and ./check.js
 * ```output            what the TypeScript solution prints when run (Run), `…` lines allowed
 * ```python starter    the task in Python
 * ```python solution   the solution in Python: the same program
 * ```python check      the same named checks, in Python: a program importing `exercise`
 *                      and `check` (src/exercises/check_harness.py)
 * ```output python     the Python solution's stdout under CPython 3.11, recorded by
 *                      scripts/record-exercise-python.ts (never typed by hand)
 *
 * <Hint>A hint, in Markdown. As many as you like, revealed one at a time.</Hint>
 *
 * </Exercise>
 * ```
 *
 * Every block is required and appears once; any other code block inside an exercise, a bad
 * id or a missing title throws an `Error` naming `file:line`, so the build fails instead of
 * shipping an exercise that cannot be checked. Code blocks inside an exercise are not cells
 * (`./cells.ts` does not look inside).
 *
 * Node-side module (it parses with Sätteri's native binding): browser code imports types only.
 */
import type { Code, Nodes, Parents, Root } from "mdast";
import type { MdxJsxFlowElement } from "satteri";
import { mdxToMdast } from "satteri";

/** The JSX names an exercise is authored with (and rendered by). */
export const EXERCISE_COMPONENT = "Exercise";
export const HINT_COMPONENT = "Hint";

/** One exercise, as the page and the tests need it. */
export interface Exercise {
  id: string;
  title: string;
  starter: string;
  solution: string;
  /** The checks: TypeScript run as the entry, importing `./exercise.js` and `./check.js`. */
  check: string;
  /** What the TypeScript solution prints when run, without a trailing newline. */
  expected: string;
  /** The Python half: starter, solution, and the checks (Python run as `main.py`, importing `exercise` and `check`). */
  python: { starter: string; solution: string; check: string };
  /** The Python solution's recorded stdout under CPython 3.11. */
  expectedPython: string;
  /** How many `<Hint>` elements the exercise has. */
  hints: number;
  /** 1-based line of `<Exercise` in the MDX. */
  line: number;
}

/** The roles a code block can play inside an exercise, keyed by `lang meta`. */
const ROLES = {
  "ts starter": "starter",
  "ts solution": "solution",
  "ts check": "check",
  output: "expected",
  "python starter": "pythonStarter",
  "python solution": "pythonSolution",
  "python check": "pythonCheck",
  "output python": "expectedPython",
} as const;

type Role = (typeof ROLES)[keyof typeof ROLES];

/** An exercise as found in the tree, with its nodes, for the plugin that rewrites them. */
export interface ExerciseBlocks {
  exercise: Exercise;
  element: MdxJsxFlowElement;
  /** The exercise's code blocks, by role. */
  blocks: Record<Role, Code>;
}

const ID_PATTERN = /^[A-Za-z][\w-]*$/;

function lineOf(node: Nodes | MdxJsxFlowElement): number {
  return node.position?.start.line ?? 0;
}

function fail(path: string, node: Nodes | MdxJsxFlowElement, message: string): never {
  throw new Error(`${path}:${lineOf(node)}: ${message}`);
}

/** True for an `<Exercise>` element; `./cells.ts` skips what is inside one. */
export function isExerciseElement(node: { type: string; name?: string | null }): boolean {
  return node.type === "mdxJsxFlowElement" && node.name === EXERCISE_COMPONENT;
}

function attribute(element: MdxJsxFlowElement, name: string): string | undefined {
  for (const attr of element.attributes) {
    if (attr.type === "mdxJsxAttribute" && attr.name === name && typeof attr.value === "string") return attr.value;
  }
  return undefined;
}

function roleOf(node: Code): Role | undefined {
  const key = [node.lang, node.meta?.trim()].filter(Boolean).join(" ");
  return (ROLES as Record<string, Role>)[key];
}

function* exerciseElements(node: Nodes | MdxJsxFlowElement): Generator<MdxJsxFlowElement> {
  if (!("children" in node)) return;
  for (const child of (node as Parents).children as Array<Nodes | MdxJsxFlowElement>) {
    if (isExerciseElement(child)) yield child as MdxJsxFlowElement;
    else yield* exerciseElements(child);
  }
}

function* descendants(node: Nodes | MdxJsxFlowElement): Generator<Nodes | MdxJsxFlowElement> {
  if (!("children" in node)) return;
  for (const child of (node as Parents).children as Array<Nodes | MdxJsxFlowElement>) {
    yield child;
    yield* descendants(child);
  }
}

function readExercise(element: MdxJsxFlowElement, path: string): ExerciseBlocks {
  const id = attribute(element, "id");
  if (id === undefined || !ID_PATTERN.test(id)) {
    fail(path, element, `an <Exercise> needs an id that starts with a letter and holds only letters, digits, - and _ (got ${String(id)})`);
  }
  const title = attribute(element, "title")?.trim();
  if (!title) fail(path, element, `exercise "${id}" needs a title="…"`);

  const blocks: Partial<Record<Role, Code>> = {};
  let hints = 0;
  for (const node of descendants(element)) {
    if (node.type === "mdxJsxFlowElement" && node.name === HINT_COMPONENT) hints++;
    if (isExerciseElement(node)) fail(path, node, "an exercise cannot hold another exercise");
    if (node.type !== "code") continue;
    const role = roleOf(node);
    if (!role) {
      fail(path, node, `exercise "${id}": a code block inside an exercise must be one of ${Object.keys(ROLES).map((k) => `\`${k}\``).join(", ")} (got \`${[node.lang, node.meta].filter(Boolean).join(" ")}\`)`);
    }
    if (blocks[role]) fail(path, node, `exercise "${id}" has two \`${[node.lang, node.meta].filter(Boolean).join(" ")}\` blocks`);
    blocks[role] = node;
  }
  for (const [key, role] of Object.entries(ROLES)) {
    if (blocks[role]) continue;
    const why = role === "expectedPython" ? " (add an empty one and record it: npx node scripts/record-exercise-python.ts)" : "";
    fail(path, element, `exercise "${id}" has no \`${key}\` block${why}`);
  }
  const all = blocks as Record<Role, Code>;
  const exercise: Exercise = {
    id: id!,
    title: title!,
    starter: all.starter.value,
    solution: all.solution.value,
    check: all.check.value,
    expected: all.expected.value,
    python: { starter: all.pythonStarter.value, solution: all.pythonSolution.value, check: all.pythonCheck.value },
    expectedPython: all.expectedPython.value,
    hints,
    line: lineOf(element),
  };
  if (exercise.starter === exercise.solution) fail(path, all.solution, `exercise "${id}": the solution is the starter code`);
  return { exercise, element, blocks: all };
}

/**
 * Every exercise in an mdast tree, in document order, with its nodes.
 * @throws Error `path:line: …` when an exercise breaks the format (see the module comment),
 *   or two exercises (or an exercise and a cell id) share an id.
 */
export function scanExercises(tree: Root, path: string, takenIds: Iterable<string> = []): ExerciseBlocks[] {
  const ids = new Set(takenIds);
  const found: ExerciseBlocks[] = [];
  for (const element of exerciseElements(tree)) {
    const blocks = readExercise(element, path);
    if (ids.has(blocks.exercise.id)) fail(path, element, `duplicate id "${blocks.exercise.id}" (ids name cells and exercises alike)`);
    ids.add(blocks.exercise.id);
    found.push(blocks);
  }
  return found;
}

/** Parses MDX source (frontmatter allowed) with Sätteri and returns its exercises. */
export function extractExercisesFromSource(mdx: string, path: string): Exercise[] {
  return scanExercises(mdxToMdast(mdx) as Root, path).map((blocks) => blocks.exercise);
}
