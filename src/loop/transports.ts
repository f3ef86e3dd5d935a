/**
 * Transports and protocols (CPython's `transports.py`, `protocols.py` and the state
 * machine of `selector_events._SelectorSocketTransport`): the interface streams are
 * written against, the write flow control (water marks) every transport shares, and the
 * registry of the network backend (Node `net`, or the in-memory transport).
 *
 * The core loop knows nothing of sockets. A backend drives a transport from its host's
 * I/O callbacks (a Node socket's `data` event, a message of the in-memory peer), which
 * run between the loop's batches; a protocol callback that resolves a Future wakes the
 * loop through `callSoon`, as a selector event does in asyncio.
 */
import type { Coroutine } from "./coroutines.ts";
import type { AbstractEventLoop } from "./events.ts";
import { RuntimeError, ValueError } from "./exceptions.ts";
import { logger } from "./log.ts";
import { OSError } from "./os-errors.ts";

/**
 * What a connection tells its user (Python: `asyncio.Protocol`). The transport calls
 * `connectionMade` once, then any number of `dataReceived`, at most one `eofReceived`,
 * then `connectionLost` once. `pauseWriting`/`resumeWriting` bracket the times the
 * transport's write buffer is above its high-water mark.
 */
export interface Protocol {
  /** The connection is up; `transport` is how to write to it. */
  connectionMade(transport: Transport): void;
  /** The connection is closed: `exc` is `null` after a regular close or EOF, else the error. */
  connectionLost(exc: Error | null): void;
  /** Bytes arrived. */
  dataReceived(data: Uint8Array): void;
  /** The peer will send no more. Return `true` to keep writing (half-close); else the transport closes. */
  eofReceived(): boolean | void;
  /** The write buffer went over the high-water mark: stop writing. */
  pauseWriting(): void;
  /** The write buffer drained to the low-water mark: writing may go on. */
  resumeWriting(): void;
}

/** What `getExtraInfo()` answers: `peername`/`sockname` are `[host, port]`. */
export type ExtraInfo = { peername?: [string, number]; sockname?: [string, number] } & Record<string, unknown>;

/**
 * A bidirectional byte stream (Python: `asyncio.Transport`). Writes never block: they go
 * to a buffer, and the protocol is told to pause when it grows past the high-water mark.
 */
export interface Transport {
  /** `peername` (`[host, port]` of the peer), `sockname` (the local one), or `defaultValue`. */
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
  /** `true` once `close()` or `abort()` was called, or the connection was lost. */
  isClosing(): boolean;
  /** Close after the buffered data is sent; `connectionLost(null)` follows. */
  close(): void;
  /** Close at once, discarding buffered data (with a TCP reset where the backend can). */
  abort(): void;
  /** Tell `protocol`, from now on, what happens on the connection. */
  setProtocol(protocol: Protocol): void;
  /** The protocol the transport calls. */
  getProtocol(): Protocol;
  /** `true` while data is delivered: not paused by `pauseReading()`, not closing. */
  isReading(): boolean;
  /** Stop calling `dataReceived` until `resumeReading()`; the peer's writes back up. */
  pauseReading(): void;
  /** Undo `pauseReading()`: `dataReceived` calls start again. Not paused, or closing: nothing. */
  resumeReading(): void;
  /** Queue bytes (a string is encoded as UTF-8). After `writeEof()`: `RuntimeError`. */
  write(data: Uint8Array | string): void;
  /** `write()` each item, in order. */
  writelines(list: Iterable<Uint8Array | string>): void;
  /** Close the write side after the buffered data (a TCP half-close). */
  writeEof(): void;
  /** `true` if the transport can half-close with `writeEof()`. */
  canWriteEof(): boolean;
  /** Bytes buffered, not yet handed to the medium. */
  getWriteBufferSize(): number;
  /** `[low, high]` water marks. */
  getWriteBufferLimits(): [number, number];
  /** Set the water marks: `high` defaults to 64 KiB (or `4 * low`), `low` to `high / 4`. */
  setWriteBufferLimits(high?: number | null, low?: number | null): void;
}

/** What a transport accepted by a server tells the server (Python: `Server._attach/_detach`). */
export interface ServerHooks {
  _attach(): void;
  _detach(): void;
}

