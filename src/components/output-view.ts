/**
 * A cell's live output: chunks of stdout/stderr become lines in the cell's `role="log"`
 * element, as text (never HTML), batched once per frame so a program that prints a million
 * lines cannot freeze the page. `OutputJudge` follows each stream against its expectation; the
 * first line that departs from it is marked.
 */
import { OutputJudge, type JudgedLine, type OutputVerdict, type Stream } from "../notebook/index.ts";

export type { OutputVerdict } from "../notebook/index.ts";

/** Lines shown per run; the runtimes cap output too, this keeps the DOM small regardless. */
export const MAX_SHOWN_LINES = 2_000;

/** Said in the log when stderr arrives merged into stdout and the cell expects some. */
export const MERGED_NOTICE =
  "This runtime merges stderr into stdout, so the output is compared with the expected stdout and stderr interleaved, each in its own order.";

export interface OutputViewOptions {
  /** The runtime reports stderr as stdout (`Runtime.mergesStderr`). */
  mergedStderr?: boolean;
}

export class OutputView {
  private readonly log: HTMLElement;
  private readonly judge: OutputJudge;
  private queue: JudgedLine[] = [];
  private shown = 0;
  private hidden = 0;
  private frame = 0;
  private hiddenNotice: HTMLElement | undefined;

  /**
   * @param log the cell's `role="log"` element; emptied.
   * @param expected expected stdout.
   * @param expectedStderr expected stderr; a cell without a stderr block expects none.
   */
  constructor(log: HTMLElement, expected: string, expectedStderr = "", options: OutputViewOptions = {}) {
    this.log = log;
    this.log.replaceChildren();
    this.judge = new OutputJudge(expected, expectedStderr, options);
    if (options.mergedStderr && expectedStderr !== "") this.notice(MERGED_NOTICE);
  }

  /** Appends a chunk; complete lines appear at the next frame, a partial line waits. */
  write(stream: Stream, text: string): void {
    this.enqueue(this.judge.write(stream, text));
  }

  private enqueue(lines: JudgedLine[]): void {
    if (lines.length === 0) return;
    for (const line of lines) this.queue.push(line); // not push(...lines): a huge chunk would overflow the stack
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
    const { lines, verdict } = this.judge.finish(judge);
    this.enqueue(lines);
    this.flush();
    if (verdict.endedEarly) this.missingMark(verdict.merged ? "the output" : verdict.departedStream!);
    return verdict;
  }

  private missingMark(what: string): void {
    const element = document.createElement("p");
    element.className = "notice departs";
    element.textContent = `(${what} ended here; more was expected)`;
    this.log.append(element);
  }
}
