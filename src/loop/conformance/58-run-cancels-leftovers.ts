// When main returns, run() cancels tasks still pending and lets them finish:
// their finally blocks run before run() settles.
import * as asyncio from "asyncio";

function* background(): asyncio.Coroutine<void> {
  try {
    console.log("background: started");
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("background: cancelled by run()");
    throw e;
  } finally {
    console.log("background: finally");
  }
}

function* main(): asyncio.Coroutine<string> {
  asyncio.createTask(background());
  yield* asyncio.sleep(0.05);
  console.log("main: returning");
  return "main result";
}

console.log("run returned", await asyncio.run(main()));
