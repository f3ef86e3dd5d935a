/**
 * The in-memory transport: TCP over loopback, simulated inside one process, for
 * runtimes that have no sockets.
 *
 * Why it exists: the book's network chapters run a server and its clients in one
 * program (`startServer()` on `127.0.0.1`, then `openConnection()` to it). A browser
 * page cannot open TCP sockets at all, and a snippet that only fails there would teach
 * nothing. So where the package's `default` entry is used (the in-page worker runtime,
 * bundlers), streams run over this transport instead: the same `StreamReader`,
 * `StreamWriter` and `Server` code, the same callback order through the loop, and the
 * same write flow control (the water marks of `BaseStreamTransport`), so the
 * snippets print the same lines. Node, WebContainers included, uses real TCP
 * (`node/net-transport.ts`).
 *
 * What it models:
 * - A per-process registry of listening ports on the loopback names `127.0.0.1`,
 *   `localhost` and `::1` (all one interface). Port 0 picks a free port from 32768 up.
 *   Connecting to a port nobody listens on raises `ConnectionRefusedError`, binding a
 *   taken one `OSError` (`EADDRINUSE`), any other host `OSError` (`EADDRNOTAVAIL`/
 *   `EHOSTUNREACH`): what Linux answers.
 * - Bytes move through the loop: a write is delivered to the peer's protocol in a
 *   later loop iteration, coalesced (up to 256 KiB per `dataReceived`) like TCP.
 * - Backpressure: bytes stay in the writer's buffer while the peer's reader has paused
 *   reading (its buffer is over twice its limit), so `drain()` waits exactly when the
 *   peer stops reading. Unlike TCP there are no kernel buffers in between, so it waits
 *   sooner (after the peer's 128 KiB plus the 64 KiB high-water mark).
 * - Half-close (`writeEof()`), close after flush, and `abort()`, which resets the
 *   peer (`ConnectionResetError`); writing to a closed peer resets the writer.
 *
 * What it does not: there is no outside world (no other process can connect), no
 * latency or loss, the backlog is unlimited, and nothing here keeps a host alive: a
 * program whose tasks all wait on in-memory peers that will never write is over.
 */
import type { Coroutine } from "./coroutines.ts";
import type { AbstractEventLoop } from "./events.ts";
import { osError } from "./os-errors.ts";
import {
  type AcceptingServer,
  BaseStreamTransport,
  type ExtraInfo,
  type Listener,
  type NetworkBackend,
  type Protocol,
  type ServerHooks,
  toBytes,
  type Transport,
} from "./transports.ts";

const FIRST_EPHEMERAL_PORT = 32768;
const LAST_PORT = 65535;
/** The most bytes handed to `dataReceived` at once (Python's `max_size` of a `recv()`). */
const MAX_CHUNK = 256 * 1024;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);
const ANY_HOSTS = new Set(["", "0.0.0.0", "::"]);

interface MemoryListener {
  loop: AbstractEventLoop;
  server: AcceptingServer;
  closed: boolean;
}

/** Listening ports, process-wide. */
const listeners = new Map<number, MemoryListener>();
/** Ports taken by the client ends of open connections. */
const clientPorts = new Set<number>();
let nextPort = FIRST_EPHEMERAL_PORT;

function allocatePort(): number {
  for (let i = FIRST_EPHEMERAL_PORT; i <= LAST_PORT; i++) {
    const port = nextPort;
    nextPort = nextPort === LAST_PORT ? FIRST_EPHEMERAL_PORT : nextPort + 1;
    if (!listeners.has(port) && !clientPorts.has(port)) return port;
  }
  throw osError("EADDRINUSE", "no free port left on the in-memory loopback");
}

/** The address a loopback host name stands for. */
function loopbackAddress(host: string): string {
  return host === "::1" ? "::1" : "127.0.0.1";
}

function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > LAST_PORT) {
    throw new RangeError(`port must be an integer in 0-65535, got ${String(port)}`);
  }
}

/** One end of an in-memory connection. */
export class MemoryTransport extends BaseStreamTransport {
  _peer: MemoryTransport | null = null;
  private readonly _chunks: Uint8Array[] = [];
  private _bufferSize = 0;
  private _flushScheduled = false;
  /** The peer's EOF has been delivered to our protocol. */
  private _eofReceived = false;
  /** `abort()` was called: the peer gets a reset, not an EOF. */
  private _aborted = false;
  private readonly _clientPort: number | null;
  private readonly _flushCallback = (): void => this._flush();

  constructor(loop: AbstractEventLoop, protocol: Protocol, extra: ExtraInfo, server: ServerHooks | null, clientPort: number | null) {
    super(loop, protocol, extra, server);
    this._clientPort = clientPort;
  }

  override getWriteBufferSize(): number {
    return this._bufferSize;
  }

  protected override _send(data: Uint8Array | string): void {
    const bytes = toBytes(data);
    this._chunks.push(bytes);
    this._bufferSize += bytes.length;
    this._scheduleFlush();
  }

  protected override _startReading(): void {
    // Bytes the peer held back while we were paused can come now.
    this._peer?._scheduleFlush();
  }

  protected override _stopReading(): void {
    // _flush() checks our state before delivering.
  }

  protected override _shutdownWrite(): void {
    const peer = this._peer;
    if (peer !== null) peer._loop.callSoon(() => peer._receiveEof());
  }

  protected override _discard(): void {
    this._chunks.length = 0;
    this._bufferSize = 0;
  }

