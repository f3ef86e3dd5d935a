// Lock is fair: a task that releases and immediately re-acquires queues
// behind the waiter that was already there.
import * as asyncio from "asyncio";

function* greedy(lock: asyncio.Lock): asyncio.Coroutine<void> {
  for (let i = 0; i < 2; i++) {
    yield* lock.acquire();
    console.log(`greedy acquired (${i})`);
    yield* asyncio.sleep(0.05);
    lock.release();
    console.log(`greedy released (${i})`);
  }
}

function* patient(lock: asyncio.Lock): asyncio.Coroutine<void> {
  yield* asyncio.sleep(0);
  console.log("patient waits");
  yield* asyncio.asyncWith(lock, function* () {
    console.log("patient acquired");
    yield* asyncio.sleep(0.05);
  });
}

function* main(): asyncio.Coroutine<void> {
  const lock = new asyncio.Lock();
  yield* asyncio.gather(greedy(lock), patient(lock));
}

await asyncio.run(main());
