/**
 * Which runtime runs the next cell, and what the badge says about it.
 *
 * Policy: the reader's choice is remembered (localStorage). By default the page uses the
 * WebContainer when it is cross-origin isolated, else the worker. A run that wants the
 * WebContainer waits for its boot at most the deadline (4 s), then falls back to the worker
 * with a reason for the badge; the boot goes on in the background, and once it is ready the
 * next run uses it. Nothing here waits twice for a boot that already missed its deadline.
 */
import type { Runtime } from "./runtime.ts";
import { ISOLATION_REASON, timeoutReason, type WebContainerBoot } from "./webcontainer-boot.ts";

export type RuntimeName = Runtime["name"];

/**
 * What the reader may choose: a runtime, or "auto" (no stored choice: the WebContainer when the
 * page is cross-origin isolated, else the worker).
 */
export type RuntimePreference = RuntimeName | "auto";

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

export interface SelectorOptions {
  worker: () => Runtime;
  webcontainer: () => Runtime;
  boot: WebContainerBoot;
  storage?: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined;
  isolated?: () => boolean;
  /** False where module workers are missing: then only the WebContainer can run. */
  workerSupported?: () => boolean;
}

const FALLBACK = " — running in an in-page worker";

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

  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  onStatus(listener: (status: RuntimeStatus) => void): () => void {
    this._listeners.add(listener);
    listener(this._status);
    return () => this._listeners.delete(listener);
  }

  /**
   * Remembers the reader's choice ("auto" forgets it, so the default applies); a switch to the
   * WebContainer may wait for its boot again.
   */
  setPreferred(choice: RuntimePreference): void {
    const { storage } = this._options;
    safely(() => (choice === "auto" ? storage?.removeItem(RUNTIME_STORAGE_KEY) : storage?.setItem(RUNTIME_STORAGE_KEY, choice)));
    this._waited = false;
    this._refresh();
  }

  /**
   * The runtime for the next run. With the WebContainer preferred, the first call boots it
   * and waits up to the deadline; a boot that fails or is late gives the worker (and a
   * reason in the status). Never rejects while the worker can run.
   * @param signal aborting it stops waiting for the boot (and gives the worker).
   */
  async getRuntime(signal?: AbortSignal): Promise<Runtime> {
    const { boot } = this._options;
    if (this.preferred === "webcontainer" && this._wcPossible() && !this._waited) {
      if (boot.state !== "ready") this._set({ name: "webcontainer", state: "booting", preferred: "webcontainer" });
      try {
        await boot.within(boot.deadlineMs, signal);
        this._refresh();
        return this._options.webcontainer();
      } catch {
        this._waited = true;
      }
    }
    this._refresh();
    return this._status.name === "webcontainer" ? this._options.webcontainer() : this._options.worker();
  }

  private _isolated(): boolean {
    return (this._options.isolated ?? (() => globalThis.crossOriginIsolated === true))();
  }

  private _workerSupported(): boolean {
    return (this._options.workerSupported ?? (() => typeof Worker === "function"))();
  }

  private _wcPossible(): boolean {
    return this._isolated() && this._options.boot.state !== "failed";
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
    if (!this._isolated()) {
      return this._set(worker(ISOLATION_REASON));
    }
    if (boot.state === "failed") return this._set(worker(boot.error?.message ?? "WebContainer failed to start"));
    if (boot.state === "booting" && this._waited) {
      return this._set(worker(timeoutReason(boot.deadlineMs)));
    }
    if (boot.state === "booting") return this._set({ name: "webcontainer", state: "booting", preferred });
    // Idle: the WebContainer boots on the first run.
    return this._set({ name: "webcontainer", state: "ready", preferred });
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
