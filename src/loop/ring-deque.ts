/** A double-ended queue on a growable ring buffer: Python's `collections.deque`, the parts asyncio uses. */

/**
 * A FIFO/LIFO container with O(1) `push`, `pop`, `shift` and `unshift`.
 *
 * `Array.prototype.shift` is O(n) once an array grows past V8's fast path, and queues
 * and waiter lists are shifted on every hand-off; a ring buffer keeps that constant
 * and allocation-free until the buffer has to grow (it doubles, and never shrinks).
 *
 * Iteration order is front to back. Mutating the deque while iterating it with
 * `for...of` gives unspecified results (Python raises; this does not check).
 *
 * @typeParam T - the type of the items.
 */
export class Deque<T> implements Iterable<T> {
  private _buffer: (T | undefined)[];
  private _mask: number;
  private _head = 0;
  private _length = 0;

  /** @param items - initial contents, front first. */
  constructor(items?: Iterable<T>) {
    this._buffer = new Array<T | undefined>(8).fill(undefined);
    this._mask = 7;
    if (items !== undefined) for (const item of items) this.push(item);
  }

  /** Number of items. */
  get length(): number {
    return this._length;
  }

  /** Append `item` at the back. */
  push(item: T): void {
    if (this._length === this._buffer.length) this._grow();
    this._buffer[(this._head + this._length) & this._mask] = item;
    this._length++;
  }

  /** Prepend `item` at the front. */
  unshift(item: T): void {
    if (this._length === this._buffer.length) this._grow();
    this._head = (this._head - 1) & this._mask;
    this._buffer[this._head] = item;
    this._length++;
  }

  /** Remove and return the front item, or `undefined` when empty (Python: `popleft()`). */
  shift(): T | undefined {
    if (this._length === 0) return undefined;
    const item = this._buffer[this._head];
    this._buffer[this._head] = undefined; // let the item be collected
    this._head = (this._head + 1) & this._mask;
    this._length--;
    return item;
  }

  /** Remove and return the back item, or `undefined` when empty. */
  pop(): T | undefined {
    if (this._length === 0) return undefined;
    this._length--;
    const index = (this._head + this._length) & this._mask;
    const item = this._buffer[index];
    this._buffer[index] = undefined;
    return item;
  }

  /** The item at position `index` from the front (negative counts from the back), or `undefined`. */
  at(index: number): T | undefined {
    if (index < 0) index += this._length;
    if (index < 0 || index >= this._length) return undefined;
    return this._buffer[(this._head + index) & this._mask];
  }

  /**
   * Remove the first occurrence of `item` (compared with `===`).
   *
   * @returns `true` if it was found; Python's `deque.remove` raises `ValueError` instead.
   */
  remove(item: T): boolean {
    const length = this._length;
    const mask = this._mask;
    const buffer = this._buffer;
    for (let i = 0; i < length; i++) {
      if (buffer[(this._head + i) & mask] !== item) continue;
      // Close the gap by moving the later items one place forward.
      for (let j = i; j < length - 1; j++) {
        buffer[(this._head + j) & mask] = buffer[(this._head + j + 1) & mask];
      }
      buffer[(this._head + length - 1) & mask] = undefined;
      this._length--;
      return true;
    }
    return false;
  }

  /** Remove every item. */
  clear(): void {
    this._buffer.fill(undefined);
    this._head = 0;
    this._length = 0;
  }

  /** The items front to back, as a new array. */
  toArray(): T[] {
    const out = new Array<T>(this._length);
    for (let i = 0; i < this._length; i++) out[i] = this._buffer[(this._head + i) & this._mask] as T;
    return out;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this._length; i++) yield this._buffer[(this._head + i) & this._mask] as T;
  }

  private _grow(): void {
    // The buffer twice over holds the items in order from `_head` on, wrapped or not, and
    // is copied natively: a copying loop is slow here, where ready queues reach 10^5 items
    // and `new Array(n)` that long deoptimizes the function. The stale copies are cleared.
    const old = this._buffer;
    const next = old.concat(old);
    next.fill(undefined, 0, this._head);
    next.fill(undefined, this._head + old.length);
    this._buffer = next;
    this._mask = next.length - 1;
  }
}
