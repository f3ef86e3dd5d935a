/** A growable byte queue: what a `StreamReader` buffers (Python uses a `bytearray`). */

const MIN_CAPACITY = 256;
/** Zero bytes: nothing is ever written into it, so one serves every empty buffer. */
const NOTHING = new Uint8Array(0);

/**
 * Bytes appended at the end and taken from the front, in one backing array that is
 * compacted or grown as needed, so that taking is O(n) in the bytes taken, not in
 * what is buffered.
 *
 * A chunk appended to an empty buffer is adopted, not copied (most reads take what
 * one chunk brought); it is copied only once more bytes are appended behind it. So
 * the appender must not change a chunk after appending it.
 */
export class ByteBuffer {
  private _data: Uint8Array = NOTHING;
  private _start = 0;
  private _end = 0;
  /** `_data` is an adopted chunk, not ours to write into. */
  private _adopted = false;

  /** How many bytes are buffered. */
  get length(): number {
    return this._end - this._start;
  }

  /** Copy `chunk` in at the end. */
  append(chunk: Uint8Array): void {
    const n = chunk.length;
    if (n === 0) return;
    if (this._start === this._end) {
      // Kept as a plain Uint8Array, so that what is taken from it is one (not a Node
      // Buffer, say); a plain one as is: reading `.buffer` would move a small array off the heap.
      this._data = Object.getPrototypeOf(chunk) === Uint8Array.prototype ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, n);
      this._start = 0;
      this._end = n;
      this._adopted = true;
      return;
    }
    if (this._adopted || this._end + n > this._data.length) this._makeRoom(n);
    this._data.set(chunk, this._end);
    this._end += n;
  }

  /** Remove the first `n` bytes (at most `length`) and return them in an array of their own. */
  take(n: number): Uint8Array {
    const end = Math.min(this._start + n, this._end);
    if (this._adopted && this._start === 0 && end === this._data.length) {
      // The whole adopted chunk: hand it over rather than copy it.
      const out = this._data;
      this._data = NOTHING;
      this._start = this._end = 0;
      this._adopted = false;
      return out;
    }
    const out = this._data.slice(this._start, end);
    this._start = end;
    if (this._start === this._end) this._start = this._end = 0;
    return out;
  }

  /** Drop everything. */
  clear(): void {
    this._start = this._end = 0;
  }

  /** `true` when empty. */
  get empty(): boolean {
    return this._start === this._end;
  }

  /** The index (from the front) of the first occurrence of `sep` at or after `from`, or -1. */
  indexOf(sep: Uint8Array, from = 0): number {
    const view = this._data.subarray(this._start, this._end);
    const first = sep[0]!;
    const last = view.length - sep.length;
    for (let i = view.indexOf(first, from); i !== -1 && i <= last; i = view.indexOf(first, i + 1)) {
      let j = 1;
      while (j < sep.length && view[i + j] === sep[j]) j++;
      if (j === sep.length) return i;
    }
    return -1;
  }

  /** `true` if the bytes at `offset` are `sep`. */
  startsWith(sep: Uint8Array, offset = 0): boolean {
    if (offset + sep.length > this.length) return false;
    for (let j = 0; j < sep.length; j++) if (this._data[this._start + offset + j] !== sep[j]) return false;
    return true;
  }

  private _makeRoom(n: number): void {
    const length = this.length;
    const needed = length + n;
    if (!this._adopted && needed <= this._data.length >> 1) {
      // Plenty of room once the consumed front is reclaimed.
      this._data.copyWithin(0, this._start, this._end);
    } else {
      const next = new Uint8Array(Math.max(MIN_CAPACITY, needed, this._data.length * 2));
      next.set(this._data.subarray(this._start, this._end));
      this._data = next;
      this._adopted = false;
    }
    this._start = 0;
    this._end = length;
  }
}
