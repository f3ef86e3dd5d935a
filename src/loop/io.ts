/** The I/O half of the public surface: streams, their errors, transports, threads. Platform-free; the package entries register the backends. */
export {
  type ClientConnectedCallback,
  FlowControlProtocol,
  openConnection,
  Server,
  type ServerOptions,
  startServer,
  type StreamOptions,
  StreamReader,
  StreamReaderProtocol,
  StreamWriter,
} from "./streams.ts";
export {
  BrokenPipeError,
  ConnectionAbortedError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionResetError,
  OSError,
} from "./os-errors.ts";
export {
  type AcceptingServer,
  BaseStreamTransport,
  type ExtraInfo,
  getNetworkBackend,
  type Listener,
  type NetworkBackend,
  type Protocol,
  type ServerSocket,
  setNetworkBackend,
  type Transport,
} from "./transports.ts";
export { MemoryTransport, memoryBackend } from "./transport-memory.ts";
export {
  ConcurrentFuture,
  DataCloneError,
  type Executor,
  getThreadPlatform,
  setThreadPlatform,
  type ThreadPlatform,
  ThreadPoolExecutor,
  toThread,
  type WorkerThread,
  wrapFuture,
} from "./threads.ts";
