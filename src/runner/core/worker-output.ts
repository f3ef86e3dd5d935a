/**
 * The worker's side of output: batching, so that a program printing a million lines sends a
 * handful of messages instead of a million, and the cap, so that it stops being sent at all.
 */
import { OutputCap, type OutputLimits } from "./output-cap.ts";
import type { FromWorker, Stream } from "./worker-protocol.ts";

export interface OutputChannelOptions {
  post(message: FromWorker): void;
  /** Schedules a task that is not program work (does not keep the program alive). */
  schedule(callback: () => void): void;
  now(): number;
  limits?: OutputLimits;
  /** A batch older than this is sent even while the program keeps the thread busy. */
  maxDelayMs?: number;
}

/**
 * Collects writes and posts them as `output` messages, at most one per `maxDelayMs`: a write
 * after a quiet spell is posted at once (the first line of a run arrives without delay), later
 * ones wait for the next task or for `maxDelayMs` to pass (a busy loop never yields to the
 * next task). Once the cap is crossed it posts what fits, then one `limit` message, and drops
 * everything after.
 */
export class OutputChannel {
  private _chunks: Array<[Stream, string]> = [];
  private _lastPost = Number.NEGATIVE_INFINITY;
  private _scheduled = false;
  private _closed = false;
  private readonly _cap: OutputCap;
  private readonly _options: OutputChannelOptions;
  private readonly _maxDelayMs: number;

  constructor(options: OutputChannelOptions) {
    this._options = options;
    this._cap = new OutputCap(options.limits);
    this._maxDelayMs = options.maxDelayMs ?? 16;
  }

  /** True once the cap was crossed or the channel closed: writes are dropped. */
  get closed(): boolean {
    return this._closed;
  }

  write(stream: Stream, text: string): void {
    if (this._closed || text === "") return;
    const admitted = this._cap.take(text);
    if (admitted !== "") this._append(stream, admitted);
    if (this._cap.exceeded) {
      this.flush();
      this._options.post({ type: "limit" });
      this._closed = true;
      return;
    }
    if (this._options.now() - this._lastPost >= this._maxDelayMs) this.flush();
  }

  /** Posts whatever is pending now. */
  flush(): void {
    if (this._chunks.length === 0) return;
    const chunks = this._chunks;
    this._chunks = [];
    this._lastPost = this._options.now();
    this._options.post({ type: "output", chunks });
  }

  /** Flushes and drops all later writes (the program exited). */
  close(): void {
    this.flush();
    this._closed = true;
  }

  private _append(stream: Stream, text: string): void {
    const last = this._chunks[this._chunks.length - 1];
    if (last && last[0] === stream) {
      last[1] += text;
    } else {
      this._chunks.push([stream, text]);
    }
    if (!this._scheduled) {
      this._scheduled = true;
      this._options.schedule(() => {
        this._scheduled = false;
        this.flush();
      });
    }
  }
}
