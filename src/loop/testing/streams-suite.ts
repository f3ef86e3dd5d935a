/**
 * The streams behaviour suite, run against each network backend (Node's TCP in
 * `node/net-transport.test.ts`, the in-memory loopback in `transport-memory.test.ts`):
 * the same programs must behave the same over both.
 */
import { describe, expect, test } from "vitest";
import type { Awaitable, Coroutine } from "../coroutines.ts";
import { getRunningLoop } from "../events.ts";
import type { ExceptionContext } from "../events.ts";
import { CancelledError, IncompleteReadError, LimitOverrunError, RuntimeError, ValueError } from "../exceptions.ts";
import { Event } from "../locks.ts";
import { ConnectionError, ConnectionRefusedError, ConnectionResetError, OSError } from "../os-errors.ts";
import { run } from "../runners.ts";
import { openConnection, type Server, startServer, type StreamReader, type StreamWriter } from "../streams.ts";
import { createTask, gather, sleep, waitFor } from "../tasks.ts";
import { type NetworkBackend, setNetworkBackend } from "../transports.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
export const bytes = (text: string): Uint8Array => encoder.encode(text);
export const text = (data: Uint8Array): string => decoder.decode(data);

/** Run `main` on a fresh loop over `backend`, failing if anything reaches the loop's exception handler. */
export async function runOver<T>(backend: NetworkBackend, main: () => Coroutine<T>, expectReports = 0): Promise<{ result: T; reports: ExceptionContext[] }> {
  const previous = setNetworkBackend(backend);
  const reports: ExceptionContext[] = [];
  try {
    const result = await run(
      (function* () {
        getRunningLoop().setExceptionHandler((_loop, context) => reports.push(context));
        return yield* main();
      })(),
    );
    if (expectReports === 0 && reports.length > 0) {
      throw new Error(`unexpected reports: ${reports.map((r) => `${r.message}: ${String(r.exception)}`).join("; ")}`);
    }
    return { result, reports };
  } finally {
    setNetworkBackend(previous);
  }
}

/** The port a server listens on. */
export function portOf(server: Server): number {
  return server.sockets[0]!.getsockname()[1];
}

/** A handler that echoes lines until EOF, then closes. */
export function* echoLines(reader: StreamReader, writer: StreamWriter): Coroutine<void> {
  for (;;) {
    const line = yield* reader.readline();
    if (line.length === 0) break;
    writer.write(line);
    yield* writer.drain();
  }
  writer.close();
  yield* writer.waitClosed();
}

function* closeWriter(writer: StreamWriter): Coroutine<void> {
  writer.close();
  yield* writer.waitClosed();
}

function* closeServer(server: Server): Coroutine<void> {
  server.close();
  yield* server.waitClosed();
}

/** Catch what `body` throws, or fail. */
function* thrown(body: Awaitable<unknown>): Coroutine<unknown> {
  try {
    yield* body;
  } catch (error) {
    return error;
  }
  throw new Error("expected an exception");
}

/**
 * The suite. `host` is the loopback address to use (always `127.0.0.1`: tests never
 * touch another address).
 */
