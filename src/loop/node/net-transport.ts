/**
 * Streams over Node's `net`: real TCP for `openConnection()`/`startServer()` under
 * Node (and in WebContainers, which emulate `net`).
 *
 * A Node socket drives a `BaseStreamTransport`: its `data`, `end` and `error` events
 * become protocol calls, made from Node's I/O phase between the loop's batches (as a
 * selector event is processed between iterations in asyncio). The write buffer is the
 * socket's own (`writableLength`), checked against asyncio's water marks after each
 * write and as each write completes. Sockets are half-open capable and use
 * TCP_NODELAY, as asyncio's do.
 *
 * A connecting socket reads through Node's `onread` (into one buffer, copied out at each
 * read) rather than `data` events: no stream machinery and no buffer allocated by Node
 * per read. Node offers no `onread` for the sockets a server accepts: they use `data`.
 */
import { Buffer } from "node:buffer";
import * as net from "node:net";
import { constants as osConstants } from "node:os";
import type { Coroutine } from "../coroutines.ts";
import type { AbstractEventLoop } from "../events.ts";
import { ERRNO, type ErrnoCode, OSError, osErrorClass } from "../os-errors.ts";
import {
  type AcceptingServer,
  BaseStreamTransport,
  type Listener,
  type NetworkBackend,
  type Protocol,
  type ServerHooks,
  type Transport,
} from "../transports.ts";

/** A Node system error's extra fields. */
interface NodeSystemError extends Error {
  code?: string;
  errno?: number;
  address?: string;
}

/** Zero bytes, written only for the callback Node calls once the writes before it are sent. */
const EMPTY = Buffer.from(new Uint8Array(0));

/**
 * What connecting sockets read into. Node calls `onread`'s callback as each read
 * completes, before the next read, and the bytes are copied out in it, so one buffer
 * serves every socket (64 KiB: what Node asks libuv for by default).
 */
const READ_BUFFER = new Uint8Array(64 * 1024);

/** Python's `OSError` for a Node system error: the class by `code`, `[Errno N] text`. */
export function fromNodeError(error: unknown, strerror?: string): Error {
  if (error instanceof OSError || !(error instanceof Error)) return error as Error;
  const nodeError = (error instanceof AggregateError && error.errors.length > 0 ? error.errors.at(-1) : error) as NodeSystemError;
  const code = nodeError.code;
  if (code === undefined || !/^E[A-Z]+$/.test(code)) return error;
  const errno = (osConstants.errno as Record<string, number>)[code] ?? Math.abs(nodeError.errno ?? 0);
  const text = strerror ?? (code in ERRNO ? ERRNO[code as ErrnoCode][1] : nodeError.message);
  const Class = osErrorClass(code);
  return new Class(errno, text, { code, cause: error });
}

function extraInfo(socket: net.Socket): { peername: [string, number]; sockname: [string, number] } {
  return {
    peername: [socket.remoteAddress ?? "", socket.remotePort ?? 0],
    sockname: [socket.localAddress ?? "", socket.localPort ?? 0],
  };
}

/** Node handles still open on each loop; unref'd when their loop closes. */
const openHandles = new WeakMap<AbstractEventLoop, Set<{ unref(): unknown }>>();

/**
 * Keep `handle` from holding the process open once `loop` closes: a socket or server the
 * program forgot to close must not stop Node from exiting after `run()`, as Python exits.
 */
function trackUntilLoopCloses(loop: AbstractEventLoop, handle: { unref(): unknown; once(event: "close", cb: () => void): unknown }): void {
  let handles = openHandles.get(loop);
  if (handles === undefined) {
    const created = new Set<{ unref(): unknown }>();
    openHandles.set(loop, created);
    loop._onClose(() => {
      for (const open of created) open.unref();
      created.clear();
    });
    handles = created;
  }
  const live = handles;
  live.add(handle);
  handle.once("close", () => live.delete(handle));
}

