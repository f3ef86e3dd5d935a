// Cancelling a sleeping task throws CancelledError into it at its yield*;
// its finally block runs, and awaiting the task throws CancelledError.
import * as asyncio from "asyncio";

const yesNo = (b: boolean) => (b ? "yes" : "no");

function* sleeper(): asyncio.Coroutine<void> {
  try {
    console.log("sleeper: going to sleep");
    yield* asyncio.sleep(10);
    console.log("sleeper: never reached");
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("sleeper: cancelled");
    throw e;
  } finally {
    console.log("sleeper: finally");
  }
}

function* main(): asyncio.Coroutine<void> {
  const task = asyncio.createTask(sleeper());
  yield* asyncio.sleep(0.05);
  console.log("cancel returned", yesNo(task.cancel()));
  console.log("cancelled right away:", yesNo(task.cancelled()));
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("main: awaiting the task raised CancelledError");
  }
  console.log("cancelled now:", yesNo(task.cancelled()));
  console.log("cancel again:", yesNo(task.cancel()));
}

await asyncio.run(main());
