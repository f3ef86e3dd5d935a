// yield* on a coroutine runs it inside the current task, with no scheduling;
// wrapping it in a task defers it to the loop.
import * as asyncio from "asyncio";

function* where(label: string): asyncio.Coroutine<string> {
  console.log(`${label} runs in ${asyncio.currentTask()!.getName()}`);
  return label;
}

function* main(): asyncio.Coroutine<void> {
  asyncio.getRunningLoop().callSoon(console.log, "a callback scheduled first");
  console.log(yield* where("awaited directly"));
  console.log(yield* asyncio.createTask(where("wrapped in a task")));
}

await asyncio.run(main());
