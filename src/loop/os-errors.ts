/** Python's `OSError` family, as streams raise it: connection refused, reset, broken pipe, address in use. */

/**
 * An operating-system error (Python's built-in `OSError`).
 *
 * Built like Python's: `new OSError(111, "Connect call failed ('127.0.0.1', 1)")` has
 * `errno` 111, `strerror` the text, and the message `[Errno 111] Connect call failed
 * ('127.0.0.1', 1)`; `new OSError("text")` has no errno and the message `text`.
 * `code` is the symbolic name (`ECONNREFUSED`), as Node names it, when known.
 */
export class OSError extends Error {
  static {
    this.prototype.name = "OSError";
  }
  /** The error number (Linux numbering in the in-memory transport, the host's under Node), or `null`. */
  readonly errno: number | null;
  /** The description without the `[Errno N]` prefix, or `null` when built from a message alone. */
  readonly strerror: string | null;
  /** Node's symbolic code (`ECONNRESET`), or `undefined`. */
  code: string | undefined;

  constructor(message?: string);
  constructor(errno: number, strerror: string, options?: { code?: string; cause?: unknown });
  constructor(errnoOrMessage?: number | string, strerror?: string, options?: { code?: string; cause?: unknown }) {
    if (typeof errnoOrMessage === "number") {
      super(`[Errno ${errnoOrMessage}] ${strerror ?? ""}`, options?.cause === undefined ? undefined : { cause: options.cause });
      this.errno = errnoOrMessage;
      this.strerror = strerror ?? null;
    } else {
      super(errnoOrMessage ?? "");
      this.errno = null;
      this.strerror = null;
    }
    this.code = options?.code;
  }
}

/** Base of the connection errors (Python's `ConnectionError`). */
export class ConnectionError extends OSError {
  static {
    this.prototype.name = "ConnectionError";
  }
}

/** Writing to a connection the peer has closed (Python's `BrokenPipeError`, `EPIPE`). */
export class BrokenPipeError extends ConnectionError {
  static {
    this.prototype.name = "BrokenPipeError";
  }
}

/** The connection was aborted on this side (Python's `ConnectionAbortedError`, `ECONNABORTED`). */
export class ConnectionAbortedError extends ConnectionError {
  static {
    this.prototype.name = "ConnectionAbortedError";
  }
}

/** Nothing listens at the address (Python's `ConnectionRefusedError`, `ECONNREFUSED`). */
export class ConnectionRefusedError extends ConnectionError {
  static {
    this.prototype.name = "ConnectionRefusedError";
  }
}

/** The peer reset the connection, or it was lost (Python's `ConnectionResetError`, `ECONNRESET`). */
export class ConnectionResetError extends ConnectionError {
  static {
    this.prototype.name = "ConnectionResetError";
  }
}

/** Linux errno values and texts of the errors the transports raise (what CPython prints on Linux). */
export const ERRNO = {
  EACCES: [13, "Permission denied"],
  EPIPE: [32, "Broken pipe"],
  EADDRINUSE: [98, "Address already in use"],
  EADDRNOTAVAIL: [99, "Cannot assign requested address"],
  ENETUNREACH: [101, "Network is unreachable"],
  ECONNABORTED: [103, "Software caused connection abort"],
  ECONNRESET: [104, "Connection reset by peer"],
  ETIMEDOUT: [110, "Connection timed out"],
  ECONNREFUSED: [111, "Connection refused"],
  EHOSTUNREACH: [113, "No route to host"],
} as const satisfies Record<string, readonly [number, string]>;

/** A symbolic errno name. */
export type ErrnoCode = keyof typeof ERRNO;

/**
 * The `OSError` subclass Python picks for `code` (`ECONNREFUSED` gives
 * `ConnectionRefusedError`, and so on), `OSError` itself for the others.
 */
export function osErrorClass(code: string | undefined): typeof OSError {
  switch (code) {
    case "EPIPE":
    case "ESHUTDOWN":
      return BrokenPipeError;
    case "ECONNABORTED":
      return ConnectionAbortedError;
    case "ECONNREFUSED":
      return ConnectionRefusedError;
    case "ECONNRESET":
      return ConnectionResetError;
    default:
      return OSError;
  }
}

/**
 * The error Python raises for `code` (`[Errno 104] Connection reset by peer`), with
 * `strerror` replaced when given (`Connect call failed ('127.0.0.1', 1)`).
 */
export function osError(code: ErrnoCode, strerror?: string, errno?: number): OSError {
  const [linuxErrno, text] = ERRNO[code];
  const Class = osErrorClass(code);
  return new Class(errno ?? linuxErrno, strerror ?? text, { code });
}
