/**
 * Streams: `openConnection()`, `startServer()`, `StreamReader`, `StreamWriter` and
 * `Server` (CPython's `streams.py`, and `base_events.Server`).
 *
 * Written against the transport interface of `transports.ts`, so the same code runs
 * over Node's TCP (`node/net-transport.ts`) and over the in-memory transport
 * (`transport-memory.ts`) that stands in for TCP in the browser. Bytes are
 * `Uint8Array`s (Python's `bytes`); `write()` also takes a string, sent as UTF-8.
 */
import { ByteBuffer } from "./byte-buffer.ts";
import { type Coroutine, isCoroutine, type Yielded } from "./coroutines.ts";
import { type AbstractEventLoop, getEventLoop, getRunningLoop } from "./events.ts";
import { CancelledError, IncompleteReadError, LimitOverrunError, RuntimeError, ValueError } from "./exceptions.ts";
import { _BLOCKING, _PENDING, type Future } from "./futures.ts";
import { noteWait } from "./instruments.ts";
import { ConnectionResetError } from "./os-errors.ts";
import type { Task } from "./tasks.ts";
import { sleep } from "./tasks.ts";
import {
  type AcceptingServer,
  getNetworkBackend,
  type Listener,
  type Protocol,
  type ServerSocket,
  toBytes,
  type Transport,
} from "./transports.ts";

/** The default buffer limit of a `StreamReader`: 64 KiB (Python: `_DEFAULT_LIMIT`). */
const DEFAULT_LIMIT = 2 ** 16;
/** Python's `start_server` default backlog. */
const DEFAULT_BACKLOG = 100;
const EMPTY = new Uint8Array(0);

/** Options of `openConnection()` and `startServer()`. */
export interface StreamOptions {
  /** The `StreamReader` buffer limit, in bytes (default 64 KiB): the longest line `readline()` accepts. */
  limit?: number;
}

/** Options of `startServer()`. */
export interface ServerOptions extends StreamOptions {
  /** The listen queue length (default 100, as in Python). */
  backlog?: number;
}

/** What `startServer()` calls for each client: `(reader, writer)`, a coroutine function or a plain function. */
export type ClientConnectedCallback = (reader: StreamReader, writer: StreamWriter) => Coroutine<unknown> | unknown;

/**
 * Open a TCP connection to `host:port` and return its `[reader, writer]` (Python:
 * `asyncio.open_connection`).
 *
 * - Nothing listens there: `ConnectionRefusedError` (`[Errno 111] Connect call failed ('127.0.0.1', 1)`).
 * - Other network failures: an `OSError` subclass.
 * - No network backend registered: `RuntimeError` (see `setNetworkBackend`).
 *
 * @example
 * ```ts
 * function* main(): asyncio.Coroutine<void> {
 *   const [reader, writer] = yield* asyncio.openConnection("127.0.0.1", 8888);
 *   writer.write("hello\n");
 *   yield* writer.drain();
 *   console.log(new TextDecoder().decode(yield* reader.readline()));
 *   writer.close();
 *   yield* writer.waitClosed();
 * }
 * ```
 */
export function* openConnection(host: string, port: number, options: StreamOptions = {}): Coroutine<[StreamReader, StreamWriter]> {
  const loop = getRunningLoop();
  const reader = new StreamReader({ limit: options.limit, loop });
  const protocol = new StreamReaderProtocol(reader, null, loop);
  const transport = yield* getNetworkBackend().createConnection(loop, protocol, host, port);
  const writer = new StreamWriter(transport, protocol, reader, loop);
  return [reader, writer];
}

/**
 * Start a TCP server at `host:port` that calls `handler(reader, writer)` for each
 * client (Python: `asyncio.start_server`). When `handler` is a coroutine function,
 * each call runs as a Task; an exception it raises is reported to the loop's exception
 * handler ("Unhandled exception in client_connected_cb") and closes that connection.
 *
 * Port 0 binds an ephemeral port: read it with `server.sockets[0].getsockname()[1]`.
 * A `null` host listens on every interface. The server is serving when this returns.
 *
 * - Address in use: `OSError` (`[Errno 98] error while attempting to bind on address
 *   ('127.0.0.1', 8888): address already in use`).
 *
 * @example
 * ```ts
 * function* handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter): asyncio.Coroutine<void> {
 *   const line = yield* reader.readline();
 *   writer.write(line);
 *   yield* writer.drain();
 *   writer.close();
 *   yield* writer.waitClosed();
 * }
 * function* main(): asyncio.Coroutine<void> {
 *   const server = yield* asyncio.startServer(handle, "127.0.0.1", 0);
 *   console.log("serving on port", server.sockets[0]!.getsockname()[1]);
 *   yield* server.serveForever();
 * }
 * ```
 */