  override abort(): void {
    if (!this._connLost) this._aborted = true;
    super.abort();
  }

  protected override _release(): void {
    if (this._clientPort !== null) clientPorts.delete(this._clientPort);
    const peer = this._peer;
    this._peer = null;
    if (peer === null || peer._connLost || peer._loop.isClosed()) return;
    if (this._aborted) peer._loop.callSoon(() => peer._fatalError(osError("ECONNRESET"), "Fatal read error on socket transport"));
    else peer._loop.callSoon(() => peer._receiveEof());
  }

  /** Whether `_flush()` may hand bytes to this end's protocol now. */
  private _acceptsData(): boolean {
    return !this._paused;
  }

  _scheduleFlush(): void {
    if (this._flushScheduled || this._bufferSize === 0 || this._loop.isClosed()) return;
    this._flushScheduled = true;
    this._loop.callSoon(this._flushCallback);
  }

  /** Move buffered bytes to the peer while it reads; then settle flow control, EOF and close. */
  private _flush(): void {
    this._flushScheduled = false;
    if (this._connLost || this._bufferSize === 0) return;
    const peer = this._peer;
    if (peer === null || peer._closing) {
      // Bytes sent to a closed socket make its kernel answer with a reset.
      this._fatalError(osError("ECONNRESET"), "Fatal write error on socket transport");
      return;
    }
    while (this._bufferSize > 0 && peer._acceptsData() && !peer._closing) {
      const chunk = this._takeChunk();
      peer._deliverData(chunk);
    }
    this._onBufferDrained();
  }

  /** Up to MAX_CHUNK buffered bytes, coalesced, as one array. */
  private _takeChunk(): Uint8Array {
    const chunks = this._chunks;
    let first = chunks.shift()!;
    if (first.length > MAX_CHUNK) {
      chunks.unshift(first.subarray(MAX_CHUNK));
      first = first.subarray(0, MAX_CHUNK);
    } else if (chunks.length > 0 && first.length + chunks[0]!.length <= MAX_CHUNK) {
      let size = first.length;
      let n = 0;
      while (n < chunks.length && size + chunks[n]!.length <= MAX_CHUNK) size += chunks[n++]!.length;
      const joined = new Uint8Array(size);
      joined.set(first);
      let at = first.length;
      for (const chunk of chunks.splice(0, n)) {
        joined.set(chunk, at);
        at += chunk.length;
      }
      first = joined;
    }
    this._bufferSize -= first.length;
    return first;
  }

  private _receiveEof(): void {
    if (this._connLost || this._eofReceived) return;
    this._eofReceived = true;
    this._deliverEof();
  }
}

/**
 * The in-memory network: `openConnection()`/`startServer()` over it reach only
 * servers of this process. Register it with `setNetworkBackend(memoryBackend)` (the
 * package's `default` entry does).
 */
export const memoryBackend: NetworkBackend = {
  name: "memory",

  *createConnection(loop: AbstractEventLoop, protocol: Protocol, host: string, port: number): Coroutine<Transport> {
    checkPort(port);
    if (!LOOPBACK_HOSTS.has(host)) throw osError("EHOSTUNREACH", `Connect call failed ('${host}', ${port}): the in-memory network reaches only 127.0.0.1 and localhost`);
    const address = loopbackAddress(host);
    const listener = listeners.get(port);
    if (listener === undefined || listener.closed || listener.loop.isClosed()) {
      throw osError("ECONNREFUSED", `Connect call failed ('${address}', ${port})`);
    }
    const clientPort = allocatePort();
    let serverProtocol: Protocol;
    try {
      serverProtocol = listener.server._protocolFactory();
    } catch (exception) {
      listener.loop.callExceptionHandler({ message: "Error on transport creation for incoming connection", exception });
      throw osError("ECONNRESET");
    }
    clientPorts.add(clientPort);
    const client = new MemoryTransport(loop, protocol, { peername: [address, port], sockname: [address, clientPort] }, null, clientPort);
    const accepted = new MemoryTransport(
      listener.loop,
      serverProtocol,
      { peername: [address, clientPort], sockname: [address, port] },
      listener.server,
      null,
    );
    client._peer = accepted;
    accepted._peer = client;
    accepted._start(null);
    yield* client._startConnected();
    return client;
  },

  *listen(loop: AbstractEventLoop, server: AcceptingServer, host: string | null, port: number): Coroutine<Listener[]> {
    checkPort(port);
    const name = host ?? "";
    const address = LOOPBACK_HOSTS.has(name) ? loopbackAddress(name) : ANY_HOSTS.has(name) ? (name === "::" ? "::" : "0.0.0.0") : null;
    if (address === null) {
      throw osError("EADDRNOTAVAIL", `error while attempting to bind on address ('${name}', ${port}): cannot assign requested address (the in-memory network has only loopback addresses)`);
    }
    if (port !== 0 && listeners.has(port)) {
      throw osError("EADDRINUSE", `error while attempting to bind on address ('${address}', ${port}): address already in use`);
    }
    const bound = port === 0 ? allocatePort() : port;
    const entry: MemoryListener = { loop, server, closed: false };
    listeners.set(bound, entry);
    const family = address.includes(":") ? "IPv6" : "IPv4";
    return [
      {
        family,
        getsockname: () => [address, bound],
        close() {
          if (entry.closed) return;
          entry.closed = true;
          if (listeners.get(bound) === entry) listeners.delete(bound);
        },
      },
    ];
  },
};
