// currentTask() is the running task; allTasks() the tasks not yet done.
import * as asyncio from "asyncio";

const names = (tasks: Iterable<asyncio.Task<unknown>>) => [...tasks].map((t) => t.getName()).sort().join(", ");

function* child(): asyncio.Coroutine<void> {
  const me = asyncio.currentTask()!;
  console.log("child sees itself as", me.getName());
  yield* asyncio.sleep(0.1);
}

function* main(): asyncio.Coroutine<void> {
  console.log("current:", asyncio.currentTask()!.getName());
  const tasks = [0, 1].map((i) => asyncio.createTask(child(), { name: `child-${i}` }));
  yield* asyncio.sleep(0.05);
  console.log("all:", names(asyncio.allTasks()));
  yield* asyncio.gather(...tasks);
  console.log("after gather:", names(asyncio.allTasks()));
}

await asyncio.run(main());
