// An exception in the body of the block cancels the children and is itself
// wrapped in the ExceptionGroup.
import * as asyncio from "asyncio";

function* child(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("child cancelled");
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.taskGroup(function* (tg) {
      tg.createTask(child());
      yield* asyncio.sleep(0.05);
      throw new asyncio.RuntimeError("body failed");
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    console.log("group of", eg.exceptions.length);
    for (const e of eg.exceptions as Error[]) {
      console.log(" ", e.name, e.message);
    }
  }
}

await asyncio.run(main());
