import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Runtime } from "./runtime.ts";
import { RUNTIME_STORAGE_KEY, RuntimeSelector, type RuntimeStatus } from "./select.ts";
import { WebContainerBoot } from "./webcontainer-boot.ts";
import type { WebContainerLike } from "./webcontainer.ts";

const worker = { name: "worker" } as Runtime;
const webcontainer = { name: "webcontainer" } as Runtime;

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}

function selector(options: { boot: () => Promise<WebContainerLike>; isolated?: boolean; stored?: string }) {
  const boot = new WebContainerBoot({ boot: options.boot, isolated: () => options.isolated ?? true, deadlineMs: 4000 });
  const storage = memoryStorage(options.stored ? { [RUNTIME_STORAGE_KEY]: options.stored } : {});
  const select = new RuntimeSelector({ boot, worker: () => worker, webcontainer: () => webcontainer, storage, isolated: () => options.isolated ?? true, workerSupported: () => true });
  const statuses: RuntimeStatus[] = [];
  select.onStatus((s) => statuses.push(s));
  return { select, boot, storage, statuses };
}

const never = () => new Promise<WebContainerLike>(() => {});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("RuntimeSelector", () => {
  it("prefers the WebContainer when isolated, and falls back to the worker when the boot never settles", async () => {
    const boot = vi.fn(never);
    const { select, statuses } = selector({ boot });
    expect(select.preferred).toBe("webcontainer");
    const picked = select.getRuntime();
    await vi.advanceTimersByTimeAsync(0);
    expect(select.status).toMatchObject({ name: "webcontainer", state: "booting" });
    await vi.advanceTimersByTimeAsync(3999);
    expect(select.status.state).toBe("booting");
    await vi.advanceTimersByTimeAsync(1);
    expect(await picked).toBe(worker);
    expect(select.status).toEqual({
      name: "worker",
      state: "ready",
      preferred: "webcontainer",
      reason: "WebContainer did not start within 4 s (offline?) — running in an in-page worker",
    });
    expect(statuses.map((s) => `${s.name}/${s.state}`)).toEqual(["webcontainer/ready", "webcontainer/booting", "worker/ready"]);
    expect(boot).toHaveBeenCalledTimes(1);
  });

  it("does not wait again for a boot that already missed its deadline", async () => {
    const boot = vi.fn(never);
    const { select } = selector({ boot });
    const first = select.getRuntime();
    await vi.advanceTimersByTimeAsync(4000);
    await first;
    let second: Runtime | undefined;
    void select.getRuntime().then((r) => (second = r));
    await vi.advanceTimersByTimeAsync(0);
    expect(second).toBe(worker);
    expect(boot).toHaveBeenCalledTimes(1);
  });

  it("switches to the WebContainer once a late boot completes", async () => {
    let finish!: (c: WebContainerLike) => void;
    const { select } = selector({ boot: () => new Promise((r) => (finish = r)) });
    const first = select.getRuntime();
    await vi.advanceTimersByTimeAsync(4000);
    expect(await first).toBe(worker);
    finish({} as WebContainerLike);
    await vi.advanceTimersByTimeAsync(0);
    expect(select.status).toMatchObject({ name: "webcontainer", state: "ready" });
    expect(await select.getRuntime()).toBe(webcontainer);
  });

  it("uses the WebContainer when it boots within the deadline", async () => {
    const { select } = selector({ boot: async () => ({}) as WebContainerLike });
    const picked = select.getRuntime();
    await vi.advanceTimersByTimeAsync(0);
    expect(await picked).toBe(webcontainer);
    expect(select.status).toMatchObject({ name: "webcontainer", state: "ready" });
  });

  it("says at once why the WebContainer cannot run without cross-origin isolation", async () => {
    const boot = vi.fn(never);
    const { select } = selector({ boot, isolated: false, stored: "webcontainer" });
    expect(select.status).toMatchObject({ name: "worker", state: "ready" });
    expect(select.status.reason).toMatch(/not cross-origin isolated.*— running in an in-page worker$/);
    expect(await select.getRuntime()).toBe(worker);
    expect(boot).not.toHaveBeenCalled();
  });

  it("falls back with the boot's error when it fails", async () => {
    const { select } = selector({ boot: async () => Promise.reject(new Error("no network")) });
    const picked = select.getRuntime();
    await vi.advanceTimersByTimeAsync(0);
    expect(await picked).toBe(worker);
    expect(select.status.reason).toBe("WebContainer failed to start: no network — running in an in-page worker");
  });

  it("remembers the reader's choice, and a switch back waits for the boot again", async () => {
    const boot = vi.fn(never);
    const { select, storage } = selector({ boot, stored: "worker" });
    expect(await select.getRuntime()).toBe(worker);
    expect(boot).not.toHaveBeenCalled();
    select.setPreferred("webcontainer");
    expect(storage.data.get(RUNTIME_STORAGE_KEY)).toBe("webcontainer");
    const picked = select.getRuntime();
    await vi.advanceTimersByTimeAsync(0);
    expect(select.status.state).toBe("booting");
    await vi.advanceTimersByTimeAsync(4000);
    expect(await picked).toBe(worker);
    select.setPreferred("worker");
    expect(select.status).toEqual({ name: "worker", state: "ready", preferred: "worker" });
  });

  it("forgets the reader's choice on \"auto\", so the default applies again", async () => {
    const boot = vi.fn(never);
    const { select, storage, statuses } = selector({ boot, stored: "worker" });
    expect(select.preferred).toBe("worker");
    select.setPreferred("auto");
    expect(storage.data.has(RUNTIME_STORAGE_KEY)).toBe(false);
    expect(select.preferred).toBe("webcontainer");
    expect(statuses.at(-1)).toEqual({ name: "webcontainer", state: "ready", preferred: "webcontainer" });
    const picked = select.getRuntime();
    await vi.advanceTimersByTimeAsync(0);
    expect(select.status.state).toBe("booting");
    expect(boot).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4000);
    expect(await picked).toBe(worker);
  });

  it("\"auto\" without isolation is the worker, with nothing stored", () => {
    const { select, storage } = selector({ boot: never, isolated: false, stored: "webcontainer" });
    select.setPreferred("auto");
    expect(storage.data.size).toBe(0);
    expect(select.status).toEqual({ name: "worker", state: "ready", preferred: "worker" });
  });

  it("defaults to the worker without isolation", () => {
    const { select } = selector({ boot: never, isolated: false });
    expect(select.preferred).toBe("worker");
    expect(select.status).toEqual({ name: "worker", state: "ready", preferred: "worker" });
  });

  it("stops waiting for the boot when the run is stopped", async () => {
    const { select } = selector({ boot: never });
    const controller = new AbortController();
    const picked = select.getRuntime(controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await picked).toBe(worker);
  });
});
