// ensureFuture wraps a coroutine in a Task and returns a Future unchanged.
import * as asyncio from "asyncio";

const yesNo = (b: boolean) => (b ? "yes" : "no");

function* value(): asyncio.Coroutine<string> {
  return "v";
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<string>();
  console.log("same future back:", yesNo(asyncio.ensureFuture(fut) === fut));
  const coro = value();
  const task = asyncio.ensureFuture(coro);
  console.log("coroutine became a Task:", yesNo(task instanceof asyncio.Task));
  console.log("named", (task as asyncio.Task<string>).getName());
  console.log("get_coro() is the coroutine:", yesNo((task as asyncio.Task<string>).getCoro() === coro));
  fut.setResult("f");
  console.log(yield* fut, yield* task);
}

await asyncio.run(main());
