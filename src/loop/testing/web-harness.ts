/**
 * Runs in a browser page (bundled by `web/web-entry.browser.test.ts`). It imports the
 * built package by name, as a bundler for the browser resolves it: the `default`
 * export condition, so threads are Web Workers and streams the in-memory loopback.
 */
import * as asyncio from "asyncio";

const decoder = new TextDecoder();

function* caught(body: asyncio.Coroutine<unknown>): asyncio.Coroutine<unknown> {
  try {
    yield* body;
  } catch (error) {
    return error;
  }
  return null;
}

const describe = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

function* checks(): asyncio.Coroutine<Record<string, unknown>> {
  const loop = asyncio.getRunningLoop();
  const out: Record<string, unknown> = {};
  out.sum = yield* asyncio.toThread((a: number, b: number) => a + b, 2, 3);
  out.error = describe(yield* caught(asyncio.toThread(() => {
    class QuotaError extends Error {}
    throw new QuotaError("over quota");
  })));
  const outer = 3;
  out.reference = describe(yield* caught(asyncio.toThread((x: number) => x * outer, 2)));
  out.clone = describe(yield* caught(asyncio.toThread((f: unknown) => typeof f, () => 1)));
  // A blocking call does not stall the loop.
  const start = loop.time();
  let ticks = 0;
  function* ticker(): asyncio.Coroutine<void> {
    while (loop.time() - start < 0.3) {
      yield* asyncio.sleep(0.05);
      ticks++;
    }
  }
  const spin = (ms: number): number => {
    const end = Date.now() + ms;
    let n = 0;
    while (Date.now() < end) n++;
    return n > 0 ? ms : 0;
  };
  const [spun] = yield* asyncio.gather(asyncio.toThread(spin, 250), ticker());
  out.spun = spun;
  out.ticks = ticks;
  // Streams over the in-memory loopback.
  const server = yield* asyncio.startServer(function* (reader, writer) {
    writer.write((yield* reader.readline()).reverse());
    yield* writer.drain();
    writer.close();
    yield* writer.waitClosed();
  }, "127.0.0.1", 0);
  const port = server.sockets[0]!.getsockname()[1];
  const [reader, writer] = yield* asyncio.openConnection("localhost", port);
  writer.write("abc\n");
  out.echo = decoder.decode(yield* reader.read());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
  out.refused = describe(yield* caught(asyncio.openConnection("127.0.0.1", port)));
  return out;
}

(globalThis as unknown as { runChecks: () => Promise<Record<string, unknown>> }).runChecks = () => asyncio.run(checks());
