// A server and a connection the program never closes do not keep the process alive after run().
import * as asyncio from "asyncio";

const connected = new asyncio.Event();

function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter): asyncio.Coroutine<void> {
  console.log("server: client connected");
  connected.set();
}

function* main(): asyncio.Coroutine<void> {
  const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0]!.getsockname()[1];
  // biome-ignore lint/correctness/noUnusedVariables: forgotten on purpose
  const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", port);
  yield* connected.wait();
  console.log("main: leaving the socket and the server open");
}

await asyncio.run(main());
console.log("run() returned");
