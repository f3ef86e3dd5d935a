/**
 * Which runtime runs the next cell, and what the badge says about it.
 *
 * Policy: never wait for a runtime. The reader's choice is remembered (localStorage); by
 * default ("auto") the page prefers the WebContainer when it is cross-origin isolated, else the
 * worker. A run that wants a WebContainer that is not ready yet runs in the worker at once and
 * starts the boot in the background a moment later (so as not to slow that run); once the boot
 * is ready, later runs use it (it is what the reader chose: real Node). A boot that fails or
 * misses its deadline is remembered for the session (sessionStorage), so later pages do not
 * start it again. Only where the worker
 * cannot run (no module workers) does a run wait for the boot, at most the deadline.
 * Step through runs in the worker whatever the choice: it pauses the loop by blocking the
 * worker's thread, and nothing in the page can pause the WebContainer's node.
 */
import type { Runtime } from "./core/index.ts";
import { ISOLATION_REASON, timeoutReason, type WebContainerBoot } from "./webcontainer/index.ts";

export type RuntimeName = Runtime["name"];

/**
 * What the reader may choose: a runtime, or "auto" (no stored choice: the WebContainer when the
 * page is cross-origin isolated, else the worker).
 */
export type RuntimePreference = RuntimeName | "auto";

/** What a run needs of its runtime beyond running the program. */
export interface RunNeeds {
  /** Step through: a runtime that can pause the loop before each callback (the worker only). */
  step?: boolean;
}

/** What the badge shows. */
export interface RuntimeStatus {
  /** The runtime the next run uses (or is waiting for). */
  name: RuntimeName;
  /** "booting": waiting for the WebContainer; "ready": runs go to `name`; "unavailable": nothing can run. */
  state: "booting" | "ready" | "unavailable";
  /** Why `name` is not the preferred runtime, or why nothing can run. */
  reason?: string;
  /** The runtime the reader chose (or the default). */
  preferred: RuntimeName;
}

/** The localStorage key holding the reader's choice: "webcontainer" or "worker"; absent for "auto". */
export const RUNTIME_STORAGE_KEY = "asyncio-notebook:runtime";

/** The sessionStorage key holding why the WebContainer did not start in this session. */
export const UNAVAILABLE_SESSION_KEY = "asyncio-notebook:webcontainer-unavailable";

type KeyValue = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface SelectorOptions {
  worker: () => Runtime;
  webcontainer: () => Runtime;
  boot: WebContainerBoot;
  /** Where the reader's choice lives (localStorage). */
  storage?: KeyValue | undefined;
  /** Where "the WebContainer did not start" lives for the session (sessionStorage). */
  session?: KeyValue | undefined;
  isolated?: () => boolean;
  /** False where module workers are missing: then only the WebContainer can run. */
  workerSupported?: () => boolean;
}

const FALLBACK = " — running in an in-page worker";
/** How long after the first run the WebContainer's boot starts (see `_watchSoon`). */
export const BOOT_DELAY_MS = 1000;
/** The reason while the WebContainer boots behind the reader's first runs. */
export const STARTING_REASON = "WebContainer is starting in the background; later runs switch to it";

export class RuntimeSelector {
  private _status: RuntimeStatus;
  /** A run already waited for the current boot and gave up: later runs do not wait again. */
  private _waited = false;
  private readonly _listeners = new Set<(status: RuntimeStatus) => void>();
  private readonly _options: SelectorOptions;

  constructor(options: SelectorOptions) {
    this._options = options;
    const preferred = this.preferred;
    this._status = { name: preferred, state: "ready", preferred };
    this._refresh();
    options.boot.onChange(() => this._refresh());
  }

  get status(): RuntimeStatus {
    return this._status;
  }

  /** The stored choice, else WebContainer when the page is cross-origin isolated, else the worker. */
  get preferred(): RuntimeName {
    const stored = safely(() => this._options.storage?.getItem(RUNTIME_STORAGE_KEY));
    if (stored === "webcontainer" || stored === "worker") return stored;
    return this._isolated() ? "webcontainer" : "worker";
  }

  /** Why the WebContainer did not start earlier in this session, if it did not. */
  get unavailableReason(): string | undefined {
    return safely(() => this._options.session?.getItem(UNAVAILABLE_SESSION_KEY)) ?? undefined;
  }

  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  onStatus(listener: (status: RuntimeStatus) => void): () => void {
    this._listeners.add(listener);
    listener(this._status);
    return () => this._listeners.delete(listener);
  }

  /**
   * Remembers the reader's choice ("auto" forgets it, so the default applies). Choosing the
   * WebContainer explicitly forgets that it was unavailable, so the next run tries it again.
   */
  setPreferred(choice: RuntimePreference): void {
    const { storage, session } = this._options;
    safely(() => (choice === "auto" ? storage?.removeItem(RUNTIME_STORAGE_KEY) : storage?.setItem(RUNTIME_STORAGE_KEY, choice)));
    if (choice === "webcontainer") safely(() => session?.removeItem(UNAVAILABLE_SESSION_KEY));
    this._waited = false;
    this._refresh();
  }

