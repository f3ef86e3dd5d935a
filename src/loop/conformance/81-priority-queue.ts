// PriorityQueue returns the smallest entry first; [priority, data] arrays
// compare like Python tuples.
import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const q = new asyncio.PriorityQueue<[number, string]>();
  const entries: [number, string][] = [[3, "low"], [1, "urgent"], [2, "normal"], [0, "critical"]];
  for (const entry of entries) {
    q.putNowait(entry);
  }
  while (!q.empty()) {
    const [priority, name] = yield* q.get();
    console.log(priority, name);
  }
}

await asyncio.run(main());
