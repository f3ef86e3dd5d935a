/**
 * A cell's live output: the lines a run reports (already judged, by src/notebook/run.ts) go
 * into the cell's `role="log"` element, as text (never HTML), batched once per frame so a
 * program that prints a million lines cannot freeze the page. The first line that departs
 * from the expectation is marked.
 */
import type { JudgedLine, OutputVerdict } from "../notebook/index.ts";

/** Lines shown per run; the runtimes cap output too, this keeps the DOM small regardless. */
export const MAX_SHOWN_LINES = 2_000;

/** Said in the log when stderr arrives merged into stdout and the cell expects some. */
export const MERGED_NOTICE =
  "This runtime merges stderr into stdout, so the output is compared with the expected stdout and stderr interleaved, each in its own order.";

export interface OutputViewOptions {
  /** The runtime reports stderr as stdout (`Runtime.mergesStderr`). */
  mergedStderr?: boolean;
  /** The cell expects something on stderr. */
  expectsStderr?: boolean;
}

export class OutputView {
  private readonly log: HTMLElement;
  private queue: JudgedLine[] = [];
  private shown = 0;
  private hidden = 0;
  private frame = 0;
  private hiddenNotice: HTMLElement | undefined;

  /** @param log the cell's `role="log"` element; emptied. */
  constructor(log: HTMLElement, options: OutputViewOptions = {}) {
    this.log = log;
    this.log.replaceChildren();
    if (options.mergedStderr && options.expectsStderr) this.notice(MERGED_NOTICE);
  }

  /** Shows lines at the next frame. */
  show(lines: JudgedLine[]): void {
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

  /** Ends the run: shows what is queued, and where the output stopped short, if it did. */
  end(verdict?: OutputVerdict): void {
    this.flush();
    if (verdict?.endedEarly) this.missingMark(verdict.merged ? "the output" : verdict.departedStream!);
  }

  private missingMark(what: string): void {
    const element = document.createElement("p");
    element.className = "notice departs";
    element.textContent = `(${what} ended here; more was expected)`;
    this.log.append(element);
  }
}