export function streamsSuite(name: string, backend: NetworkBackend, host = "127.0.0.1"): void {
  // A limit on hangs, not on speed: 200 TCP clients take about 1 s alone and much longer on a
  // loaded machine, and a test cut off at Vitest's 5 s leaves its loop running into the next.
  describe(`streams over ${name}`, { timeout: 60_000 }, () => {
    test("echo round trips, addresses, port 0", async () => {
      const { result } = await runOver(backend, function* () {
        const server = yield* startServer(echoLines, host, 0);
        const port = portOf(server);
        const [reader, writer] = yield* openConnection(host, port);
        const replies: string[] = [];
        for (const line of ["one\n", "two\n", "héllo wörld\n"]) {
          writer.write(line);
          yield* writer.drain();
          replies.push(text(yield* reader.readline()));
        }
        const peer = writer.getExtraInfo("peername") as [string, number];
        const local = writer.getExtraInfo("sockname") as [string, number];
        yield* closeWriter(writer);
        yield* closeServer(server);
        return { replies, port, peer, local, family: server.sockets.length, missing: writer.getExtraInfo("nope", "dflt") };
      });
      expect(result.replies).toEqual(["one\n", "two\n", "héllo wörld\n"]);
      expect(result.port).toBeGreaterThan(0);
      expect(result.peer).toEqual([host, result.port]);
      expect(result.local[0]).toBe(host);
      expect(result.local[1]).toBeGreaterThan(0);
      expect(result.family).toBe(0); // closed: no sockets left
      expect(result.missing).toBe("dflt");
    });

    test("write() takes strings as UTF-8 and copies bytes", async () => {
      const { result } = await runOver(backend, function* () {
        const server = yield* startServer(function* (reader, writer) {
          writer.write(yield* reader.read());
          yield* closeWriter(writer);
        }, host, 0);
        const [reader, writer] = yield* openConnection(host, portOf(server));
        const data = bytes("abc");
        writer.write(data);
        data[0] = 120; // must not change what was sent
        writer.write("é");
        writer.writeEof();
        const echoed = yield* reader.read();
        yield* closeWriter(writer);
        yield* closeServer(server);
        return Array.from(echoed);
      });
      expect(result).toEqual([97, 98, 99, 0xc3, 0xa9]);
    });

    test("many concurrent clients", async () => {
      const clients = 200;
      const { result } = await runOver(backend, function* () {
        let handled = 0;
        const server = yield* startServer(function* (reader, writer) {
          handled++;
          yield* echoLines(reader, writer);
        }, host, 0);
        const port = portOf(server);
        function* client(i: number): Coroutine<boolean> {
          const [reader, writer] = yield* openConnection(host, port);
          let ok = true;
          for (let round = 0; round < 3; round++) {
            writer.write(`client ${i} round ${round}\n`);
            yield* writer.drain();
            ok &&= text(yield* reader.readline()) === `client ${i} round ${round}\n`;
          }
          yield* closeWriter(writer);
          return ok;
        }
        const oks = yield* gather(...Array.from({ length: clients }, (_, i) => client(i)));
        yield* closeServer(server);
        return { oks, handled };
      });
      expect(result.oks.every(Boolean)).toBe(true);
      expect(result.handled).toBe(clients);
    });

    test("backpressure: a slow reader makes drain() wait, reading resumes it", async () => {
      const chunk = new Uint8Array(256 * 1024).fill(7);
      const { result } = await runOver(backend, function* () {
        const startReading = new Event();
        let received = 0;
        let readerPaused = false;
        const serverDone = new Event();
        const server = yield* startServer(function* (reader, writer) {
          yield* startReading.wait();
          readerPaused = reader._paused;
          for (;;) {
            const data = yield* reader.read(65536);
            if (data.length === 0) break;
            for (const b of data) if (b !== 7) throw new Error("corrupted byte");
            received += data.length;
          }
          yield* closeWriter(writer);
          serverDone.set();
        }, host, 0);
        const [, writer] = yield* openConnection(host, portOf(server));
        const [, high] = writer.transport.getWriteBufferLimits();
        // Write without draining until the transport pauses us (kernel buffers fill first over TCP).
        let sent = 0;
        while (writer.transport.getWriteBufferSize() <= high && sent < 256 * 1024 * 1024) {
          writer.write(chunk);
          sent += chunk.length;
          yield* sleep(0);
        }
        // Then far more than the kernel's buffers can grow to (TCP autotuning may enlarge them
        // while we wait), so the buffer cannot drain below the low mark until the peer reads.
        for (let i = 0; i < 128; i++) writer.write(chunk);
        sent += 128 * chunk.length;
        const drain = createTask(writer.drain());
        yield* sleep(0.2);
        const waited = !drain.done();
        startReading.set();
        yield* waitFor(drain, 10);
        const resumedBuffer = writer.transport.getWriteBufferSize();
        writer.write(chunk);
        sent += chunk.length;
        yield* writer.drain();
        yield* closeWriter(writer);
        yield* serverDone.wait();
        yield* closeServer(server);
        return { waited, sent, received, resumedBuffer, low: writer.transport.getWriteBufferLimits()[0], readerPaused };
      });
      expect(result.waited).toBe(true);
      expect(result.resumedBuffer).toBeLessThanOrEqual(result.low);
      expect(result.received).toBe(result.sent);
      expect(result.readerPaused).toBe(true);
    });

    test("half-close: writeEof, atEof, reading after EOF", async () => {
      const { result } = await runOver(backend, function* () {
        const server = yield* startServer(function* (reader, writer) {
          const request = yield* reader.read(); // until EOF
          const eofSeen = reader.atEof();
          writer.write(`got ${text(request)} eof=${eofSeen}`);
          yield* closeWriter(writer);
        }, host, 0);
        const [reader, writer] = yield* openConnection(host, portOf(server));
        const canWriteEof = writer.canWriteEof();
        writer.write("request");
        writer.writeEof();
        const writeAfterEof = (() => {
          try {
            writer.write("late");
          } catch (e) {
            return e;
          }
          return null;
        })();
        const atEofBefore = reader.atEof();
        const reply = text(yield* reader.read());
        const atEofAfter = reader.atEof();
        const again = yield* reader.read(10);
        const line = yield* reader.readline();
        const exact = yield* thrown(reader.readexactly(1));
        yield* closeWriter(writer);
        yield* closeServer(server);
        return { canWriteEof, writeAfterEof, atEofBefore, reply, atEofAfter, again: again.length, line: line.length, exact };
      });
      expect(result.canWriteEof).toBe(true);
      expect(result.writeAfterEof).toBeInstanceOf(RuntimeError);
      expect(result.atEofBefore).toBe(false);
      expect(result.reply).toBe("got request eof=true");
      expect(result.atEofAfter).toBe(true);
      expect(result.again).toBe(0);
      expect(result.line).toBe(0);
      expect(result.exact).toBeInstanceOf(IncompleteReadError);
      expect((result.exact as IncompleteReadError).partial.length).toBe(0);
      expect((result.exact as IncompleteReadError).expected).toBe(1);
    });

    test("peer reset: reads and drain() raise ConnectionResetError", async () => {
      const { result } = await runOver(backend, function* () {
        const server = yield* startServer(function* (reader, writer) {
          yield* reader.readline();
          writer.transport.abort();
        }, host, 0);
        const [reader, writer] = yield* openConnection(host, portOf(server));
        writer.write("reset me\n");
        yield* writer.drain();
        const readError = yield* thrown(reader.read(100));
        const drainError = yield* thrown(writer.drain());
        const closedError = yield* thrown(writer.waitClosed());
        yield* closeServer(server);
        return { readError, drainError, closedError };
      });
      expect(result.readError).toBeInstanceOf(ConnectionResetError);
      expect((result.readError as OSError).errno).toBe(104);
      expect(result.drainError).toBe(result.readError);
      expect(result.closedError).toBe(result.readError);
    });

    test("writing on after the peer closed fails drain() with a ConnectionError", async () => {
      const { result } = await runOver(backend, function* () {
        const server = yield* startServer(function* (_reader, writer) {
          yield* closeWriter(writer);
        }, host, 0);
        const [reader, writer] = yield* openConnection(host, portOf(server));
        const eof = yield* reader.read(); // the server's close arrives as EOF
        let error: unknown = null;
        for (let i = 0; i < 100 && error === null; i++) {
          try {
            writer.write("more\n");
            yield* writer.drain();
            yield* sleep(0.01);
          } catch (e) {
            error = e;
          }
        }
        writer.close();
        yield* closeServer(server);
        return { eof: eof.length, error };
      });
      expect(result.eof).toBe(0);
      expect(result.error).toBeInstanceOf(ConnectionError);
    });

    test("readexactly short of data raises IncompleteReadError with partial", async () => {
      const { result } = await runOver(backend, function* () {
        const server = yield* startServer(function* (_reader, writer) {
          writer.write("abc");
          yield* closeWriter(writer);
        }, host, 0);
        const [reader, writer] = yield* openConnection(host, portOf(server));
        const error = yield* thrown(reader.readexactly(5));
        yield* closeWriter(writer);
        yield* closeServer(server);
        return error as IncompleteReadError;
      });
      expect(result).toBeInstanceOf(IncompleteReadError);
      expect(text(result.partial)).toBe("abc");
      expect(result.expected).toBe(5);
      expect(result.message).toBe("3 bytes read on a total of 5 expected bytes");
    });

    test("readuntil, LimitOverrunError and readline over the limit", async () => {
      const { result } = await runOver(backend, function* () {
        const server = yield* startServer(function* (_reader, writer) {
          writer.write("HTTP/1.1 200 OK\r\nA: b\r\n\r\n");
          writer.write(`${"x".repeat(40)}END`);
          writer.write(`${"y".repeat(40)}\nshort\n`);
          yield* closeWriter(writer);
        }, host, 0);
        const [reader, writer] = yield* openConnection(host, portOf(server), { limit: 32 });
        const head = text(yield* reader.readuntil("\r\n\r\n"));
        const overrun = (yield* thrown(reader.readuntil(bytes("END")))) as LimitOverrunError;
        const kept = text(yield* reader.readexactly(43)); // the data stayed in the buffer
        const tooLong = yield* thrown(reader.readline());
        const next = text(yield* reader.readline());
        const empty = yield* thrown(reader.readuntil(""));
        yield* closeWriter(writer);
        yield* closeServer(server);
        return { head, overrun, kept, tooLong, next, empty };
      });
      expect(result.head).toBe("HTTP/1.1 200 OK\r\nA: b\r\n\r\n");
      expect(result.overrun).toBeInstanceOf(LimitOverrunError);
      expect(result.overrun.consumed).toBeGreaterThan(32);
      expect(result.kept).toBe(`${"x".repeat(40)}END`);
      expect(result.tooLong).toBeInstanceOf(ValueError);
      expect(result.next).toBe("short\n");
      expect(result.empty).toBeInstanceOf(ValueError);
    });

    test("server close while clients are connected", async () => {
      const { result } = await runOver(backend, function* () {
        const server = yield* startServer(echoLines, host, 0);
        const port = portOf(server);
        const [reader, writer] = yield* openConnection(host, port);
        writer.write("before\n");
        const before = text(yield* reader.readline());
        server.close();
        const serving = server.isServing();
        const sockets = server.sockets.length;
        const refused = yield* thrown(openConnection(host, port));
        const waitClosed = createTask(server.waitClosed());
        writer.write("after\n");
        const after = text(yield* reader.readline());
        yield* sleep(0.05);
        const waitedForClient = !waitClosed.done();
        yield* closeWriter(writer);
        yield* waitFor(waitClosed, 5);
        return { before, after, serving, sockets, refused, waitedForClient };
      });
      expect(result.before).toBe("before\n");
      expect(result.after).toBe("after\n");
      expect(result.serving).toBe(false);
      expect(result.sockets).toBe(0);
      expect(result.refused).toBeInstanceOf(ConnectionRefusedError);
      expect((result.refused as OSError).errno).toBe(111);
      expect((result.refused as Error).message).toMatch(/^\[Errno 111\] Connect call failed \('127\.0\.0\.1', \d+\)$/);
      expect(result.waitedForClient).toBe(true);
    });

    test("serveForever() until cancelled closes the server", async () => {
      const { result } = await runOver(backend, function* () {
        const server = yield* startServer(echoLines, host, 0);
        const forever = createTask(server.serveForever());
        yield* sleep(0.01);
        const second = yield* thrown(server.serveForever());
        forever.cancel();
        const cancelled = yield* thrown(forever);
        return { second, cancelled, serving: server.isServing() };
      });
      expect(result.second).toBeInstanceOf(RuntimeError);
      expect(result.cancelled).toBeInstanceOf(CancelledError);
      expect(result.serving).toBe(false);
    });

    test("address in use raises OSError (EADDRINUSE)", async () => {
      const { result } = await runOver(backend, function* () {
        const server = yield* startServer(echoLines, host, 0);
        const error = yield* thrown(startServer(echoLines, host, portOf(server)));
        yield* closeServer(server);
        return error as OSError;
      });
      expect(result).toBeInstanceOf(OSError);
      expect(result.errno).toBe(98);
      expect(result.message).toMatch(/error while attempting to bind on address .*: address already in use/);
    });

    test("a handler's exception is reported and closes its connection", async () => {
      const { result, reports } = await runOver(
        backend,
        function* () {
          const server = yield* startServer(function* (reader) {
            yield* reader.readline();
            throw new ValueError("handler failed");
          }, host, 0);
          const [reader, writer] = yield* openConnection(host, portOf(server));
          writer.write("hi\n");
          const rest = yield* reader.read();
          yield* closeWriter(writer);
          yield* closeServer(server);
          return rest.length;
        },
        1,
      );
      expect(result).toBe(0);
      expect(reports).toHaveLength(1);
      expect(reports[0]!.message).toBe("Unhandled exception in client_connected_cb");
      expect(reports[0]!.exception).toBeInstanceOf(ValueError);
    });

    test("a cancelled read leaves the reader usable, and buffered data is read without waiting", async () => {
      const { result } = await runOver(backend, function* () {
        // Both lines in one write, so they arrive together: once "abc\n" is read, "def\n" is buffered.
        const server = yield* startServer(function* (reader, writer) {
          yield* reader.readline();
          writer.write("abc\ndef\n");
          yield* writer.drain();
          yield* reader.read(); // the client's EOF
          yield* closeWriter(writer);
        }, host, 0);
        const [reader, writer] = yield* openConnection(host, portOf(server));
        const pending = createTask(reader.readexactly(4));
        yield* sleep(0);
        pending.cancel();
        const cancelled = yield* thrown(pending);
        writer.write("go\n");
        const first = text(yield* reader.readline());
        const step = reader.read(100);
        const immediate = step.next(); // a coroutine that need not wait finishes on its first step
        yield* closeWriter(writer);
        yield* closeServer(server);
        return { cancelled, first, immediate };
      });
      expect(result.cancelled).toBeInstanceOf(CancelledError);
      expect(result.first).toBe("abc\n");
      expect(result.immediate.done).toBe(true);
      expect(text(result.immediate.value as Uint8Array)).toBe("def\n");
    });

    test("one reader, one waiter: a second concurrent read raises RuntimeError", async () => {
      const { result } = await runOver(backend, function* () {
        const server = yield* startServer(echoLines, host, 0);
        const [reader, writer] = yield* openConnection(host, portOf(server));
        const first = createTask(reader.readline());
        yield* sleep(0);
        const second = yield* thrown(reader.read(1));
        writer.write("x\n");
        const line = text(yield* first);
        yield* closeWriter(writer);
        yield* closeServer(server);
        return { second, line };
      });
      expect(result.second).toBeInstanceOf(RuntimeError);
      expect((result.second as Error).message).toBe("read() called while another coroutine is already waiting for incoming data");
      expect(result.line).toBe("x\n");
    });
  });
}