export function* startServer(
  handler: ClientConnectedCallback,
  host: string | null,
  port: number,
  options: ServerOptions = {},
): Coroutine<Server> {
  const loop = getRunningLoop();
  const limit = options.limit;
  const server = new Server(loop, () => new StreamReaderProtocol(new StreamReader({ limit, loop }), handler, loop));
  const listeners = yield* getNetworkBackend().listen(loop, server, host, port, options.backlog ?? DEFAULT_BACKLOG);
  server._listening(listeners);
  return server;
}

/**
 * Reads from a connection (Python: `asyncio.StreamReader`). Made by
 * `openConnection()`/`startServer()`; its buffer is fed by the transport.
 *
 * Only one coroutine may wait on a reader at a time (`RuntimeError` otherwise). When
 * the buffer holds more than twice the limit, the transport is paused, so a slow
 * reader makes the peer's `drain()` wait: that is the backpressure of TCP.
 */
export class StreamReader {
  readonly _limit: number;
  _loop: AbstractEventLoop;
  _buffer = new ByteBuffer();
  _eof = false;
  /** The Future a `read*()` waits on, or `null`. */
  _waiter: Future<void> | null = null;
  _exception: Error | null = null;
  _transport: Transport | null = null;
  /** `true` while the transport is paused because the buffer is over `2 * limit`. */
  _paused = false;

  /**
   * @param options.limit - buffer limit in bytes (default 64 KiB); `<= 0`: `ValueError`.
   * @param options.loop - default: `getEventLoop()`.
   */
  constructor(options: { limit?: number | undefined; loop?: AbstractEventLoop } = {}) {
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (limit <= 0) throw new ValueError("Limit cannot be <= 0");
    this._limit = limit;
    this._loop = options.loop ?? getEventLoop();
  }

  /** `<StreamReader 5 bytes eof paused>`. */
  toString(): string {
    const info = ["StreamReader"];
    if (this._buffer.length) info.push(`${this._buffer.length} bytes`);
    if (this._eof) info.push("eof");
    if (this._limit !== DEFAULT_LIMIT) info.push(`limit=${this._limit}`);
    if (this._waiter && !this._waiter.done()) info.push(`waiter=${this._waiter}`);
    if (this._exception) info.push(`exception=${this._exception.name}`);
    if (this._paused) info.push("paused");
    return `<${info.join(" ")}>`;
  }

  /** The error the connection failed with (a reset, say), or `null`. */
  exception(): Error | null {
    return this._exception;
  }

