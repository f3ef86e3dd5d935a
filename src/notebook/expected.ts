/**
 * Comparing a program's output with a cell's expected output.
 *
 * Expected output is compared line by line, exactly, with one wildcard: an expected line that
 * is exactly `…` matches any number of lines (zero included). A single trailing newline in
 * the actual output is ignored (expected blocks have none); `\r\n` counts as `\n`.
 *
 * The matcher is incremental, so a page can mark the first line where live output departs from
 * the expectation while the program is still running. Browser-safe: no Node imports.
 */

/** An expected-output line that is exactly this matches any number of lines. */
export const WILDCARD = "…";

/** Splits output text into lines: `\r\n` → `\n`, one trailing newline dropped, "" → []. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const normalised = text.replace(/\r\n/g, "\n");
  const body = normalised.endsWith("\n") ? normalised.slice(0, -1) : normalised;
  return body.split("\n");
}

/**
 * Follows actual output line by line against an expectation.
 *
 * Given several expectations, the output must be an interleaving of them that keeps each one's
 * order: what a runtime that merges stderr into stdout prints, when nothing says which stream
 * a line came from. Each expectation keeps its own wildcards.
 *
 * Internally a set of positions in the expected lines, one per expectation (an NFA over lines,
 * `…` looping), so `push` is O(product of the expectations' lengths), which for one expectation
 * is O(its lines); the matcher never backtracks.
 */
export class OutputMatcher {
  private readonly expected: readonly (readonly string[])[];
  /** A state packs one position per expectation: sum of position × stride. */
  private readonly strides: readonly number[];
  private readonly final: number;
  private states: Set<number>;
  private pushed = 0;
  private departed: number | null = null;

  /**
   * @param expected the expected output text (as written in the chapter), or several, whose
   *   lines the output may interleave.
   */
  constructor(expected: string | readonly string[]) {
    this.expected = (typeof expected === "string" ? [expected] : expected).map(splitLines);
    let stride = 1;
    this.strides = this.expected.map((lines) => {
      const own = stride;
      stride *= lines.length + 1;
      return own;
    });
    this.final = this.expected.reduce((sum, lines, i) => sum + lines.length * this.strides[i]!, 0);
    this.states = this.closure([0]);
  }

  private position(state: number, which: number): number {
    return Math.floor(state / this.strides[which]!) % (this.expected[which]!.length + 1);
  }

  /** States reachable without consuming a line: a wildcard may match nothing. */
  private closure(states: Iterable<number>): Set<number> {
    const result = new Set<number>();
    const work = [...states];
    while (work.length > 0) {
      const state = work.pop()!;
      if (result.has(state)) continue;
      result.add(state);
      this.expected.forEach((lines, which) => {
        if (lines[this.position(state, which)] === WILDCARD) work.push(state + this.strides[which]!);
      });
    }
    return result;
  }

  /**
   * Feeds the next actual line.
   * @returns true while the output so far can still match; false from the first line that
   *   cannot (and for every line after it).
   */
  push(line: string): boolean {
    const index = this.pushed++;
    if (this.departed !== null) return false;
    const next: number[] = [];
    for (const state of this.states) {
      this.expected.forEach((lines, which) => {
        const want = lines[this.position(state, which)];
        if (want === WILDCARD) next.push(state);
        else if (want === line) next.push(state + this.strides[which]!);
      });
    }
    this.states = this.closure(next);
    if (this.states.size === 0) this.departed = index;
    return this.departed === null;
  }

  /**
   * Whether the output, now complete, matches: every line fitted and every expectation is used up.
   */
  matches(): boolean {
    return this.departed === null && this.states.has(this.final);
  }

  /**
   * Index (0-based) of the first actual line that cannot match, or `null` while every line so
   * far fits. Once the output is complete, if every line fitted but expected lines remain,
   * this is the number of lines pushed: the output ended too early.
   */
  departure(complete = false): number | null {
    if (this.departed !== null) return this.departed;
    if (complete && !this.matches()) return this.pushed;
    return null;
  }
}

/** The verdict on a finished output. */
export interface OutputCheck {
  matches: boolean;
  /** See {@link OutputMatcher.departure}; `null` when it matches. */
  departsAt: number | null;
}

/** Compares complete actual output with the expected output. */
export function checkOutput(expected: string, actual: string): OutputCheck {
  return check(new OutputMatcher(expected), actual);
}

/**
 * Compares output in which stderr was merged into stdout (a terminal's view of a program) with
 * a cell's two expectations: it matches when its lines are the expected stdout and the expected
 * stderr interleaved in some order that keeps each stream's own order.
 */
export function checkMergedOutput(expectedStdout: string, expectedStderr: string, actual: string): OutputCheck {
  return check(new OutputMatcher([expectedStdout, expectedStderr]), actual);
}

function check(matcher: OutputMatcher, actual: string): OutputCheck {
  for (const line of splitLines(actual)) matcher.push(line);
  return { matches: matcher.matches(), departsAt: matcher.departure(true) };
}
