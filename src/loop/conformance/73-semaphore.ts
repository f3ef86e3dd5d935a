// Semaphore(2) lets two holders in at a time; others queue in FIFO order and
// get in as holders leave.
import * as asyncio from "asyncio";

function* worker(name: string, sem: asyncio.Semaphore, hold: number): asyncio.Coroutine<void> {
  yield* asyncio.asyncWith(sem, function* () {
    console.log(`${name} in`);
    yield* asyncio.sleep(hold);
    console.log(`${name} out`);
  });
}

function* main(): asyncio.Coroutine<void> {
  const sem = new asyncio.Semaphore(2);
  const holds = { a: 0.1, b: 0.2, c: 0.15, d: 0.1, e: 0.1 };
  yield* asyncio.gather(...Object.entries(holds).map(([name, hold]) => worker(name, sem, hold)));
  console.log("locked at the end:", sem.locked() ? "yes" : "no");
}

await asyncio.run(main());