  /** Fail the reader: the waiting `read*()` and every later one throw `exc`. */
  setException(exc: Error): void {
    this._exception = exc;
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.cancelled()) waiter.setException(exc);
    }
  }

  private _wakeupWaiter(): void {
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.cancelled()) waiter.setResult(undefined);
    }
  }

  /** Attach the transport to pause and resume (once). */
  setTransport(transport: Transport): void {
    if (this._transport !== null) throw new RuntimeError("Transport already set");
    this._transport = transport;
  }

  _maybeResumeTransport(): void {
    if (this._paused && this._buffer.length <= this._limit) {
      this._paused = false;
      this._transport!.resumeReading();
    }
  }

  /** The peer will send nothing more. */
  feedEof(): void {
    this._eof = true;
    this._wakeupWaiter();
  }

  /** `true` once EOF was fed and the buffer is empty: every read returns empty bytes from now on. */
  atEof(): boolean {
    return this._eof && this._buffer.length === 0;
  }

  /** Append `data` to the buffer (after `feedEof()`: `RuntimeError`). The reader may keep `data`: do not change it afterwards. */
  feedData(data: Uint8Array): void {
    if (this._eof) throw new RuntimeError("feed_data after feed_eof");
    if (data.length === 0) return;
    this._buffer.append(data);
    this._wakeupWaiter();
    if (this._transport !== null && !this._paused && this._buffer.length > 2 * this._limit) {
      this._transport.pauseReading();
      this._paused = true;
    }
  }

  /**
   * The Future `read*()` awaits until `feedData()` or `feedEof()` (Python: the waiter of
   * `_wait_for_data`). A paused transport is resumed first, or the data would never come.
   * A waiter left behind by a cancelled read does not count.
   */
  _waitForData(funcName: string): Future<void> {
    if (this._waiter !== null && !this._waiter.done()) {
      throw new RuntimeError(`${funcName}() called while another coroutine is already waiting for incoming data`);
    }
    if (this._eof) throw new RuntimeError("_wait_for_data after EOF");
    if (this._paused) {
      this._paused = false;
      this._transport!.resumeReading();
    }
    this._waiter = this._loop.createFuture<void>();
    noteWait(this._waiter, this);
    return this._waiter;
  }

  /**
   * Read one line, up to and including `\n`.
   *
   * - At EOF with a partial line: returns it without `\n`; with nothing buffered: empty bytes.
   * - Line longer than the limit: `ValueError`; the line (if its end was seen) or the
   *   whole buffer is discarded.
   */
  *readline(): Coroutine<Uint8Array> {
    const sep = NEWLINE;
    try {
      return yield* this.readuntil(sep);
    } catch (e) {
      if (e instanceof IncompleteReadError) return e.partial;
      if (e instanceof LimitOverrunError) {
        if (this._buffer.startsWith(sep, e.consumed)) this._buffer.take(e.consumed + sep.length);
        else this._buffer.clear();
        this._maybeResumeTransport();
        throw new ValueError(e.message);
      }
      throw e;
    }
  }

  /**
   * Read up to and including `separator` (bytes or a UTF-8 string, default `\n`).
   *
   * - Found within the limit: returns the data with the separator, removed from the buffer.
   * - EOF first: `IncompleteReadError` whose `partial` is everything buffered (now consumed).
   * - More than `limit` bytes before the separator: `LimitOverrunError`; the data stays
   *   buffered (`consumed` says how much to read past).
   * - Empty separator: `ValueError`. The connection failed: its error.
   */
  *readuntil(separator: Uint8Array | string = NEWLINE): Coroutine<Uint8Array> {
    const sep = typeof separator === "string" ? toBytes(separator) : separator;
    if (sep.length === 0) throw new ValueError("Separator should be at least one-byte string");
    if (this._exception !== null) throw this._exception;
    let offset = 0;
    let isep = -1;
    for (;;) {
      const buflen = this._buffer.length;
      if (buflen - offset >= sep.length) {
        isep = this._buffer.indexOf(sep, offset);
        if (isep !== -1) break;
        // The buffer's tail may hold all but the last byte of the separator.
        offset = buflen + 1 - sep.length;
        if (offset > this._limit) throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
      }
      // A complete separator may have come with the last chunk, so EOF is checked after the search.
      if (this._eof) {
        const chunk = this._buffer.take(this._buffer.length);
        throw new IncompleteReadError(chunk, null);
      }
      yield* this._waitForData("readuntil");
    }
    if (isep > this._limit) throw new LimitOverrunError("Separator is found, but chunk is longer than limit", isep);
    const chunk = this._buffer.take(isep + sep.length);
    this._maybeResumeTransport();
    return chunk;
  }

  /**
   * Read up to `n` bytes.
   *
   * - `n` positive: as soon as at least one byte is buffered, returns up to `n` of them;
   *   at EOF with nothing buffered, empty bytes.
   * - `n` is 0: empty bytes at once.
   * - `n` negative (the default): everything until EOF.
   * - The connection failed: its error (`ConnectionResetError`, say).
   */
  read(n = -1): Coroutine<Uint8Array> {
    return n < 0 ? this._readAll() : (new ReadOp(this, false, n) as unknown as Coroutine<Uint8Array>);
  }

  private *_readAll(): Coroutine<Uint8Array> {
    if (this._exception !== null) throw this._exception;
    // Read in limit-sized blocks, so a paused transport is resumed as the buffer empties.
    const blocks = new ByteBuffer();
    for (;;) {
      const block = yield* this.read(this._limit);
      if (block.length === 0) break;
      blocks.append(block);
    }
    return blocks.take(blocks.length);
  }

  /**
   * Read exactly `n` bytes.
   *
   * - EOF first: `IncompleteReadError` with the bytes read so far as `partial` (consumed)
   *   and `expected` = `n`.
   * - `n` is 0: empty bytes. Negative: `ValueError`. The connection failed: its error.
   */
  readexactly(n: number): Coroutine<Uint8Array> {
    return new ReadOp(this, true, n) as unknown as Coroutine<Uint8Array>;
  }
}

