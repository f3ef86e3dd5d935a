import { describe, expect, test } from "vitest";
import { openConnection, startServer } from "./streams.ts";
import { echoLines, portOf, runOver, streamsSuite } from "./testing/streams-suite.ts";
import { memoryBackend } from "./transport-memory.ts";

streamsSuite("the in-memory transport", memoryBackend);

describe("in-memory transport specifics", () => {
  test("localhost and 127.0.0.1 are one loopback; other hosts are unreachable", async () => {
    const { result } = await runOver(memoryBackend, function* () {
      const server = yield* startServer(echoLines, "localhost", 0);
      const port = portOf(server);
      const [reader, writer] = yield* openConnection("127.0.0.1", port);
      writer.write("x\n");
      const line = yield* reader.readline();
      writer.close();
      yield* writer.waitClosed();
      let unreachable: unknown = null;
      try {
        yield* openConnection("10.0.0.1", port);
      } catch (e) {
        unreachable = e;
      }
      let badBind: unknown = null;
      try {
        yield* startServer(echoLines, "192.168.1.1", 0);
      } catch (e) {
        badBind = e;
      }
      server.close();
      yield* server.waitClosed();
      return { line: line.length, unreachable, badBind, family: server.sockets.length };
    });
    expect(result.line).toBe(2);
    expect((result.unreachable as { code: string }).code).toBe("EHOSTUNREACH");
    expect((result.badBind as { errno: number }).errno).toBe(99);
  });

  test("a closed server frees its port for the next run", async () => {
    let port = 0;
    await runOver(memoryBackend, function* () {
      const server = yield* startServer(echoLines, "127.0.0.1", 0);
      port = portOf(server);
      server.close();
      yield* server.waitClosed();
    });
    const { result } = await runOver(memoryBackend, function* () {
      const server = yield* startServer(echoLines, "127.0.0.1", port);
      const same = portOf(server) === port;
      server.close();
      yield* server.waitClosed();
      return same;
    });
    expect(result).toBe(true);
  });
});
