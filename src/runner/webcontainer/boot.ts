/**
 * The page's one WebContainer boot: started on demand, memoised, raced against a deadline.
 *
 * `WebContainer.boot()` may be called once per page, is expensive, and offline it never
 * settles (it waits for StackBlitz's servers). So the boot is started on the first run that
 * wants it, kept going in the background whatever happens, and each caller waits at most a
 * short deadline for it. Without cross-origin isolation it cannot work at all, which is
 * reported at once instead of after the deadline.
 */
import type { WebContainerLike } from "./runtime.ts";

export type BootState =
  /** Not asked for yet. */
  | "idle"
  /** `boot()` called, not settled. */
  | "booting"
  | "ready"
  /** `boot()` rejected, or the page is not cross-origin isolated. */
  | "failed";

/** Why the WebContainer is not available (yet); `message` is written for the reader. */
export class BootError extends Error {
  override name = "BootError";
  /** "isolation": the page lacks COOP/COEP; "timeout": the deadline passed (the boot goes on); "failed": boot() rejected. */
  readonly kind: "isolation" | "timeout" | "failed";
  constructor(kind: BootError["kind"], message: string) {
    super(message);
    this.kind = kind;
  }
}

export interface BootOptions {
  /** Boots a WebContainer (default: `WebContainer.boot()` from `@webcontainer/api`). */
  boot?: () => Promise<WebContainerLike>;
  /** Whether the page is cross-origin isolated (default: `globalThis.crossOriginIsolated`). */
  isolated?: () => boolean;
  /** How long a caller waits for the boot. @default 4000 */
  deadlineMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The reason given when the page lacks cross-origin isolation. */
export const ISOLATION_REASON =
  "This page is not cross-origin isolated (it was served without COOP/COEP headers), which WebContainer needs";

/** The reason given when the boot misses its deadline. */
export function timeoutReason(ms: number): string {
  return `WebContainer did not start within ${Number((ms / 1000).toFixed(1))} s (offline?)`;
}

async function bootWebContainer(): Promise<WebContainerLike> {
  const { WebContainer } = await import("@webcontainer/api");
  return WebContainer.boot({ coep: "require-corp", workdirName: "notebook" });
}

/** One boot per page, observable. */
export class WebContainerBoot {
  private _state: BootState = "idle";
  private _promise: Promise<WebContainerLike> | undefined;
  private _error: BootError | undefined;
  private readonly _listeners = new Set<(state: BootState) => void>();
  private readonly _boot: () => Promise<WebContainerLike>;
  private readonly _isolated: () => boolean;
  private readonly _setTimer: (callback: () => void, ms: number) => unknown;
  private readonly _clearTimer: (handle: unknown) => void;
  /** The deadline {@link within} waits by default. */
  readonly deadlineMs: number;

  constructor(options: BootOptions = {}) {
    this._boot = options.boot ?? bootWebContainer;
    this._isolated = options.isolated ?? (() => globalThis.crossOriginIsolated === true);
    this.deadlineMs = options.deadlineMs ?? 4000;
    this._setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this._clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as number));
  }

  get state(): BootState {
    return this._state;
  }

  /** Why the state is "failed". */
  get error(): BootError | undefined {
    return this._error;
  }

  /** Calls `listener` on every state change; returns the unsubscribe function. */
  onChange(listener: (state: BootState) => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /**
   * The boot promise, started on the first call. Rejects with a {@link BootError}:
   * "isolation" at once when the page is not cross-origin isolated, "failed" when the
   * boot rejects. Never times out: see {@link within}.
   */
  start(): Promise<WebContainerLike> {
    if (this._promise) return this._promise;
    if (!this._isolated()) {
      this._fail(new BootError("isolation", ISOLATION_REASON));
    } else {
      this._setState("booting");
      this._promise = Promise.resolve().then(() => this._boot()).then(
        (container) => {
          this._setState("ready");
          return container;
        },
        (error: unknown) => {
          throw this._fail(new BootError("failed", `WebContainer failed to start: ${error instanceof Error ? error.message : String(error)}`));
        },
      );
    }
    // Callers that stop waiting (deadline, Stop) must not leave an unhandled rejection behind.
    this._promise!.catch(() => undefined);
    return this._promise!;
  }

  /**
   * {@link start}, waiting at most `ms`: rejects with a "timeout" {@link BootError} when
   * the deadline passes first (the boot itself goes on, and a later call may find it
   * ready), or early when `signal` aborts.
   */
  within(ms = this.deadlineMs, signal?: AbortSignal): Promise<WebContainerLike> {
    const boot = this.start();
    if (this._state !== "booting") return boot;
    return new Promise((resolve, reject) => {
      const timer = this._setTimer(() => reject(new BootError("timeout", timeoutReason(ms))), ms);
      const onAbort = (): void => reject(signal!.reason ?? new DOMException("Aborted", "AbortError"));
      signal?.addEventListener("abort", onAbort, { once: true });
      boot.then(resolve, reject).finally(() => {
        this._clearTimer(timer);
        signal?.removeEventListener("abort", onAbort);
      });
    });
  }

  private _fail(error: BootError): BootError {
    this._error = error;
    this._promise ??= Promise.reject(error);
    this._setState("failed");
    return error;
  }

  private _setState(state: BootState): void {
    if (this._state === state) return;
    this._state = state;
    for (const listener of this._listeners) listener(state);
  }
}