/**
 * `read(n)` (n >= 0) and `readexactly(n)`, written out as coroutine objects rather than
 * generators: they are the reads a protocol makes for every message, so they yield the
 * reader's waiter Future themselves, as the loop's `sleep()` does, and skip a generator
 * and a Future iterator per call. Each step is what the generator would do, in order.
 * Like `sleep()`'s, they implement the iterator protocol (all `yield*` and the loop use) and
 * are cast to `Coroutine`: `Generator`'s type grows with the lib (`Symbol.dispose` where
 * `@types/node` brings `esnext.disposable`), which the core does not depend on.
 */
class ReadOp implements Iterator<Yielded, Uint8Array, unknown> {
  private readonly _reader: StreamReader;
  private readonly _exactly: boolean;
  private readonly _n: number;
  private _started = false;
  private _finished = false;
  /** The Future yielded to the task, until the task resumes us. */
  private _waiter: Future<void> | null = null;

  constructor(reader: StreamReader, exactly: boolean, n: number) {
    this._reader = reader;
    this._exactly = exactly;
    this._n = n;
  }

  next(): IteratorResult<Yielded, Uint8Array> {
    if (this._finished) return { done: true, value: undefined as unknown as Uint8Array };
    const reader = this._reader;
    const n = this._n;
    const waited = this._waiter;
    if (waited !== null) {
      this._waiter = null;
      if (waited._state === _PENDING) throw this._fail(new RuntimeError("await wasn't used with future"));
      waited.result();
    } else if (!this._started) {
      this._started = true;
      if (this._exactly && n < 0) throw this._fail(new ValueError("readexactly size can not be less than zero"));
      if (reader._exception !== null) throw this._fail(reader._exception);
      if (n === 0) return this._return(EMPTY);
    }
    const buffer = reader._buffer;
    if (this._exactly) {
      if (buffer.length < n) {
        if (reader._eof) throw this._fail(new IncompleteReadError(buffer.take(buffer.length), n));
        return this._wait("readexactly");
      }
    } else if (waited === null && buffer.length === 0 && !reader._eof) {
      return this._wait("read");
    }
    const data = buffer.take(n);
    reader._maybeResumeTransport();
    return this._return(data);
  }

  private _wait(funcName: string): IteratorResult<Yielded, Uint8Array> {
    const waiter = this._reader._waitForData(funcName);
    waiter._flags |= _BLOCKING;
    this._waiter = waiter;
    return { done: false, value: waiter };
  }

  private _return(data: Uint8Array): IteratorResult<Yielded, Uint8Array> {
    this._finished = true;
    return { done: true, value: data };
  }

  private _fail(error: unknown): unknown {
    this._finished = true;
    this._waiter = null;
    return error;
  }

  throw(error: unknown): IteratorResult<Yielded, Uint8Array> {
    throw this._fail(error);
  }

  return(value?: Uint8Array): IteratorResult<Yielded, Uint8Array> {
    this._fail(null);
    return { done: true, value: value as Uint8Array };
  }

  [Symbol.iterator](): this {
    return this;
  }

  get [Symbol.toStringTag](): string {
    return "Generator";
  }
}

const NEWLINE = new Uint8Array([10]);

/**
 * `StreamWriter.drain()`'s flow control (Python: `streams.FlowControlMixin`): the
 * transport pauses and resumes this protocol at its water marks, and `drain()` waits
 * while it is paused.
 */
