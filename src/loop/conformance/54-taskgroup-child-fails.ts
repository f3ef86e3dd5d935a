// A failing child cancels its siblings; the block throws an ExceptionGroup
// holding the failure.
import * as asyncio from "asyncio";

function* fail(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.05);
  throw new asyncio.ValueError("child failed");
}

function* sibling(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("sibling cancelled");
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.taskGroup(function* (tg) {
      tg.createTask(fail());
      tg.createTask(sibling());
      console.log("body done, waiting");
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    console.log("caught", eg.name, "with", eg.exceptions.length, "exception(s)");
    for (const e of eg.exceptions as Error[]) {
      console.log(" ", e.name, e.message);
    }
  }
  console.log("main continues");
}

await asyncio.run(main());
