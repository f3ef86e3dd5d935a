// LifoQueue returns the most recently added entry first.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const q = new asyncio.LifoQueue<string>();
  for (const item of ["bottom", "middle", "top"]) {
    yield* q.put(item);
  }
  while (!q.empty()) {
    console.log(yield* q.get());
  }
}

await asyncio.run(main());
