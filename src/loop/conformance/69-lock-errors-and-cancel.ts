// Releasing an unlocked Lock throws RuntimeError; a waiter cancelled while
// queued is skipped.
import * as asyncio from "asyncio";

function* waiter(name: string, lock: asyncio.Lock): asyncio.Coroutine<void> {
  try {
    yield* asyncio.asyncWith(lock, function* () {
      console.log(`${name} got the lock`);
    });
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log(`${name} cancelled while waiting`);
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  const lock = new asyncio.Lock();
  try {
    lock.release();
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    console.log("release unlocked: RuntimeError");
  }
  yield* lock.acquire();
  const a = asyncio.createTask(waiter("a", lock));
  const b = asyncio.createTask(waiter("b", lock));
  yield* asyncio.sleep(0);
  a.cancel();
  yield* asyncio.sleep(0);
  lock.release();
  yield* asyncio.gather(a, b, { returnExceptions: true });
  console.log("locked at the end:", lock.locked() ? "yes" : "no");
}

await asyncio.run(main());
