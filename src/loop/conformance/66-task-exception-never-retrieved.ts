// A task whose exception nobody retrieves is reported on stderr ("Task
// exception was never retrieved"), not swallowed.
import * as asyncio from "asyncio";

function* fails(): asyncio.Coroutine<never> {
  throw new asyncio.ValueError("nobody looks at me");
}

function* main(): asyncio.Coroutine<void> {
  asyncio.createTask(fails());
  yield* asyncio.sleep(0.05);
  console.log("main done");
}

await asyncio.run(main());
