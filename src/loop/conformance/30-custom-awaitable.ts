// Any object whose [Symbol.iterator]() returns an iterator is awaitable
// (Python: __await__). A bare yield (undefined) hands control to the loop for
// one iteration, like sleep(0).
import * as asyncio from "asyncio";

class Countdown {
  readonly n: number;

  constructor(n: number) {
    this.n = n;
  }

  *[Symbol.iterator](): Generator<undefined, string> {
    for (let i = this.n; i > 0; i--) {
      console.log("countdown", i);
      yield;
    }
    return "liftoff";
  }
}

function* other(): asyncio.Coroutine<void> {
  for (let i = 0; i < 3; i++) {
    console.log("other task runs");
    yield* asyncio.sleep(0);
  }
}

function* main(): asyncio.Coroutine<void> {
  const task = asyncio.createTask(other());
  console.log(yield* new Countdown(3));
  yield* task;
}

await asyncio.run(main());