export class FlowControlProtocol {
  _loop: AbstractEventLoop;
  _paused = false;
  _drainWaiters: Future<void>[] = [];
  _connectionLost = false;

  constructor(loop: AbstractEventLoop) {
    this._loop = loop;
  }

  /** The transport's buffer went over its high-water mark: `drain()` waits from now on. */
  pauseWriting(): void {
    this._paused = true;
  }

  /** The buffer fell to its low-water mark: the tasks waiting in `drain()` go on. */
  resumeWriting(): void {
    this._paused = false;
    for (const waiter of this._drainWaiters) if (!waiter.done()) waiter.setResult(undefined);
  }

  /**
   * The connection is gone: later `drain()` calls throw `ConnectionResetError`. Tasks waiting
   * in `drain()` are released, with `exc` thrown if the connection failed (`null`: it closed).
   */
  connectionLost(exc: Error | null): void {
    this._connectionLost = true;
    if (!this._paused) return;
    for (const waiter of this._drainWaiters) {
      if (waiter.done()) continue;
      if (exc === null) waiter.setResult(undefined);
      else waiter.setException(exc);
    }
  }

  /** Wait while writing is paused. Lost connection: `ConnectionResetError('Connection lost')`. */
  *_drainHelper(): Coroutine<void> {
    if (this._connectionLost) throw new ConnectionResetError("Connection lost");
    if (!this._paused) return;
    const waiter = this._loop.createFuture<void>();
    this._drainWaiters.push(waiter);
    try {
      yield* waiter;
    } finally {
      this._drainWaiters.splice(this._drainWaiters.indexOf(waiter), 1);
    }
  }
}

/**
 * Adapts a transport's protocol calls to a `StreamReader`, and for a server, calls the
 * client-connected callback (Python: `asyncio.StreamReaderProtocol`).
 */
export class StreamReaderProtocol extends FlowControlProtocol implements Protocol {
  _streamReader: StreamReader | null;
  _streamWriter: StreamWriter | null = null;
  _task: Task<unknown> | null = null;
  _transport: Transport | null = null;
  _clientConnectedCb: ClientConnectedCallback | null;
  /** Done when the connection is lost: what `StreamWriter.waitClosed()` awaits. */
  _closed: Future<void>;

  constructor(streamReader: StreamReader | null, clientConnectedCb: ClientConnectedCallback | null = null, loop?: AbstractEventLoop) {
    super(loop ?? getEventLoop());
    this._streamReader = streamReader;
    this._clientConnectedCb = clientConnectedCb;
    this._closed = this._loop.createFuture<void>();
  }

  connectionMade(transport: Transport): void {
    this._transport = transport;
    const reader = this._streamReader;
    reader?.setTransport(transport);
    if (this._clientConnectedCb === null) return;
    this._streamWriter = new StreamWriter(transport, this, reader, this._loop);
    const res = this._clientConnectedCb(reader!, this._streamWriter);
    if (!isCoroutine(res)) return;
    const loop = this._loop;
    this._task = loop.createTask(res);
    this._task.addDoneCallback((task) => {
      if (task.cancelled()) {
        transport.close();
        return;
      }
      const exception = task.exception();
      if (exception !== null) {
        loop.callExceptionHandler({ message: "Unhandled exception in client_connected_cb", exception, transport });
        transport.close();
      }
    });
  }

  override connectionLost(exc: Error | null): void {
    const reader = this._streamReader;
    if (reader !== null) {
      if (exc === null) reader.feedEof();
      else reader.setException(exc);
    }
    if (!this._closed.done()) {
      if (exc === null) {
        this._closed.setResult(undefined);
      } else {
        this._closed.setException(exc);
        // Nobody may call waitClosed(); Python retrieves it in __del__ for the same reason.
        this._closed.exception();
      }
    }
    super.connectionLost(exc);
    this._streamReader = null;
    this._streamWriter = null;
    this._task = null;
    this._transport = null;
  }

  dataReceived(data: Uint8Array): void {
    this._streamReader?.feedData(data);
  }

  eofReceived(): boolean {
    this._streamReader?.feedEof();
    return true;
  }
}

