// shield() protects the inner task: cancelling the awaiter throws
// CancelledError there, while the inner task runs on to completion.
import * as asyncio from "asyncio";

function* important(): asyncio.Coroutine<string> {
  yield* asyncio.sleep(0.1);
  console.log("important work finished");
  return "saved";
}

function* caller(inner: asyncio.Task<string>): asyncio.Coroutine<string> {
  try {
    return yield* asyncio.shield(inner);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("caller cancelled");
    throw e;
  }
}

function* main(): asyncio.Coroutine<void> {
  const inner = asyncio.createTask(important());
  const outer = asyncio.createTask(caller(inner));
  yield* asyncio.sleep(0.05);
  outer.cancel();
  try {
    yield* outer;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("outer is cancelled");
  }
  console.log("inner cancelled:", inner.cancelled() ? "yes" : "no");
  console.log("inner result:", yield* inner);
}

await asyncio.run(main());
