/** A binary min-heap of timers keyed by `(when, seq)`: the loop's `_scheduled` (Python: a `heapq` list). */
import type { TimerHandle } from "./events.ts";

function before(a: TimerHandle, b: TimerHandle): boolean {
  return a._when < b._when || (a._when === b._when && a._seq < b._seq);
}

/**
 * The earliest timer first; equal deadlines in scheduling order (`_seq`), which is
 * what makes timers with the same deadline run FIFO.
 */
export class TimerHeap {
  private _items: TimerHandle[] = [];

  get size(): number {
    return this._items.length;
  }

  /** The earliest timer, or `undefined`. */
  peek(): TimerHandle | undefined {
    return this._items[0];
  }

  push(timer: TimerHandle): void {
    const items = this._items;
    let i = items.length;
    items.push(timer);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!before(timer, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = timer;
  }

  /** Remove and return the earliest timer, or `undefined`. */
  pop(): TimerHandle | undefined {
    const items = this._items;
    const top = items[0];
    const last = items.pop();
    if (top !== undefined && items.length > 0) this._siftDown(0, last!);
    return top;
  }

  /** Drop every cancelled timer at once (Python rebuilds the heap when most of it is cancelled). */
  removeCancelled(): void {
    const kept: TimerHandle[] = [];
    for (const timer of this._items) {
      if (timer._cancelled) timer._scheduled = false;
      else kept.push(timer);
    }
    this._items = kept;
    for (let i = (kept.length >> 1) - 1; i >= 0; i--) this._siftDown(i, kept[i]!);
  }

  clear(): void {
    for (const timer of this._items) timer._scheduled = false;
    this._items = [];
  }

  private _siftDown(start: number, timer: TimerHandle): void {
    const items = this._items;
    const n = items.length;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && before(items[right]!, items[child]!)) child = right;
      if (!before(items[child]!, timer)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = timer;
  }
}