/** Python's `constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES`. */
const LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;
/** asyncio's default high-water mark of a transport's write buffer. */
export const DEFAULT_HIGH_WATER = 64 * 1024;

interface TextEncoderLike {
  encode(input: string): Uint8Array;
}
const encoder: TextEncoderLike = new (globalThis as unknown as { TextEncoder: new () => TextEncoderLike }).TextEncoder();

/**
 * The bytes to send for `data`, in an array the caller may keep: a copy of a
 * `Uint8Array` (Python's bytes are immutable, so later changes must not leak in), or a
 * string as UTF-8.
 */
export function toBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === "string" ? encoder.encode(data) : data.slice();
}

function checkData(data: unknown): asserts data is Uint8Array | string {
  if (typeof data === "string" || data instanceof Uint8Array) return;
  const name = data === null ? "None" : ((data as object)?.constructor?.name ?? typeof data);
  throw new TypeError(`data argument must be a bytes-like object or a string, not '${name}'`);
}

/**
 * The state machine every stream transport shares (Python's `_SelectorTransport` with
 * `_FlowControlMixin`): closing and abort, the water marks, the protocol calls and how
 * their errors are reported. A backend subclass moves the bytes:
 *
 * - `_send(data)` hands bytes (or a string, to send as UTF-8) to the medium, copying
 *   them if it keeps them (see `toBytes`); the subclass keeps the buffer count
 *   (`getWriteBufferSize()`), and calls `_onBufferDrained()` whenever it shrinks.
 * - `_startReading()`/`_stopReading()` turn `dataReceived` calls on and off.
 * - `_shutdownWrite()` sends EOF (the buffer is empty when it is called).
 * - `_release()` frees the medium once the connection is lost; `_discard()` drops the
 *   buffered bytes on abort.
 *
 * Incoming events go through `_deliverData`, `_deliverEof` and `_fatalError`.
 */
export abstract class BaseStreamTransport implements Transport {
  _loop: AbstractEventLoop;
  _protocol: Protocol;
  protected readonly _extra: ExtraInfo;
  protected _server: ServerHooks | null;
  /** `close()` or `abort()` was called, or the connection was lost. */
  _closing = false;
  /** Non-zero once `connectionLost` is scheduled; counts the writes attempted since. */
  _connLost = 0;
  /** `writeEof()` was called. */
  _eof = false;
  /** `pauseReading()` is in effect. */
  _paused = false;
  _protocolPaused = false;
  _highWater = DEFAULT_HIGH_WATER;
  _lowWater = DEFAULT_HIGH_WATER / 4;

  constructor(loop: AbstractEventLoop, protocol: Protocol, extra: ExtraInfo, server: ServerHooks | null) {
    this._loop = loop;
    this._protocol = protocol;
    this._extra = extra;
    this._server = server;
    server?._attach();
  }

  abstract getWriteBufferSize(): number;
  protected abstract _send(data: Uint8Array | string): void;
  protected abstract _startReading(): void;
  protected abstract _stopReading(): void;
  protected abstract _shutdownWrite(): void;
  protected abstract _release(): void;
  protected abstract _discard(): void;

  /**
   * Schedule `connectionMade`, then reading, then `waiter`'s result: the order asyncio
   * keeps, so that `openConnection()` returns after the protocol saw the connection.
   */
  _start(waiter: { done(): boolean; setResult(value: undefined): void } | null): void {
    const loop = this._loop;
    loop.callSoon(this._protocol.connectionMade.bind(this._protocol), this);
    loop.callSoon(() => {
      if (!this._closing && !this._paused) this._startReading();
    });
    if (waiter !== null) loop.callSoon(() => waiter.done() || waiter.setResult(undefined));
  }

  /**
   * The connecting side's `_start()`: returns once the protocol has seen the connection.
   * Interrupted meanwhile (cancelled, say): closes the transport and rethrows.
   */
  *_startConnected(): Coroutine<void> {
    const waiter = this._loop.createFuture<undefined>();
    this._start(waiter);
    try {
      yield* waiter;
    } catch (e) {
      this.close();
      throw e;
    }
  }

