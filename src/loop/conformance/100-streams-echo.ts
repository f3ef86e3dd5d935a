// A TCP echo server and a client on loopback: startServer on port 0, openConnection,
// readline/write/drain, writeEof, EOF, then closing both sides.
import * as asyncio from "asyncio";

const decoder = new TextDecoder();

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter): asyncio.Coroutine<void> {
  const [host] = writer.getExtraInfo("peername") as [string, number];
  console.log("server: client from", host);
  for (;;) {
    const line = yield* reader.readline();
    if (line.length === 0) break;
    console.log("server got", decoder.decode(line).trim());
    writer.write(line.map((b) => (b >= 97 && b <= 122 ? b - 32 : b))); // bytes.upper(): ASCII only
    yield* writer.drain();
  }
  console.log("server: client sent EOF");
  writer.close();
  yield* writer.waitClosed();
}

function* main(): asyncio.Coroutine<void> {
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0]!.getsockname()[1];
  console.log("serving:", port > 0 ? "yes" : "no");
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  for (const word of ["hello", "wörld"]) {
    writer.write(`${word}\n`);
    yield* writer.drain();
    const reply = yield* reader.readline();
    console.log("client got", decoder.decode(reply).trim());
  }
  writer.writeEof();
  const rest = yield* reader.read();
  console.log("client read", rest.length, "bytes at EOF; at_eof:", reader.atEof() ? "yes" : "no");
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
  console.log("server serving:", server.isServing() ? "yes" : "no");
}

await asyncio.run(main());
