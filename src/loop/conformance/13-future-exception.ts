// A Future finished with an exception: exception() returns it, result() and
// yield* throw it.
import * as asyncio from "asyncio";

class BoomError extends Error {
  override name = "BoomError";
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<never>();
  fut.setException(new BoomError("boom"));
  const exc = fut.exception() as Error;
  console.log("exception():", exc.name, exc.message);
  try {
    fut.result();
  } catch (e) {
    if (!(e instanceof BoomError)) throw e;
    console.log("result() raised", e.name, e.message);
  }
  try {
    yield* fut;
  } catch (e) {
    if (!(e instanceof BoomError)) throw e;
    console.log("await raised", e.name, e.message);
  }
  console.log("cancelled:", fut.cancelled() ? "yes" : "no");
}

await asyncio.run(main());