  /** `<MemoryTransport closing bufsize=0>`: the class, `closing` or `closed` if so, and the bytes buffered. */
  toString(): string {
    const state = this._connLost ? " closed" : this._closing ? " closing" : "";
    return `<${this.constructor.name}${state} bufsize=${this.getWriteBufferSize()}>`;
  }

  getExtraInfo(name: string, defaultValue: unknown = null): unknown {
    return name in this._extra ? this._extra[name] : defaultValue;
  }

  isClosing(): boolean {
    return this._closing;
  }

  setProtocol(protocol: Protocol): void {
    this._protocol = protocol;
  }

  getProtocol(): Protocol {
    return this._protocol;
  }

  isReading(): boolean {
    return !this._paused && !this._closing;
  }

  pauseReading(): void {
    if (this._closing || this._paused) return;
    this._paused = true;
    this._stopReading();
  }

  resumeReading(): void {
    if (this._closing || !this._paused) return;
    this._paused = false;
    this._startReading();
  }

  write(data: Uint8Array | string): void {
    checkData(data);
    if (this._eof) throw new RuntimeError("Cannot call write() after write_eof()");
    if (data.length === 0) return;
    if (this._connLost) {
      if (this._connLost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) logger.warning("socket.send() raised exception.");
      this._connLost += 1;
      return;
    }
    this._send(data);
    this._maybePauseProtocol();
  }

  writelines(list: Iterable<Uint8Array | string>): void {
    for (const data of list) this.write(data);
  }

  writeEof(): void {
    if (this._closing || this._eof) return;
    this._eof = true;
    if (this.getWriteBufferSize() === 0) this._shutdownWrite();
  }

  canWriteEof(): boolean {
    return true;
  }

  close(): void {
    if (this._closing) return;
    this._closing = true;
    this._stopReading();
    if (this.getWriteBufferSize() === 0) {
      this._connLost += 1;
      this._loop.callSoon(() => this._callConnectionLost(null));
    }
  }

  abort(): void {
    this._forceClose(null);
  }

  /** The subclass calls this whenever its buffer shrinks (Python: the tail of `_write_ready`). */
  protected _onBufferDrained(): void {
    if (this._connLost) return;
    this._maybeResumeProtocol();
    if (this.getWriteBufferSize() !== 0) return;
    if (this._closing) {
      this._connLost += 1;
      this._callConnectionLost(null);
    } else if (this._eof) {
      this._shutdownWrite();
    }
  }

  /** Hand `data` to the protocol; a protocol error is fatal to the connection. */
  protected _deliverData(data: Uint8Array): void {
    if (this._connLost) return;
    try {
      this._protocol.dataReceived(data);
    } catch (exc) {
      this._fatalError(exc, "Fatal error: protocol.data_received() call failed.");
    }
  }

  /** The peer sent EOF: the protocol decides whether to keep the write side open. */
  protected _deliverEof(): void {
    if (this._connLost) return;
    let keepOpen: boolean | void;
    try {
      keepOpen = this._protocol.eofReceived();
    } catch (exc) {
      this._fatalError(exc, "Fatal error: protocol.eof_received() call failed.");
      return;
    }
    if (keepOpen) this._stopReading();
    else this.close();
  }

  /**
   * Report `exc` and close at once. An `OSError` (a reset, a refused write) is the
   * network's doing and is only passed to `connectionLost`; anything else is a bug and
   * goes to the loop's exception handler too.
   */
  _fatalError(exc: unknown, message = "Fatal error on transport"): void {
    if (!(exc instanceof OSError)) {
      this._loop.callExceptionHandler({ message, exception: exc, transport: this, protocol: this._protocol });
    }
    this._forceClose(exc instanceof Error ? exc : new Error(String(exc)));
  }

  _forceClose(exc: Error | null): void {
    if (this._connLost) return;
    if (this.getWriteBufferSize() !== 0) this._discard();
    if (!this._closing) {
      this._closing = true;
      this._stopReading();
    }
    this._connLost += 1;
    this._loop.callSoon(() => this._callConnectionLost(exc));
  }

