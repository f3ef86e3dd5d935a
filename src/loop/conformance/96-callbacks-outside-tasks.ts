// A plain callback runs outside any task: currentTask() is null there.
// A task's done callbacks receive the task itself.
import * as asyncio from "asyncio";

function inCallback(): void {
  console.log("in a callback, current task:", asyncio.currentTask() === null ? "none" : "some");
}

function* job(): asyncio.Coroutine<number> {
  yield* asyncio.sleep(0);
  return 5;
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  loop.callSoon(inCallback);
  const task = asyncio.createTask(job(), { name: "job" });
  task.addDoneCallback((t) => console.log("done callback got", (t as asyncio.Task<number>).getName(), "with", t.result()));
  console.log("awaited", yield* task);
  yield* asyncio.sleep(0);
  console.log("negative sleep returns", yield* asyncio.sleep(-1, "at once"));
}

await asyncio.run(main());
