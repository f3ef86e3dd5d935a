import * as net from "node:net";
import { describe, expect, test } from "vitest";
import { openConnection, startServer } from "../streams.ts";
import { Event } from "../locks.ts";
import { echoLines, portOf, runOver, streamsSuite, text } from "../testing/streams-suite.ts";
import { netBackend } from "./net-transport.ts";

streamsSuite("Node net (TCP)", netBackend);

/** Sockets and servers Node is holding, by kind. */
function netResources(): string[] {
  return process.getActiveResourcesInfo().filter((kind) => kind.startsWith("TCP"));
}

/**
 * One full turn of Node's event loop. A destroyed socket's file descriptor is closed at
 * once, but Node drops the handle in the loop's close phase, so it is still listed
 * right after `destroy()`.
 */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

describe("Node net specifics", () => {
  test("no socket or server is left after run() returns", async () => {
    await settle();
    expect(netResources()).toEqual([]); // nor after the suite's tests above
    await runOver(netBackend, function* () {
      const server = yield* startServer(echoLines, "127.0.0.1", 0);
      for (let i = 0; i < 5; i++) {
        const [reader, writer] = yield* openConnection("127.0.0.1", portOf(server));
        writer.write("ping\n");
        expect(text(yield* reader.readline())).toBe("ping\n");
        writer.close();
        yield* writer.waitClosed();
      }
      server.close();
      yield* server.waitClosed();
    });
    await settle();
    expect(netResources()).toEqual([]);
  });

  test("sockets left open by a finished run are dropped, not served, when their peer writes", async () => {
    // Plain Node sockets at the other ends: a client of the run's server, the server of its client.
    const rawServer = net.createServer();
    const accepted = new Promise<net.Socket>((resolve) => rawServer.once("connection", resolve));
    await new Promise<void>((resolve) => rawServer.listen(0, "127.0.0.1", resolve));
    let rawClient: net.Socket | null = null;
    const served: string[] = [];
    await runOver(netBackend, function* () {
      const connected = new Event();
      const server = yield* startServer(function* (reader) {
        connected.set();
        served.push(text(yield* reader.readline()));
      }, "127.0.0.1", 0);
      rawClient = net.connect(portOf(server), "127.0.0.1");
      yield* connected.wait();
      server.close();
      yield* openConnection("127.0.0.1", (rawServer.address() as net.AddressInfo).port); // left open on purpose
    });
    const peers = [rawClient!, await accepted];
    const closed = peers.map((peer) => new Promise((resolve) => peer.on("error", () => {}).once("close", resolve)));
    // The run's loop is closed: data arriving for it must not throw into Node, and each of
    // its sockets is destroyed, which closes the peer (or the test times out).
    for (const peer of peers) peer.write("late\n");
    await Promise.all(closed);
    rawServer.close();
    expect(served).toEqual([]);
  });

  test("bytes a client read stay as read while later reads arrive (connecting sockets share one read buffer)", async () => {
    const { result } = await runOver(netBackend, function* () {
      const server = yield* startServer(function* (reader, writer) {
        // One message at a time: each read below gets its own arrival.
        for (const fill of [0x61, 0x62, 0x63]) {
          writer.write(new Uint8Array(1000).fill(fill));
          yield* writer.drain();
          yield* reader.readexactly(1);
        }
        writer.close();
      }, "127.0.0.1", 0);
      const [reader, writer] = yield* openConnection("127.0.0.1", portOf(server));
      const kept: Uint8Array[] = [];
      for (let i = 0; i < 3; i++) {
        kept.push(yield* reader.readexactly(1000));
        writer.write("k");
      }
      writer.close();
      server.close();
      yield* server.waitClosed();
      return kept.map((chunk) => [chunk.constructor.name, String.fromCharCode(...new Set(chunk))]);
    });
    expect(result).toEqual([
      ["Uint8Array", "a"],
      ["Uint8Array", "b"],
      ["Uint8Array", "c"],
    ]);
  });

  test("connection refused to an unused port names the address as Python does", async () => {
    const { result } = await runOver(netBackend, function* () {
      try {
        yield* openConnection("127.0.0.1", 1);
      } catch (e) {
        return e as Error;
      }
      return null;
    });
    expect(result?.name).toBe("ConnectionRefusedError");
    expect(result?.message).toBe("[Errno 111] Connect call failed ('127.0.0.1', 1)");
  });
});
