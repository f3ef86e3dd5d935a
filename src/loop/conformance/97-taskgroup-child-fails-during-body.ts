// A child failing while the body is still waiting cancels the body too; the
// block then throws the ExceptionGroup, and the enclosing task is not left
// with a pending cancel request.
import * as asyncio from "asyncio";

function* fail(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.05);
  throw new asyncio.ValueError("child failed");
}

function* main(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.taskGroup(function* (tg) {
      tg.createTask(fail());
      try {
        yield* asyncio.sleep(10);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) console.log("body cancelled by the failing child");
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    console.log("group:", (eg.exceptions as Error[]).map((e) => `${e.name}(${e.message})`).join(", "));
  }
  console.log("main cancelling():", asyncio.currentTask()!.cancelling());
}

await asyncio.run(main());
