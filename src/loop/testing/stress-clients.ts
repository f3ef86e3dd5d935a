/**
 * The client side of the 10,000-connection stress test (`node/net-stress.test.ts`), run
 * as its own process so that each side has its own file-descriptor budget.
 *
 * Usage: node stress-clients.ts PORT COUNT. Opens COUNT connections (at most 500
 * connecting at once), holds them all open, then each sends one line and checks the
 * echo, then all close. Prints one JSON line: { connected, echoed, seconds }.
 */
import { asyncWith, Semaphore } from "../locks.ts";
import * as asyncio from "../node-entry.ts";

const [port, count] = process.argv.slice(2).map(Number) as [number, number];

function* main(): asyncio.Coroutine<{ connected: number; echoed: number; seconds: number }> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const connecting = new Semaphore(500);
  const pairs: [asyncio.StreamReader, asyncio.StreamWriter][] = [];
  function* connect(): asyncio.Coroutine<void> {
    yield* asyncWith(connecting, function* () {
      pairs.push(yield* asyncio.openConnection("127.0.0.1", port));
    });
  }
  yield* asyncio.gather(...Array.from({ length: count }, () => connect()));
  const connected = pairs.length;
  let echoed = 0;
  function* exchange(i: number, reader: asyncio.StreamReader, writer: asyncio.StreamWriter): asyncio.Coroutine<void> {
    const line = `client ${i}\n`;
    writer.write(line);
    yield* writer.drain();
    if (new TextDecoder().decode(yield* reader.readline()) === line) echoed++;
  }
  yield* asyncio.gather(...pairs.map(([reader, writer], i) => exchange(i, reader, writer)));
  for (const [, writer] of pairs) writer.close();
  yield* asyncio.gather(...pairs.map(([, writer]) => writer.waitClosed()));
  return { connected, echoed, seconds: loop.time() - start };
}

console.log(JSON.stringify(await asyncio.run(main())));
