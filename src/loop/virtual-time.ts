/** An event loop on virtual time: the clock jumps to the next timer when nothing is ready (trio's autojump clock). */
import { BaseEventLoop } from "./base-events.ts";

/**
 * A `BaseEventLoop` whose clock is virtual: `time()` starts at 0 and only moves when
 * every task is waiting, jumping straight to the next timer's deadline. A program that
 * sleeps for an hour finishes at once, in the same order and with the same `time()`
 * readings it would show on real time (this is Python's `TestLoop` and trio's
 * `MockClock(autojump_threshold=0)`).
 *
 * It is also the demonstration that another loop drops in, as uvloop does in Python:
 * select it per run, or for every new loop through the policy.
 *
 * The loop still runs in batches on the host and yields to it between batches, so
 * a program that never waits cannot freeze the page; it just never waits for real
 * time. Outside work (I/O, a worker's reply) does not hold the clock back: when every
 * task waits and a timer is pending, time jumps even if I/O is in flight.
 *
 * @example
 * ```ts
 * function* main(): asyncio.Coroutine<void> {
 *   yield* asyncio.sleep(3600);
 *   console.log(asyncio.getRunningLoop().time()); // 3600, at once
 * }
 * await asyncio.run(main(), { loopFactory: () => new asyncio.VirtualTimeLoop() });
 * // or: asyncio.setEventLoopPolicy(new asyncio.DefaultEventLoopPolicy(() => new asyncio.VirtualTimeLoop()));
 * ```
 */
export class VirtualTimeLoop extends BaseEventLoop {
  private _now: number;

  /** @param start - the clock's initial reading, in seconds (default 0). */
  constructor(start = 0) {
    super();
    this._now = start;
    this._clockResolution = 1e-9;
  }

  /** The virtual clock, in seconds. */
  override time(): number {
    return this._now;
  }

  /**
   * Move the clock forward by `seconds` (not backward), as a test may do between
   * iterations; timers that become due run on the next iteration.
   */
  advance(seconds: number): void {
    if (seconds > 0) this._now += seconds;
  }

  protected override _advanceClock(when: number): boolean {
    if (when > this._now) this._now = when;
    return true;
  }
}
