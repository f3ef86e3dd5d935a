// taskGroup's createTask schedules like createTask: children start only when
// the body yields to the loop.
import * as asyncio from "asyncio";

function* child(name: string): asyncio.Coroutine<void> {
  console.log(`${name} starts`);
  yield* asyncio.sleep(0);
  console.log(`${name} ends`);
}

function* main(): asyncio.Coroutine<void> {
  yield* asyncio.taskGroup(function* (tg) {
    tg.createTask(child("one"));
    tg.createTask(child("two"));
    console.log("body: tasks created");
    yield* asyncio.sleep(0);
    console.log("body: after sleep(0)");
  });
  console.log("group done");
}

await asyncio.run(main());
