// Tasks start in the order they were created, each in its own loop step.
import * as asyncio from "asyncio";

function* worker(name: string): asyncio.Coroutine<void> {
  console.log(`${name} starts`);
  yield* asyncio.sleep(0);
  console.log(`${name} continues`);
}

function* main(): asyncio.Coroutine<void> {
  const tasks = ["a", "b", "c"].map((name) => asyncio.createTask(worker(name)));
  console.log("all created");
  for (const task of tasks) {
    yield* task;
  }
  console.log("all done");
}

await asyncio.run(main());
