// gather returns results in argument order, whatever the completion order.
import * as asyncio from "asyncio";

function* job(name: string, delay: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(delay);
  console.log(`${name} finished`);
  return name.toUpperCase();
}

function* main(): asyncio.Coroutine<void> {
  const results = yield* asyncio.gather(job("slow", 0.2), job("fast", 0.05), job("mid", 0.1));
  console.log("results:", results.join(", "));
}

await asyncio.run(main());
