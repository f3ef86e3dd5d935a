// If the waiter that a release() woke is cancelled before it runs, the lock
// passes on to the next waiter instead of staying locked.
import * as asyncio from "asyncio";

function* waiter(name: string, lock: asyncio.Lock): asyncio.Coroutine<void> {
  try {
    yield* asyncio.asyncWith(lock, function* () {
      console.log(`${name} got the lock`);
    });
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log(`${name} cancelled after being woken`);
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  const lock = new asyncio.Lock();
  yield* lock.acquire();
  const first = asyncio.createTask(waiter("first", lock));
  const second = asyncio.createTask(waiter("second", lock));
  yield* asyncio.sleep(0);
  lock.release();
  first.cancel();
  yield* asyncio.gather(first, second, { returnExceptions: true });
  console.log("locked at the end:", lock.locked() ? "yes" : "no");
}

await asyncio.run(main());
