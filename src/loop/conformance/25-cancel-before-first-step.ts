// A task cancelled before its first step never runs its body: CancelledError
// is thrown into the coroutine at its very start.
import * as asyncio from "asyncio";

function* body(): asyncio.Coroutine<void> {
  console.log("never printed");
}

function* main(): asyncio.Coroutine<void> {
  const task = asyncio.createTask(body());
  task.cancel();
  console.log("cancelled before it ran");
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("task raised CancelledError");
  }
  console.log("cancelled:", task.cancelled() ? "yes" : "no");
}

await asyncio.run(main());
