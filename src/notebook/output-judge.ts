/**
 * Judging a run's output against a cell's expectation while it arrives: chunks of stdout and
 * stderr become lines, the first line that departs from the expectation is marked, and the
 * verdict comes when the run ends. No DOM: `output-view.ts` shows what this decides.
 */
import { OutputMatcher } from "./expected.ts";

export type Stream = "stdout" | "stderr";

/** A complete line of output, and whether it is the first that departs from the expectation. */
export interface JudgedLine {
  stream: Stream;
  text: string;
  departs: boolean;
}

/** The verdict once the run is over. */
export interface OutputVerdict {
  matches: boolean;
  /** "stdout" or "stderr": which stream departed first, if any. */
  departedStream?: Stream;
  /** 1-based line (within that stream) where it departed. */
  departedLine?: number;
  /** The departure is the stream's end: it stopped where more lines were expected. */
  endedEarly?: boolean;
  /**
   * Stderr arrived merged into stdout (see `Runtime.mergesStderr`), so stdout was judged
   * against both expectations interleaved, and `departedLine` counts the lines of both.
   */
  merged: boolean;
}

export interface JudgeOptions {
  /**
   * The runtime reports stderr as stdout. Then stdout must be the expected stdout and the
   * expected stderr interleaved, each in its own order; nothing is expected on stderr itself.
   */
  mergedStderr?: boolean;
}

class StreamState {
  partial = "";
  lines = 0;
  readonly matcher: OutputMatcher;
  constructor(matcher: OutputMatcher) {
    this.matcher = matcher;
  }
}

/** The one judge of a cell's output: live, line by line, or (`finish`) a whole run at once. */
export class OutputJudge {
  private readonly streams: Record<Stream, StreamState>;
  private readonly merged: boolean;

  /**
   * @param expected expected stdout.
   * @param expectedStderr expected stderr; a cell without a stderr block expects none.
   */
  constructor(expected: string, expectedStderr = "", options: JudgeOptions = {}) {
    this.merged = options.mergedStderr === true;
    this.streams = this.merged
      ? { stdout: new StreamState(new OutputMatcher([expected, expectedStderr])), stderr: new StreamState(new OutputMatcher("")) }
      : { stdout: new StreamState(new OutputMatcher(expected)), stderr: new StreamState(new OutputMatcher(expectedStderr)) };
  }

  /** Takes a chunk; returns the lines it completes (a partial line waits for the rest). */
  write(stream: Stream, text: string): JudgedLine[] {
    const state = this.streams[stream];
    const parts = (state.partial + text.replace(/\r\n/g, "\n")).split("\n");
    state.partial = parts.pop()!;
    return parts.map((line) => this.judge(stream, line));
  }

  private judge(stream: Stream, text: string): JudgedLine {
    const state = this.streams[stream];
    state.lines++;
    const fits = state.matcher.push(text);
    return { stream, text, departs: !fits && state.matcher.departure() === state.lines - 1 };
  }

  /**
   * Ends the output: the partial lines become lines (returned), and the outputs are judged.
   * @param complete false when the run was cut short (stopped, timed out, truncated), so a
   *   missing tail is no news and only an earlier departure counts.
   */
  finish(complete = true): { lines: JudgedLine[]; verdict: OutputVerdict; departures: Record<Stream, number | null> } {
    const lines: JudgedLine[] = [];
    for (const stream of ["stdout", "stderr"] as const) {
      const state = this.streams[stream];
      if (state.partial !== "") lines.push(this.judge(stream, state.partial));
      state.partial = "";
    }
    const departures = { stdout: this.streams.stdout.matcher.departure(complete), stderr: this.streams.stderr.matcher.departure(complete) };
    for (const stream of ["stdout", "stderr"] as const) {
      const at = departures[stream];
      if (at === null) continue;
      const verdict: OutputVerdict = { matches: false, departedStream: stream, departedLine: at + 1, merged: this.merged };
      if (at === this.streams[stream].lines) verdict.endedEarly = true;
      return { lines, verdict, departures };
    }
    return { lines, verdict: { matches: complete, merged: this.merged }, departures };
  }
}
