// Without returnExceptions, the first failure propagates to the awaiter at
// once; the other children are not cancelled and keep running.
import * as asyncio from "asyncio";

function* fail(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.05);
  throw new asyncio.ValueError("child failed");
}

function* survivor(): asyncio.Coroutine<string> {
  yield* asyncio.sleep(0.15);
  console.log("survivor finished anyway");
  return "survived";
}

function* main(): asyncio.Coroutine<void> {
  const surv = asyncio.createTask(survivor());
  try {
    yield* asyncio.gather(fail(), surv);
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    console.log("gather raised:", e.message);
  }
  console.log("survivor cancelled:", surv.cancelled() ? "yes" : "no");
  console.log("survivor result:", yield* surv);
}

await asyncio.run(main());
