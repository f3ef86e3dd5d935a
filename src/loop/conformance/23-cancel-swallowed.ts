// A task may catch CancelledError and return normally: it then finishes with
// a result, not cancelled, though cancelling() still counts the request.
import * as asyncio from "asyncio";

function* stubborn(): asyncio.Coroutine<string> {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("stubborn: ignoring the cancellation");
  }
  yield* asyncio.sleep(0.05);
  return "finished anyway";
}

function* main(): asyncio.Coroutine<void> {
  const task = asyncio.createTask(stubborn());
  yield* asyncio.sleep(0);
  task.cancel();
  const result = yield* task;
  console.log("result:", result);
  console.log("cancelled:", task.cancelled() ? "yes" : "no");
  console.log("cancelling:", task.cancelling());
}

await asyncio.run(main());
