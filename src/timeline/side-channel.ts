/**
 * The WebContainer's side channel for timeline events: the program's process writes them to
 * stdout as lines `MARK + JSON array + "\n"` (./node-hook.ts), and the page takes those
 * lines out of the output before anything is shown or compared. The only shared format.
 */
import type { TimelineEvent } from "./events.ts";

/** Starts a side-channel line (printable, so that no terminal layer drops it). */
export const MARK = "@@asyncio-timeline@@";

/** Splits terminal output into program output and timeline events, across chunk boundaries. */
export class SideChannel {
  /** A marked line whose end has not arrived yet. */
  private pending = "";
  /** Output that may be the start of a mark ("@@asy"), held until we know. */
  private held = "";

  take(chunk: string): { output: string; events: TimelineEvent[] } {
    let text = this.held + chunk;
    this.held = "";
    let output = "";
    const events: TimelineEvent[] = [];
    for (;;) {
      if (this.pending !== "") {
        const end = text.indexOf("\n");
        if (end < 0) {
          this.pending += text;
          return { output, events };
        }
        this.parse(this.pending + text.slice(0, end), events);
        this.pending = "";
        text = text.slice(end + 1);
        continue;
      }
      const start = text.indexOf(MARK);
      if (start < 0) {
        const keep = partialMark(text);
        this.held = text.slice(text.length - keep);
        return { output: output + text.slice(0, text.length - keep), events };
      }
      output += text.slice(0, start);
      this.pending = MARK; // the rest of the line follows
      text = text.slice(start + MARK.length);
    }
  }

  /** The stream ended: whatever was held back is output after all (a cut-off mark is dropped). */
  end(): string {
    const rest = this.held;
    this.held = "";
    this.pending = "";
    return rest;
  }

  private parse(line: string, events: TimelineEvent[]): void {
    try {
      const batch = JSON.parse(line.slice(MARK.length)) as TimelineEvent[];
      for (const event of batch) events.push(event);
    } catch {
      // A line cut short (the process was killed mid-write): its events are lost, nothing else.
    }
  }
}

/** How many characters at the end of `text` could begin a mark. */
function partialMark(text: string): number {
  for (let n = Math.min(MARK.length - 1, text.length); n > 0; n--) {
    if (MARK.startsWith(text.slice(text.length - n))) return n;
  }
  return 0;
}
