// BoundedSemaphore refuses to be released above its initial value; a plain
// Semaphore allows it.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const sem = new asyncio.BoundedSemaphore(1);
  yield* sem.acquire();
  console.log("locked:", sem.locked() ? "yes" : "no");
  sem.release();
  try {
    sem.release();
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    console.log("over-release: ValueError");
  }
  const plain = new asyncio.Semaphore(1);
  plain.release();
  yield* plain.acquire();
  yield* plain.acquire();
  console.log("plain semaphore went above its initial value");
  console.log("locked:", plain.locked() ? "yes" : "no");
}

await asyncio.run(main());
