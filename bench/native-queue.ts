/**
 * The simplest promise-based FIFO queue, for the native async/await twin of the
 * ping-pong benchmark: what a JavaScript programmer writes without a library.
 */
export class NativeQueue<T> {
  private readonly _items: T[] = [];
  private readonly _getters: ((item: T) => void)[] = [];

  /** Hand `item` to the first waiting getter, else keep it. Never waits (unbounded). */
  put(item: T): void {
    const getter = this._getters.shift();
    if (getter === undefined) this._items.push(item);
    else getter(item);
  }

  /** The first item, at once if there is one, else once a `put()` brings one. Getters are served FIFO. */
  get(): Promise<T> {
    if (this._items.length > 0) return Promise.resolve(this._items.shift()!);
    return new Promise<T>((resolve) => this._getters.push(resolve));
  }
}
