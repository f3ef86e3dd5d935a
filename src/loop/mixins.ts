/** Binding a synchronisation primitive to the event loop that first uses it (CPython's `mixins.py`). */
import { type AbstractEventLoop, getRunningLoop } from "./events.ts";
import { RuntimeError } from "./exceptions.ts";

/**
 * Base class of the primitives that create Futures: `Lock`, `Event`, `Condition`,
 * `Semaphore`, `Barrier`, `Queue` (Python: `mixins._LoopBoundMixin`).
 *
 * A primitive may be constructed outside any loop (at module level, say). It binds to
 * the running loop the first time it needs one, which is the first time a task has to
 * wait on it, and from then on refuses every other loop.
 */
export class LoopBoundMixin {
  private _loop: AbstractEventLoop | null = null;

  /**
   * The running loop, binding to it on first use.
   *
   * - No loop is running: `RuntimeError` (from `getRunningLoop()`).
   * - Bound to a different loop: `RuntimeError('<this> is bound to a different event loop')`.
   */
  protected _getLoop(): AbstractEventLoop {
    const loop = getRunningLoop();
    if (this._loop === null) this._loop = loop;
    if (loop !== this._loop) throw new RuntimeError(`${String(this)} is bound to a different event loop`);
    return loop;
  }
}
