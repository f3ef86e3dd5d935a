// run() refuses to start while a loop is running in this thread.
import * as asyncio from "asyncio";

function* inner(): asyncio.Coroutine<string> {
  return "never";
}

function* main(): asyncio.Coroutine<string> {
  const coro = inner();
  try {
    void asyncio.run(coro);
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    console.log("nested run: RuntimeError");
  } finally {
    coro.return(undefined as never);
  }
  return "outer ok";
}

console.log(await asyncio.run(main()));
