// sleep(0) yields to the loop exactly once, so tasks that loop over it take
// turns, round robin.
import * as asyncio from "asyncio";

function* counter(name: string, n: number): asyncio.Coroutine<void> {
  for (let i = 0; i < n; i++) {
    console.log(`${name}${i}`);
    yield* asyncio.sleep(0);
  }
}

function* main(): asyncio.Coroutine<void> {
  yield* asyncio.gather(counter("a", 3), counter("b", 2), counter("c", 4));
  console.log("done");
}

await asyncio.run(main());