/**
 * Writes to a connection (Python: `asyncio.StreamWriter`). `write()` never blocks: it
 * buffers. Call `yield* writer.drain()` after writing, which waits while the buffer is
 * over its high-water mark (64 KiB), until it drains to the low-water mark (16 KiB).
 */
export class StreamWriter {
  _transport: Transport;
  _protocol: StreamReaderProtocol;
  _reader: StreamReader | null;
  _loop: AbstractEventLoop;

  constructor(transport: Transport, protocol: StreamReaderProtocol, reader: StreamReader | null, loop: AbstractEventLoop) {
    this._transport = transport;
    this._protocol = protocol;
    this._reader = reader;
    this._loop = loop;
  }

  /** `<StreamWriter transport=<...> reader=<StreamReader>>`. */
  toString(): string {
    const info = ["StreamWriter", `transport=${String(this._transport)}`];
    if (this._reader !== null) info.push(`reader=${this._reader}`);
    return `<${info.join(" ")}>`;
  }

  /** The underlying transport. */
  get transport(): Transport {
    return this._transport;
  }

  /**
   * Buffer `data` for sending (a string is encoded as UTF-8; the bytes are copied).
   * After `writeEof()`: `RuntimeError`. After the connection is lost: dropped (with a
   * warning after a few attempts); `drain()` reports the loss.
   */
  write(data: Uint8Array | string): void {
    this._transport.write(data);
  }

  /** `write()` each item. */
  writelines(data: Iterable<Uint8Array | string>): void {
    this._transport.writelines(data);
  }

  /** Send EOF after the buffered data: the peer's reads reach EOF, this side can still read. */
  writeEof(): void {
    this._transport.writeEof();
  }

  /** `true`: TCP and the in-memory transport can half-close. */
  canWriteEof(): boolean {
    return this._transport.canWriteEof();
  }

  /** Close after the buffered data is sent. `waitClosed()` waits for it. */
  close(): void {
    this._transport.close();
  }

  /** `true` once closing. */
  isClosing(): boolean {
    return this._transport.isClosing();
  }

  /** Wait until the connection is closed; if it was lost to an error, throw it. */
  *waitClosed(): Coroutine<void> {
    yield* this._protocol._closed;
  }

  /** `peername`/`sockname` (`[host, port]`), or `defaultValue`. */
  getExtraInfo(name: string, defaultValue: unknown = null): unknown {
    return this._transport.getExtraInfo(name, defaultValue);
  }

  /**
   * Wait until it is appropriate to write again: returns at once unless the write
   * buffer is over the high-water mark, then waits for it to drain to the low-water mark.
   *
   * - The connection failed (a reset): its error.
   * - The connection is closed: `ConnectionResetError('Connection lost')`, after one
   *   iteration so that a pending loss is seen.
   */
  drain(): Coroutine<void> {
    const protocol = this._protocol;
    // The common case, without a generator: nothing to report, nothing to wait for.
    if (
      (this._reader === null || this._reader._exception === null) &&
      !protocol._paused &&
      !protocol._connectionLost &&
      !this._transport.isClosing()
    ) {
      return DONE;
    }
    return this._drain();
  }

  private *_drain(): Coroutine<void> {
    if (this._reader !== null) {
      const exc = this._reader.exception();
      if (exc !== null) throw exc;
    }
    if (this._transport.isClosing()) {
      // Let connectionLost() run, so that a write loop sees the error.
      yield* sleep(0);
    }
    yield* this._protocol._drainHelper();
  }
}

/**
 * A coroutine that returns at once without yielding (what an `async def` that returns
 * before its first `await` is). It has no state, so one serves every caller.
 */
class Done implements Iterator<Yielded, void, unknown> {
  next(): IteratorResult<Yielded, void> {
    return DONE_RESULT;
  }

  throw(error: unknown): IteratorResult<Yielded, void> {
    throw error;
  }

  return(): IteratorResult<Yielded, void> {
    return DONE_RESULT;
  }

  [Symbol.iterator](): this {
    return this;
  }

  get [Symbol.toStringTag](): string {
    return "Generator";
  }
}

const DONE_RESULT: IteratorResult<Yielded, void> = Object.freeze({ done: true, value: undefined });
const DONE = new Done() as unknown as Coroutine<void>;