/** A connected Node socket as an asyncio transport. */
export class NetTransport extends BaseStreamTransport {
  readonly _socket: net.Socket;
  /** Reading through `data` events has started (it is paused and resumed from then on). */
  private _flowing = false;
  /** The socket reads through `onread` (made paused), calling `_received`. */
  private readonly _onread: boolean;

  constructor(loop: AbstractEventLoop, socket: net.Socket, protocol: Protocol, server: ServerHooks | null, onread = false) {
    super(loop, protocol, extraInfo(socket), server);
    this._socket = socket;
    this._onread = onread;
    trackUntilLoopCloses(loop, socket);
    socket.setNoDelay(true);
    socket.on("end", () => {
      if (this._loopGone()) return;
      this._deliverEof();
    });
    socket.on("error", (error) => {
      if (this._loopGone() || this._connLost) return;
      this._fatalError(fromNodeError(error), "Fatal read error on socket transport");
    });
  }

  /** A socket outliving its loop can never be served again: drop it. */
  private _loopGone(): boolean {
    if (!this._loop.isClosed()) return false;
    this._socket.destroy();
    return true;
  }

  override getWriteBufferSize(): number {
    return this._socket.destroyed ? 0 : this._socket.writableLength;
  }

  protected override _send(data: Uint8Array | string): void {
    const socket = this._socket;
    // A Buffer copy: the caller may change its array later, and Node takes a Buffer as is.
    const buffer = Buffer.from(data);
    if (socket.writableLength !== 0 || this._protocolPaused || this._closing || this._eof) {
      this._belowNodeMark = socket.write(buffer, this._onWritten);
      return;
    }
    // Into an empty buffer: most such writes finish at once, and Node's write path is
    // shorter without a callback (one per round trip in a request-response exchange).
    this._belowNodeMark = socket.write(buffer);
    // Some bytes were left queued: an empty write behind them calls back once they are
    // sent, in order, as a callback on the write itself would have.
    if (socket.writableLength !== 0) socket.write(EMPTY, this._onWritten);
  }

  /**
   * `write()` returned `true`: Node's buffer is under its own high-water mark, which is
   * at most asyncio's (64 KiB), so there is no need to measure it.
   */
  private _belowNodeMark = true;

  protected override _maybePauseProtocol(): void {
    if (this._belowNodeMark && this._highWater >= this._socket.writableHighWaterMark) return;
    super._maybePauseProtocol();
  }

  /** A write completed: the buffer shrank. Errors arrive through the `error` event. */
  private readonly _onWritten = (error?: Error | null): void => {
    // Only a paused protocol, a close or an EOF waits for the buffer to shrink.
    if (error || (!this._protocolPaused && !this._closing && !this._eof) || this._loop.isClosed()) return;
    this._onBufferDrained();
  };

  /** Bytes read from the socket (through `onread` or a `data` event): `data` is the transport's to keep. */
  _received(data: Uint8Array): void {
    if (this._loopGone()) return;
    this._deliverData(data);
  }

  protected override _startReading(): void {
    if (this._onread || this._flowing) {
      this._socket.resume();
      return;
    }
    this._flowing = true;
    this._socket.on("data", (data: Uint8Array) => this._received(data));
  }

  protected override _stopReading(): void {
    if (this._onread || this._flowing) this._socket.pause();
  }

  protected override _shutdownWrite(): void {
    this._socket.end();
  }

  protected override _discard(): void {
    this._socket.destroy();
  }

  /** Close at once with a TCP reset: the peer's reads fail with `ConnectionResetError`. */
  override abort(): void {
    if (!this._connLost && !this._socket.destroyed) this._socket.resetAndDestroy();
    super.abort();
  }

  protected override _release(): void {
    this._socket.destroy();
  }
}

