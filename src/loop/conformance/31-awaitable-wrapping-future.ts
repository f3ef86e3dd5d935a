// An awaitable may delegate to a Future: the task suspends until the Future
// is done.
import * as asyncio from "asyncio";

class Delayed {
  readonly fut: asyncio.Future<string>;

  constructor(delay: number, value: string) {
    const loop = asyncio.getRunningLoop();
    this.fut = loop.createFuture<string>();
    loop.callLater(delay, () => this.fut.setResult(value));
  }

  *[Symbol.iterator]() {
    console.log("Delayed: waiting on the future");
    const result = yield* this.fut;
    return `delayed ${result}`;
  }
}

function* main(): asyncio.Coroutine<void> {
  console.log(yield* new Delayed(0.05, "value"));
}

await asyncio.run(main());
