/**
 * A cell's live output: chunks of stdout/stderr become lines in the cell's `role="log"`
 * element, as text (never HTML), batched once per frame so a program that prints a million
 * lines cannot freeze the page. Each stream is followed against its expectation, and the first
 * line that departs from it is marked.
 */
import { OutputMatcher } from "../markdown/expected.ts";

/** Lines shown per run; the runtimes cap output too, this keeps the DOM small regardless. */
export const MAX_SHOWN_LINES = 2_000;

type Stream = "stdout" | "stderr";

interface PendingLine {
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
}

class StreamState {
  partial = "";
  lines = 0;
  readonly matcher: OutputMatcher;
  constructor(expected: string) {
    this.matcher = new OutputMatcher(expected);
  }
}

export class OutputView {
  private readonly log: HTMLElement;
  private readonly streams: Record<Stream, StreamState>;
  private queue: PendingLine[] = [];
  private shown = 0;
  private hidden = 0;
  private frame = 0;
  private hiddenNotice: HTMLElement | undefined;

  /**
   * @param log the cell's `role="log"` element; emptied.
   * @param expected expected stdout.
   * @param expectedStderr expected stderr; a cell without a stderr block expects none.
   */
  constructor(log: HTMLElement, expected: string, expectedStderr = "") {
    this.log = log;
    this.log.replaceChildren();
    this.streams = { stdout: new StreamState(expected), stderr: new StreamState(expectedStderr) };
  }

  /** Appends a chunk; complete lines appear at the next frame, a partial line waits. */
  write(stream: Stream, text: string): void {
    const state = this.streams[stream];
    const parts = (state.partial + text.replace(/\r\n/g, "\n")).split("\n");
    state.partial = parts.pop()!;
    for (const line of parts) this.enqueue(stream, line);
  }

  private enqueue(stream: Stream, text: string): void {
    const state = this.streams[stream];
    state.lines++;
    const fits = state.matcher.push(text);
    const departs = !fits && state.matcher.departure() === state.lines - 1;
    this.queue.push({ stream, text, departs });
    this.frame ||= requestAnimationFrame(() => this.flush());
  }

  /** Puts queued lines into the log now. */
  flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.queue.length === 0) return;
    const fragment = document.createDocumentFragment();
    for (const line of this.queue) {
      if (this.shown >= MAX_SHOWN_LINES) {
        this.hidden++;
        continue;
      }
      this.shown++;
      const element = document.createElement("div");
      element.className = `line ${line.stream}${line.departs ? " departs" : ""}`;
      element.textContent = line.text;
      if (line.departs) element.title = "Output departs from the expected output here";
      fragment.append(element);
    }
    this.queue = [];
    this.log.append(fragment);
    if (this.hidden > 0) {
      this.hiddenNotice ??= this.log.appendChild(Object.assign(document.createElement("p"), { className: "notice" }));
      this.hiddenNotice.textContent = `… ${this.hidden.toLocaleString("en-US")} more lines not shown`;
      this.log.append(this.hiddenNotice);
    }
    this.log.scrollTop = this.log.scrollHeight;
  }

  /** Adds a notice line (not program output), e.g. the truncation message. */
  notice(text: string): void {
    this.flush();
    const element = document.createElement("p");
    element.className = "notice";
    element.textContent = text;
    this.log.append(element);
  }

  /**
   * Ends the run: the partial lines become lines, and the outputs are judged.
   * @param judge false when the run was cut short (stopped, timed out, truncated), so a
   *   missing tail is no news and only an earlier departure is reported.
   */
  finish(judge = true): OutputVerdict {
    for (const stream of ["stdout", "stderr"] as const) {
      const state = this.streams[stream];
      if (state.partial !== "") this.enqueue(stream, state.partial);
      state.partial = "";
    }
    this.flush();
    for (const stream of ["stdout", "stderr"] as const) {
      const state = this.streams[stream];
      const at = state.matcher.departure(judge);
      if (at === null) continue;
      if (at === state.lines) this.missingMark(stream);
      return { matches: false, departedStream: stream, departedLine: at + 1 };
    }
    return { matches: judge };
  }

  private missingMark(stream: Stream): void {
    const element = document.createElement("p");
    element.className = "notice departs";
    element.textContent = `(${stream} ended here; more was expected)`;
    this.log.append(element);
  }
}

