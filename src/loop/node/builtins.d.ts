/**
 * The parts of Node's built-in modules that `node/` uses, declared here rather than
 * taken from `@types/node`: with `@types/node` in the program, its
 * `esnext.disposable` lib changes `Generator` for every file, the core included, and the
 * core is written for plain ES2022 (its tsconfig has `"types": []`).
 */

declare module "node:net" {
  interface AddressInfo {
    address: string;
    family: string;
    port: number;
  }

  interface Socket {
    readonly remoteAddress?: string;
    readonly remotePort?: number;
    readonly localAddress?: string;
    readonly localPort?: number;
    /** Bytes queued in the socket, not yet handed to the kernel. */
    readonly writableLength: number;
    readonly writableHighWaterMark: number;
    readonly destroyed: boolean;
    setNoDelay(noDelay?: boolean): this;
    write(data: Uint8Array, callback?: (error?: Error | null) => void): boolean;
    end(): this;
    pause(): this;
    resume(): this;
    destroy(): this;
    resetAndDestroy(): this;
    on(event: "data", listener: (data: Uint8Array) => void): this;
    on(event: "end" | "connect" | "close", listener: () => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    once(event: "connect" | "close", listener: () => void): this;
    once(event: "error", listener: (error: Error) => void): this;
    unref(): this;
    off(event: "connect", listener: () => void): this;
    off(event: "error", listener: (error: Error) => void): this;
  }

  interface Server {
    listen(options: { host?: string | undefined; port: number; backlog?: number; exclusive?: boolean }): this;
    close(): this;
    address(): AddressInfo | string | null;
    on(event: "connection", listener: (socket: Socket) => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    once(event: "listening" | "close", listener: () => void): this;
    once(event: "error", listener: (error: Error) => void): this;
    unref(): this;
    off(event: "error", listener: (error: Error) => void): this;
  }

  function connect(options: {
    host: string;
    port: number;
    allowHalfOpen?: boolean;
    noDelay?: boolean;
    /** Read into `buffer`, then call `callback` with the byte count, instead of emitting `data`. */
    onread?: { buffer: Uint8Array; callback: (bytesRead: number, buffer: Uint8Array) => boolean | void };
  }): Socket;
  function createServer(options: { allowHalfOpen?: boolean; noDelay?: boolean }): Server;
}

declare module "node:buffer" {
  const Buffer: {
    /** A copy of `data` (a string as UTF-8). */
    from(data: Uint8Array | string): Uint8Array;
  };
}

declare module "node:os" {
  function availableParallelism(): number;
  const constants: { errno: Record<string, number> };
}

declare module "node:worker_threads" {
  class Worker {
    constructor(script: string, options: { eval: boolean; name?: string });
    postMessage(message: unknown): void;
    ref(): void;
    unref(): void;
    terminate(): Promise<number>;
    on(event: "message", listener: (message: unknown) => void): this;
    on(event: "error" | "messageerror", listener: (error: Error) => void): this;
    on(event: "exit", listener: (code: number) => void): this;
  }
}