/** The `[host, port]` a failed connect names, as Python's message does. */
function connectFailed(error: unknown, host: string, port: number): Error {
  const nodeError = (error instanceof AggregateError ? error.errors.at(-1) : error) as NodeSystemError;
  const address = nodeError?.address ?? host;
  return fromNodeError(error, `Connect call failed ('${address}', ${port})`);
}

/**
 * Node's TCP. Register it with `setNetworkBackend(netBackend)` (the package's `node`
 * entry does).
 */
export const netBackend: NetworkBackend = {
  name: "net",

  *createConnection(loop: AbstractEventLoop, protocol: Protocol, host: string, port: number): Coroutine<Transport> {
    const connected = loop.createFuture<undefined>();
    let transport: NetTransport | null = null;
    const onread = {
      buffer: READ_BUFFER,
      // Returning false would pause the socket; the transport pauses it itself (flow control).
      callback: (n: number, buffer: Uint8Array): boolean => {
        transport?._received(buffer.slice(0, n));
        return true;
      },
    };
    const socket = net.connect({ host, port, allowHalfOpen: true, noDelay: true, onread });
    socket.pause(); // until the transport starts reading

    const onConnect = (): void => {
      if (loop.isClosed()) socket.destroy();
      else if (!connected.done()) connected.setResult(undefined);
    };
    const onError = (error: Error): void => {
      if (loop.isClosed()) socket.destroy();
      else if (!connected.done()) connected.setException(connectFailed(error, host, port));
    };
    socket.once("connect", onConnect);
    socket.once("error", onError);
    try {
      yield* connected;
    } catch (e) {
      socket.destroy();
      throw e;
    } finally {
      socket.off("connect", onConnect);
      socket.off("error", onError);
    }
    transport = new NetTransport(loop, socket, protocol, null, true);
    yield* transport._startConnected();
    return transport;
  },

  *listen(loop: AbstractEventLoop, server: AcceptingServer, host: string | null, port: number, backlog: number): Coroutine<Listener[]> {
    const netServer = net.createServer({ allowHalfOpen: true, noDelay: true });
    trackUntilLoopCloses(loop, netServer);
    // Ready before listening: Node accepts at once, and a connection without a listener is lost.
    netServer.on("connection", (socket: net.Socket) => {
      if (loop.isClosed()) {
        socket.destroy();
        return;
      }
      let protocol: Protocol;
      try {
        protocol = server._protocolFactory();
      } catch (exception) {
        loop.callExceptionHandler({ message: "Error on transport creation for incoming connection", exception });
        socket.destroy();
        return;
      }
      new NetTransport(loop, socket, protocol, server)._start(null);
    });
    const listening = loop.createFuture<undefined>();
    const onError = (error: Error): void => {
      if (loop.isClosed() || listening.done()) return;
      const shown = `('${host ?? "0.0.0.0"}', ${port})`;
      const code = (error as NodeSystemError).code;
      const text = code !== undefined && code in ERRNO ? ERRNO[code as ErrnoCode][1].toLowerCase() : error.message;
      listening.setException(fromNodeError(error, `error while attempting to bind on address ${shown}: ${text}`));
    };
    netServer.once("error", onError);
    netServer.once("listening", () => {
      if (!loop.isClosed() && !listening.done()) listening.setResult(undefined);
    });
    netServer.listen({ host: host ?? undefined, port, backlog, exclusive: true });
    try {
      yield* listening;
    } catch (e) {
      netServer.close();
      throw e;
    } finally {
      netServer.off("error", onError);
    }
    // Accept errors (out of file descriptors, say) must not crash the process; Python logs them too.
    netServer.on("error", (exception) => {
      if (!loop.isClosed()) loop.callExceptionHandler({ message: "socket.accept() failed", exception: fromNodeError(exception) });
    });
    const address = netServer.address() as net.AddressInfo;
    const family = address.family === "IPv6" ? "IPv6" : "IPv4";
    return [
      {
        family,
        getsockname: () => [address.address, address.port],
        close: () => {
          netServer.close();
        },
      },
    ];
  },
};