  private _callConnectionLost(exc: Error | null): void {
    try {
      this._protocol.connectionLost(exc);
    } finally {
      this._release();
      const server = this._server;
      this._server = null;
      server?._detach();
    }
  }

  // Write flow control (Python: `_FlowControlMixin`).

  getWriteBufferLimits(): [number, number] {
    return [this._lowWater, this._highWater];
  }

  setWriteBufferLimits(high: number | null = null, low: number | null = null): void {
    if (high === null) high = low === null ? DEFAULT_HIGH_WATER : 4 * low;
    if (low === null) low = Math.floor(high / 4);
    if (!(high >= low && low >= 0)) throw new ValueError(`high (${high}) must be >= low (${low}) must be >= 0`);
    this._highWater = high;
    this._lowWater = low;
    this._maybePauseProtocol();
  }

  /** Call after the buffer grew: pause the protocol past the high-water mark. */
  protected _maybePauseProtocol(): void {
    if (this.getWriteBufferSize() <= this._highWater || this._protocolPaused) return;
    this._protocolPaused = true;
    try {
      this._protocol.pauseWriting();
    } catch (exception) {
      this._loop.callExceptionHandler({ message: "protocol.pause_writing() failed", exception, transport: this });
    }
  }

  /** Call after the buffer shrank: resume the protocol at the low-water mark. */
  protected _maybeResumeProtocol(): void {
    if (!this._protocolPaused || this.getWriteBufferSize() > this._lowWater) return;
    this._protocolPaused = false;
    try {
      this._protocol.resumeWriting();
    } catch (exception) {
      this._loop.callExceptionHandler({ message: "protocol.resume_writing() failed", exception, transport: this });
    }
  }
}

/** A listening endpoint, as `Server.sockets` shows it (Python: the `TransportSocket` of a listening socket). */
export interface ServerSocket {
  /** `"IPv4"` or `"IPv6"`. */
  readonly family: "IPv4" | "IPv6";
  /** `[host, port]` the socket is bound to: with port 0, the port the system picked. */
  getsockname(): [string, number];
}

/** A listening endpoint as the backend gives it to the server. */
export interface Listener extends ServerSocket {
  /** Stop accepting connections; those already accepted stay open. */
  close(): void;
}

/** What a backend needs from a server to hand it connections. */
export interface AcceptingServer extends ServerHooks {
  /** A new protocol for an accepted connection. */
  _protocolFactory(): Protocol;
}

/**
 * Where connections come from: Node's `net` (`node/net-transport.ts`) or the
 * in-memory transport (`transport-memory.ts`). The package entry registers one.
 */
export interface NetworkBackend {
  /** `"net"` or `"memory"`: for messages. */
  readonly name: string;
  /**
   * Connect `protocol` to `host:port` on `loop`, returning once `protocol.connectionMade`
   * has run. Refused: `ConnectionRefusedError`; other failures: an `OSError`.
   * Cancelling the coroutine drops the half-open connection.
   */
  createConnection(loop: AbstractEventLoop, protocol: Protocol, host: string, port: number): Coroutine<Transport>;
  /**
   * Bind and listen at `host:port` (`null` host: every interface; port 0: an ephemeral
   * one). Each accepted connection gets a transport on `loop`, attached to `server`,
   * with a protocol from `server._protocolFactory()`. In use: `OSError` (`EADDRINUSE`).
   */
  listen(loop: AbstractEventLoop, server: AcceptingServer, host: string | null, port: number, backlog: number): Coroutine<Listener[]>;
}

let backend: NetworkBackend | null = null;

/**
 * The registered network backend.
 * None registered: `RuntimeError` (import the library through its package entry,
 * `asyncio`, which registers Node's `net` under Node and the in-memory one elsewhere).
 */
export function getNetworkBackend(): NetworkBackend {
  if (backend === null) {
    throw new RuntimeError(
      "no network transport is registered: import the library as 'asyncio' (its package entry registers one), or call setNetworkBackend()",
    );
  }
  return backend;
}

/** Make `next` the backend for connections and servers opened from now on; returns the previous one. */
export function setNetworkBackend(next: NetworkBackend | null): NetworkBackend | null {
  const previous = backend;
  backend = next;
  return previous;
}
