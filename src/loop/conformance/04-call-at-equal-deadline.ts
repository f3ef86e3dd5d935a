// Timers with exactly the same deadline run in the order they were scheduled:
// this library promises FIFO. (asyncio leaves the order unspecified; the
// Python twin keeps its heap to these three timers, where CPython happens to
// give FIFO too, by waiting on a future rather than on a sleep.)
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const done = loop.createFuture<void>();
  const fired: string[] = [];

  function fire(name: string): void {
    console.log(name);
    fired.push(name);
    if (fired.length === 3) done.setResult(undefined);
  }

  const when = loop.time() + 0.1;
  for (const name of ["first", "second", "third"]) {
    loop.callAt(when, fire, name);
  }
  yield* done;
  console.log("done");
}

await asyncio.run(main());
