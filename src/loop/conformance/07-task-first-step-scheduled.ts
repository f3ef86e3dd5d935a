// createTask does not run the coroutine: its first step is scheduled with
// callSoon and runs when the creator yields to the loop.
import * as asyncio from "asyncio";

function* child(): asyncio.Coroutine<string> {
  console.log("child: first step");
  return "child result";
}

function* main(): asyncio.Coroutine<void> {
  console.log("main: before create_task");
  const task = asyncio.createTask(child());
  console.log("main: after create_task");
  asyncio.getRunningLoop().callSoon(console.log, "callback scheduled after the task");
  const result = yield* task;
  console.log("main: got", result);
}

await asyncio.run(main());