  /**
   * The runtime for the next run, at once: the WebContainer when it is preferred and ready,
   * else the worker (starting the WebContainer's boot in the background when it is preferred
   * and may still work). Waits for the boot only where the worker cannot run. A run that
   * steps gets the worker, and starts no boot.
   * @param signal aborting it stops waiting for the boot.
   */
  async getRuntime(signal?: AbortSignal, needs: RunNeeds = {}): Promise<Runtime> {
    if (needs.step) return this._options.worker();
    const { boot } = this._options;
    if (this.preferred === "webcontainer" && boot.state !== "ready" && this._wcPossible()) {
      if (this._workerSupported()) this._watchSoon();
      else if (!this._waited) {
        const booting = this._watch();
        this._set({ name: "webcontainer", state: "booting", preferred: "webcontainer" });
        try {
          await booting.within(boot.deadlineMs, signal);
        } catch {
          this._waited = true;
        }
      }
    }
    this._refresh();
    return this._status.name === "webcontainer" ? this._options.webcontainer() : this._options.worker();
  }

  private _watching = false;
  private _watchTimer: unknown;

  /**
   * Starts the boot a moment after the run that asked for it: the boot's work (its module,
   * its frame) would otherwise delay that run's worker, which is what the reader waits for.
   */
  private _watchSoon(): void {
    if (this._watching || this._watchTimer !== undefined) return;
    this._watchTimer = setTimeout(() => this._watch(), BOOT_DELAY_MS);
  }

  /** Starts the boot (once), and remembers for the session when it fails or misses its deadline. */
  private _watch(): WebContainerBoot {
    const { boot, session } = this._options;
    if (!this._watching) {
      this._watching = true;
      boot.within(boot.deadlineMs).then(
        () => safely(() => session?.removeItem(UNAVAILABLE_SESSION_KEY)),
        (error: unknown) => {
          this._waited = true;
          safely(() => session?.setItem(UNAVAILABLE_SESSION_KEY, (error as Error).message));
          this._refresh();
        },
      );
      // A late boot still wins: forget the session's note, the next run uses it.
      boot.start().then(() => safely(() => session?.removeItem(UNAVAILABLE_SESSION_KEY)), () => undefined);
    }
    return boot;
  }

  private _isolated(): boolean {
    return (this._options.isolated ?? (() => globalThis.crossOriginIsolated === true))();
  }

  private _workerSupported(): boolean {
    return (this._options.workerSupported ?? (() => typeof Worker === "function"))();
  }

  /** Whether a boot may still give a WebContainer on this page. */
  private _wcPossible(): boolean {
    const { boot } = this._options;
    if (!this._isolated() || boot.state === "failed") return false;
    // Missed in an earlier page of this session: do not pay for the boot again.
    return boot.state !== "idle" || this.unavailableReason === undefined;
  }

  /** Recomputes the status from the preference and the boot's state. */
  private _refresh(): void {
    const preferred = this.preferred;
    const { boot } = this._options;
    const worker = (reason?: string): RuntimeStatus =>
      this._workerSupported()
        ? { name: "worker", state: "ready", preferred, ...(reason ? { reason: reason + FALLBACK } : {}) }
        : { name: "worker", state: "unavailable", preferred, reason: `${reason ? `${reason}, and this` : "This"} browser has no module workers` };

    if (preferred === "worker") return this._set(worker());
    if (boot.state === "ready") return this._set({ name: "webcontainer", state: "ready", preferred });
    if (!this._isolated()) return this._set(worker(ISOLATION_REASON));
    if (boot.state === "failed") return this._set(worker(boot.error?.message ?? "WebContainer failed to start"));
    if (boot.state === "booting" && this._waited) return this._set(worker(timeoutReason(boot.deadlineMs)));
    const earlier = this.unavailableReason;
    if (boot.state === "idle" && earlier !== undefined) return this._set(worker(`${earlier} earlier in this session`));
    if (!this._workerSupported()) {
      return this._set({ name: "webcontainer", state: boot.state === "booting" ? "booting" : "ready", preferred });
    }
    if (boot.state === "booting") return this._set(worker(STARTING_REASON));
    // Idle: the first run goes to the worker and starts the WebContainer's boot behind it.
    return this._set({ name: "worker", state: "ready", preferred });
  }

  private _set(status: RuntimeStatus): void {
    const previous = this._status;
    if (
      previous.name === status.name && previous.state === status.state &&
      previous.reason === status.reason && previous.preferred === status.preferred
    ) {
      return;
    }
    this._status = status;
    for (const listener of this._listeners) listener(status);
  }
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined; // storage blocked (privacy mode, sandboxed iframe)
  }
}
