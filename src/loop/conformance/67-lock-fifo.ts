// Lock waiters acquire in FIFO order; asyncWith releases on exit.
import * as asyncio from "asyncio";

function* worker(name: string, lock: asyncio.Lock): asyncio.Coroutine<void> {
  console.log(`${name} wants the lock`);
  yield* asyncio.asyncWith(lock, function* () {
    console.log(`${name} holds the lock`);
    yield* asyncio.sleep(0.05);
  });
  console.log(`${name} released`);
}

function* main(): asyncio.Coroutine<void> {
  const lock = new asyncio.Lock();
  yield* asyncio.gather(...["a", "b", "c"].map((n) => worker(n, lock)));
  console.log("locked at the end:", lock.locked() ? "yes" : "no");
}

await asyncio.run(main());
