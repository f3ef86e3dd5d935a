// A task's return value is its result; an exception escaping the coroutine
// finishes the task with that exception.
import * as asyncio from "asyncio";

function* ok(): asyncio.Coroutine<number> {
  yield* asyncio.sleep(0);
  return 7;
}

function* fails(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0);
  throw new asyncio.ValueError("bad value");
}

function* main(): asyncio.Coroutine<void> {
  const good = asyncio.createTask(ok());
  const bad = asyncio.createTask(fails());
  try {
    good.result();
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    console.log("result() before done: InvalidStateError");
  }
  console.log("good:", yield* good);
  try {
    yield* bad;
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    console.log("bad raised:", e.name, e.message);
  }
  console.log("bad.exception():", (bad.exception() as Error).name);
  console.log("bad done:", bad.done() ? "yes" : "no");
}

await asyncio.run(main());
