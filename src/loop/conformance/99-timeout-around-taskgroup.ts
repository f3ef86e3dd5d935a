// A timeout around a task group: on expiry the body and the children are
// cancelled, and the timeout turns that into a plain TimeoutError.
import * as asyncio from "asyncio";

function* slow(name: string): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log(`${name} cancelled`);
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.timeout(0.1, function* () {
      yield* asyncio.taskGroup(function* (tg) {
        tg.createTask(slow("child"));
        yield* asyncio.sleep(10);
      });
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    console.log("TimeoutError, not an ExceptionGroup");
  }
  console.log("cancelling():", asyncio.currentTask()!.cancelling());
}

await asyncio.run(main());
