/**
 * The output cap both runtimes enforce: a program that prints without end is stopped with
 * reason "output-limit" once it has printed this much, so the page stays responsive.
 */

export interface OutputLimits {
  /** Newline-terminated lines, stdout and stderr together. */
  lines: number;
  /** UTF-16 code units, stdout and stderr together. */
  chars: number;
}

/** 5,000 lines or 256 K characters, whichever comes first. */
export const OUTPUT_LIMITS: Readonly<OutputLimits> = Object.freeze({ lines: 5_000, chars: 256 * 1024 });

/** The notice a runtime reports (as a status event) when it stops a program at the cap. */
export function truncationNotice(limits: OutputLimits = OUTPUT_LIMITS): string {
  return `Output truncated: the program printed more than ${limits.lines.toLocaleString("en-US")} lines or ${Math.round(limits.chars / 1024)} K characters and was stopped`;
}

/**
 * Counts output against {@link OutputLimits}.
 *
 * `take(text)` returns the part of `text` still within the cap (all of it, while under; a
 * prefix cut at the limit, when crossing it; "" after). `exceeded` turns true as soon as
 * something was cut.
 */
export class OutputCap {
  private _lines = 0;
  private _chars = 0;
  private _exceeded = false;
  private readonly _limits: OutputLimits;

  constructor(limits: OutputLimits = OUTPUT_LIMITS) {
    this._limits = limits;
  }

  get exceeded(): boolean {
    return this._exceeded;
  }

  take(text: string): string {
    if (text === "") return "";
    if (this._exceeded || this._lines >= this._limits.lines || this._chars >= this._limits.chars) {
      this._exceeded = true;
      return "";
    }
    let end = text.length;
    if (this._chars + text.length > this._limits.chars) end = this._limits.chars - this._chars;
    let lines = this._lines;
    for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) {
      if (++lines === this._limits.lines) {
        // The last admitted line keeps its newline; anything after it is over the cap.
        if (i + 1 < text.length) end = Math.min(end, i + 1);
        break;
      }
    }
    const admitted = end < text.length ? text.slice(0, end) : text;
    this._lines = lines;
    this._chars += admitted.length;
    if (admitted.length < text.length) this._exceeded = true;
    return admitted;
  }
}
