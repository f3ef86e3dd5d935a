/**
 * Writing over TCP when the peer reads slowly: `drain()` waits and resumes, every byte is
 * delivered in order after `writeEof()` or `close()`, and the bytes sent are the ones
 * given to `write()` even if the caller changes its array afterwards. (The transport's
 * fast path writes without a completion callback; these pin what must still hold.)
 */
import { expect, test } from "vitest";
import { getRunningLoop } from "../events.ts";
import { openConnection, startServer, type StreamReader, type StreamWriter } from "../streams.ts";
import { sleep } from "../tasks.ts";
import { portOf, runOver } from "../testing/streams-suite.ts";
import { netBackend } from "./net-transport.ts";

const SIZE = 8 << 20; // far beyond every buffer on the way, so writes must queue

/** A slow server: waits, then reads everything until EOF and reports what it got. */
function slowSink(result: { bytes: Uint8Array[] }) {
  return function* (reader: StreamReader, writer: StreamWriter) {
    yield* sleep(0.2);
    for (;;) {
      const data = yield* reader.read(1 << 16);
      if (data.length === 0) break;
      result.bytes.push(data);
    }
    writer.close();
  };
}

function counts(chunks: Uint8Array[]): Map<number, number> {
  const seen = new Map<number, number>();
  for (const chunk of chunks) for (const byte of chunk) seen.set(byte, (seen.get(byte) ?? 0) + 1);
  return seen;
}

test("drain() waits for a slow reader and resumes; writeEof() then delivers every byte as written", async () => {
  const got = { bytes: [] as Uint8Array[] };
  const { result } = await runOver(netBackend, function* () {
    const server = yield* startServer(slowSink(got), "127.0.0.1", 0);
    const [reader, writer] = yield* openConnection("127.0.0.1", portOf(server));
    const chunk = new Uint8Array(1 << 16);
    let waited = 0;
    for (let sent = 0; sent < SIZE; sent += chunk.length) {
      chunk.fill(7);
      writer.write(chunk);
      chunk.fill(9); // the transport must have taken its own copy
      const before = getRunningLoop().time();
      yield* writer.drain();
      if (getRunningLoop().time() - before > 0.01) waited++;
    }
    writer.writeEof();
    yield* reader.read(); // the server closes once it has read to EOF
    writer.close();
    yield* writer.waitClosed();
    server.close();
    yield* server.waitClosed();
    return waited;
  });
  expect(result).toBeGreaterThan(0);
  expect(counts(got.bytes)).toEqual(new Map([[7, SIZE]]));
});

test("one large write followed at once by close() is flushed before the connection closes", async () => {
  const got = { bytes: [] as Uint8Array[] };
  const { result } = await runOver(netBackend, function* () {
    const server = yield* startServer(slowSink(got), "127.0.0.1", 0);
    const [, writer] = yield* openConnection("127.0.0.1", portOf(server));
    const big = new Uint8Array(SIZE).fill(5);
    writer.write(big);
    big.fill(1);
    const queued = writer.transport.getWriteBufferSize() > 0;
    writer.close();
    yield* writer.waitClosed();
    for (let i = 0; i < 100 && got.bytes.reduce((n, b) => n + b.length, 0) < SIZE; i++) yield* sleep(0.05);
    server.close();
    yield* server.waitClosed();
    return queued;
  });
  expect(result).toBe(true);
  expect(counts(got.bytes)).toEqual(new Map([[5, SIZE]]));
});
