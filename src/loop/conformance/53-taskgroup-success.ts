// A task group waits for all its tasks when the block exits.
import * as asyncio from "asyncio";

function* job(name: string, delay: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(delay);
  console.log(`${name} done`);
  return name;
}

function* main(): asyncio.Coroutine<void> {
  let a!: asyncio.Task<string>;
  let b!: asyncio.Task<string>;
  yield* asyncio.taskGroup(function* (tg) {
    a = tg.createTask(job("a", 0.1));
    b = tg.createTask(job("b", 0.05));
    console.log("tasks created");
  });
  console.log("block exited:", a.result(), b.result());
}

await asyncio.run(main());
