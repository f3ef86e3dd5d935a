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
 * Internally a set of positions in the expected lines (an NFA over lines, `…` looping), so
 * `push` is O(expected lines) and the matcher never backtracks.
 */
export class OutputMatcher {
  private readonly expected: readonly string[];
  private states: Set<number>;
  private pushed = 0;
  private departed: number | null = null;

  /** @param expected the expected output text (as written in the chapter). */
  constructor(expected: string) {
    this.expected = splitLines(expected);
    this.states = this.closure([0]);
  }

  /** Positions reachable without consuming a line: a wildcard may match nothing. */
  private closure(positions: Iterable<number>): Set<number> {
    const result = new Set<number>();
    for (let position of positions) {
      result.add(position);
      while (this.expected[position] === WILDCARD) result.add(++position);
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
    for (const position of this.states) {
      const want = this.expected[position];
      if (want === WILDCARD) next.push(position);
      else if (want === line) next.push(position + 1);
    }
    this.states = this.closure(next);
    if (this.states.size === 0) this.departed = index;
    return this.departed === null;
  }

  /**
   * Whether the output, now complete, matches: every line fitted and the expectation is used up.
   */
  matches(): boolean {
    return this.departed === null && this.states.has(this.expected.length);
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
  const matcher = new OutputMatcher(expected);
  for (const line of splitLines(actual)) matcher.push(line);
  return { matches: matcher.matches(), departsAt: matcher.departure(true) };
}
