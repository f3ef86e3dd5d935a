// cancelling() counts pending cancel requests; uncancel() decrements it.
import * as asyncio from "asyncio";

const yesNo = (b: boolean) => (b ? "yes" : "no");

function* worker(): asyncio.Coroutine<string> {
  const me = asyncio.currentTask()!;
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("worker: cancelling() =", me.cancelling());
    console.log("worker: uncancel() ->", me.uncancel());
    console.log("worker: uncancel() ->", me.uncancel());
  }
  yield* asyncio.sleep(0);
  console.log("worker: still running, cancelling() =", me.cancelling());
  return "ok";
}

function* main(): asyncio.Coroutine<void> {
  const task = asyncio.createTask(worker());
  yield* asyncio.sleep(0);
  console.log("first cancel:", yesNo(task.cancel()));
  console.log("second cancel:", yesNo(task.cancel()));
  console.log("main: cancelling() =", task.cancelling());
  console.log("main: result", yield* task);
}

await asyncio.run(main());
