/**
 * The server side of the 10,000-connection stress test (`node/net-stress.test.ts`): one
 * `startServer()` on 127.0.0.1, port 0, whose handler echoes one line per client and
 * holds the connection until the client closes.
 *
 * Usage: node stress-server.ts COUNT. Prints `{"port": N}` once listening, then, once
 * COUNT clients have come and gone, `{ "echoed", "mostActive", "active" }`, and exits.
 */
import { Event } from "../locks.ts";
import * as asyncio from "../node-entry.ts";

const count = Number(process.argv[2]);

function* main(): asyncio.Coroutine<{ echoed: number; mostActive: number; active: number }> {
  let active = 0;
  let mostActive = 0;
  let echoed = 0;
  let finished = 0;
  const allDone = new Event();
  const server = yield* asyncio.startServer(
    function* (reader, writer) {
      mostActive = Math.max(mostActive, ++active);
      try {
        writer.write(yield* reader.readline());
        yield* writer.drain();
        echoed++;
        yield* reader.read(); // until the client closes
      } finally {
        active--;
        writer.close();
        if (++finished === count) allDone.set();
      }
    },
    "127.0.0.1",
    0,
    { backlog: 4096 },
  );
  console.log(JSON.stringify({ port: server.sockets[0]!.getsockname()[1] }));
  yield* allDone.wait();
  server.close();
  yield* server.waitClosed();
  return { echoed, mostActive, active };
}

console.log(JSON.stringify(await asyncio.run(main())));
