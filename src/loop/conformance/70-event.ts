// Event.set() wakes every waiter, in the order they started waiting; wait()
// on a set event returns at once; clear() resets it.
import * as asyncio from "asyncio";

function* waiter(name: string, event: asyncio.Event): asyncio.Coroutine<void> {
  console.log(`${name} waiting`);
  yield* event.wait();
  console.log(`${name} woke`);
}

function* main(): asyncio.Coroutine<void> {
  const event = new asyncio.Event();
  const tasks = ["a", "b", "c"].map((n) => asyncio.createTask(waiter(n, event)));
  yield* asyncio.sleep(0.05);
  console.log("setting");
  event.set();
  console.log("is_set:", event.isSet() ? "yes" : "no");
  yield* asyncio.gather(...tasks);
  if (yield* event.wait()) {
    console.log("wait() on a set event returned True at once");
  }
  event.clear();
  console.log("is_set after clear:", event.isSet() ? "yes" : "no");
}

await asyncio.run(main());