/**
 * A listening server (Python: `asyncio.Server`), made by `startServer()`. It is serving
 * from creation until `close()`.
 *
 * `sockets` lists its listening endpoints: `server.sockets[0].getsockname()` is
 * `[host, port]`, the port the system picked when 0 was asked for.
 */
export class Server implements AcceptingServer {
  _loop: AbstractEventLoop;
  _listeners: Listener[] = [];
  _sockets: readonly ServerSocket[] = [];
  _closed = false;
  _activeCount = 0;
  /** Futures of `waitClosed()` callers; `null` once closed with no connection left. */
  _waiters: Future<void>[] | null = [];
  _serving = false;
  _servingForeverFut: Future<void> | null = null;
  private readonly _makeProtocol: () => Protocol;

  constructor(loop: AbstractEventLoop, protocolFactory: () => Protocol) {
    this._loop = loop;
    this._makeProtocol = protocolFactory;
  }

  /** `<Server sockets=(('127.0.0.1', 8888),)>`. */
  toString(): string {
    const names = this._sockets.map((s) => `('${s.getsockname()[0]}', ${s.getsockname()[1]})`);
    return `<Server sockets=(${names.join(", ")}${names.length === 1 ? "," : ""})>`;
  }

  /** The backend bound the listeners: serving starts. */
  _listening(listeners: Listener[]): void {
    this._listeners = listeners;
    this._sockets = listeners.map((l) => Object.freeze({ family: l.family, getsockname: () => l.getsockname() }));
    this._serving = true;
  }

  _protocolFactory(): Protocol {
    return this._makeProtocol();
  }

  _attach(): void {
    this._activeCount += 1;
  }

  _detach(): void {
    this._activeCount -= 1;
    if (this._activeCount === 0 && this._closed) this._wakeup();
  }

  private _wakeup(): void {
    const waiters = this._waiters;
    this._waiters = null;
    for (const waiter of waiters ?? []) if (!waiter.done()) waiter.setResult(undefined);
  }

  /** The loop the server runs on. */
  getLoop(): AbstractEventLoop {
    return this._loop;
  }

  /** `true` until `close()`. */
  isServing(): boolean {
    return this._serving;
  }

  /** The listening endpoints; empty once closed. */
  get sockets(): readonly ServerSocket[] {
    return this._closed ? [] : this._sockets;
  }

  /**
   * Stop listening: new connections are refused, the ones already accepted stay open.
   * Cancels a pending `serveForever()`. Closing twice does nothing.
   */
  close(): void {
    if (this._closed) return;
    this._closed = true;
    for (const listener of this._listeners) listener.close();
    this._serving = false;
    const fut = this._servingForeverFut;
    if (fut !== null && !fut.done()) {
      fut.cancel();
      this._servingForeverFut = null;
    }
    if (this._activeCount === 0) this._wakeup();
  }

  /** Already serving since creation: yields to the loop once, as Python's does. */
  *startServing(): Coroutine<void> {
    yield* sleep(0);
  }

  /**
   * Serve until cancelled; then close the server, wait for its connections to end
   * (`waitClosed()`), and let the `CancelledError` through.
   *
   * - Already awaited by another `serveForever()`, or closed: `RuntimeError`.
   */
  *serveForever(): Coroutine<void> {
    if (this._servingForeverFut !== null) throw new RuntimeError(`server ${this} is already being awaited on serve_forever()`);
    if (this._closed) throw new RuntimeError(`server ${this} is closed`);
    const fut = this._loop.createFuture<void>();
    this._servingForeverFut = fut;
    try {
      yield* fut;
    } catch (e) {
      if (e instanceof CancelledError) {
        try {
          this.close();
          yield* this.waitClosed();
        } catch {
          // As in Python, the first cancellation is what propagates.
        }
      }
      throw e;
    } finally {
      this._servingForeverFut = null;
    }
  }

  /**
   * Wait until the server is closed and every connection it accepted has ended (the
   * 3.12.1 semantics: both conditions, in either order).
   */
  *waitClosed(): Coroutine<void> {
    if (this._waiters === null) return;
    const waiter = this._loop.createFuture<void>();
    this._waiters.push(waiter);
    yield* waiter;
  }
}
