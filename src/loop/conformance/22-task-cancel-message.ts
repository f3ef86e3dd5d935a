// cancel(msg) passes the message to the CancelledError thrown inside the task
// and to the one thrown by awaiting it.
import * as asyncio from "asyncio";

function* worker(): asyncio.Coroutine<void> {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("inside:", e.message);
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  const task = asyncio.createTask(worker());
  yield* asyncio.sleep(0);
  task.cancel("shutting down");
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("outside:", e.message);
  }
}

await asyncio.run(main());
