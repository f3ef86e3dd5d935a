// A coroutine that yields something the task cannot wait on gets RuntimeError thrown
// back into it at that yield, and can carry on; so does one that yields a generator.
import * as asyncio from "asyncio";

class Yields {
  readonly value: unknown;

  constructor(value: unknown) {
    this.value = value;
  }

  *[Symbol.iterator](): asyncio.Coroutine<void> {
    yield this.value as never;
  }
}

function* gen(): Generator<undefined> {
  yield;
}

function* main(): asyncio.Coroutine<void> {
  try {
    yield* new Yields(42);
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    console.log("RuntimeError:", e.message);
  }
  try {
    yield* new Yields("text");
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    console.log("RuntimeError:", e.message);
  }
  try {
    yield* new Yields(gen());
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    // Python's fix is `yield from`, ours `yield*`: compare the words before it.
    console.log("RuntimeError:", e.message.split(" ").slice(0, 5).join(" "), "... for generator");
  }
  console.log("main carried on");
}

await asyncio.run(main());
