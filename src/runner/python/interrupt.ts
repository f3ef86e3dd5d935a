/**
 * The view of the interrupt buffer that Pyodide gets (`setInterruptBuffer`), so that no Stop
 * is lost.
 *
 * CPython's check of the buffer (`_Py_CheckEmscriptenSignals_Helper`, in Pyodide 314 too)
 * reads index 0 and then writes 0 there: two steps. A Stop the page writes from its own
 * thread between them is wiped out, and a loop that never sleeps spins on for good. A
 * `while True: pass` checks every 50 backward jumps, so this is not rare: 3 to 13 Stops lost
 * in 2,000 here (`../testing/stop-race.ts --plain`; python/cpython#157548, whose fix,
 * `Atomics.exchange`, is not released).
 *
 * This view turns the helper's clear into a compare-and-swap of the value it just read: a
 * signal written in between stays for the next check. Reads and writes are atomic. Our own
 * code keeps the buffer itself, to `Atomics.wait` on it.
 *
 * Once a CPython with the fix is in use, the helper calls `Atomics.exchange` on this object,
 * which is not a typed array: that throws, the helper catches it and sees no signal, and
 * Stop stops nothing. node.test.ts's Stop tests would fail then; drop this view there.
 */
export function interruptView(buffer: Int32Array): Int32Array {
  let seen = 0;
  const view = {
    get 0(): number {
      seen = Atomics.load(buffer, 0);
      return seen;
    },
    set 0(value: number) {
      Atomics.compareExchange(buffer, 0, seen, value);
    },
  };
  return view as unknown as Int32Array;
}
