// Where streams raise: IncompleteReadError (with the partial bytes) at EOF,
// LimitOverrunError past the reader's limit (the data stays buffered), and
// ConnectionRefusedError once nobody listens.
import * as asyncio from "asyncio";

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter): asyncio.Coroutine<void> {
  yield* reader.readline();
  writer.write(`${"x".repeat(20)}\n`);
  writer.write("abc");
  yield* writer.drain();
  writer.close();
  yield* writer.waitClosed();
}

function* main(): asyncio.Coroutine<void> {
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0]!.getsockname()[1];
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port, { limit: 8 });
  writer.write("go\n");
  try {
    yield* reader.readuntil("\n");
  } catch (e) {
    if (!(e instanceof asyncio.LimitOverrunError)) throw e;
    console.log(e.name, e.message, e.consumed);
  }
  const line = yield* reader.readexactly(21);
  console.log("still buffered:", line.length, "bytes");
  try {
    yield* reader.readexactly(5);
  } catch (e) {
    if (!(e instanceof asyncio.IncompleteReadError)) throw e;
    console.log(e.name, e.message);
    console.log("partial:", new TextDecoder().decode(e.partial), "expected:", e.expected);
  }
  const after = yield* reader.read(10);
  console.log("after EOF:", after.length, "bytes; at_eof:", reader.atEof() ? "yes" : "no");
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
  try {
    yield* asyncio.openConnection("127.0.0.1", port);
  } catch (e) {
    if (!(e instanceof asyncio.ConnectionRefusedError)) throw e;
    console.log(e.name, e.errno);
  }
}

await asyncio.run(main());
