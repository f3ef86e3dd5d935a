// If a child is cancelled (and returnExceptions is false) gather throws
// CancelledError; the other child is left running.
import * as asyncio from "asyncio";

function* longJob(): asyncio.Coroutine<string> {
  yield* asyncio.sleep(0.1);
  console.log("long job finished");
  return "long";
}

function* main(): asyncio.Coroutine<void> {
  const victim = asyncio.createTask(asyncio.sleep(10));
  const other = asyncio.createTask(longJob());
  const group = asyncio.gather(victim, other);
  yield* asyncio.sleep(0.05);
  victim.cancel();
  try {
    yield* group;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("gather raised CancelledError");
  }
  console.log("other:", yield* other);
}

await asyncio.run(main());
