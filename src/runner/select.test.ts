import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Runtime } from "./core/index.ts";
import { BOOT_DELAY_MS, RUNTIME_STORAGE_KEY, RuntimeSelector, STARTING_REASON, UNAVAILABLE_SESSION_KEY, type RuntimeStatus } from "./select.ts";
import { WebContainerBoot } from "./webcontainer/index.ts";
import type { WebContainerLike } from "./webcontainer/index.ts";

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

interface Setup {
  boot: () => Promise<WebContainerLike>;
  isolated?: boolean;
  stored?: string;
  session?: ReturnType<typeof memoryStorage>;
  workerSupported?: boolean;
}

function selector(options: Setup) {
  const boot = new WebContainerBoot({ boot: options.boot, isolated: () => options.isolated ?? true, deadlineMs: 4000 });
  const storage = memoryStorage(options.stored ? { [RUNTIME_STORAGE_KEY]: options.stored } : {});
  const session = options.session ?? memoryStorage();
  const select = new RuntimeSelector({
    boot,
    worker: () => worker,
    webcontainer: () => webcontainer,
    storage,
    session,
    isolated: () => options.isolated ?? true,
    workerSupported: () => options.workerSupported ?? true,
  });
  const statuses: RuntimeStatus[] = [];
  select.onStatus((s) => statuses.push(s));
  return { select, boot, storage, session, statuses };
}

const never = () => new Promise<WebContainerLike>(() => {});

/** Resolves on the next microtasks: the runtime must be picked without any timer firing. */
async function pickedAtOnce(select: RuntimeSelector): Promise<Runtime> {
  let picked: Runtime | undefined;
  void select.getRuntime().then((r) => (picked = r));
  await vi.advanceTimersByTimeAsync(0);
  expect(picked, "getRuntime() waited for a timer").toBeDefined();
  return picked!;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("RuntimeSelector: never wait", () => {
  it("runs the first cell in the worker at once and boots the WebContainer behind it, a moment later", async () => {
    const boot = vi.fn(never);
    const { select, statuses } = selector({ boot });
    expect(select.preferred).toBe("webcontainer");
    expect(select.status).toEqual({ name: "worker", state: "ready", preferred: "webcontainer" });
    expect(await pickedAtOnce(select)).toBe(worker);
    // The run's worker starts first: the boot would compete with it for the page's thread.
    expect(boot).not.toHaveBeenCalled();
    expect(await pickedAtOnce(select)).toBe(worker);
    await vi.advanceTimersByTimeAsync(BOOT_DELAY_MS);
    expect(boot).toHaveBeenCalledTimes(1);
    expect(select.status.reason).toBe(`${STARTING_REASON} — running in an in-page worker`);
    expect(statuses.every((s) => s.state !== "booting")).toBe(true);
  });

  it("gives Step through the worker, even with the WebContainer ready, and starts no boot for it", async () => {
    let finish!: (c: WebContainerLike) => void;
    const boot = vi.fn(() => new Promise<WebContainerLike>((r) => (finish = r)));
    const { select } = selector({ boot });
    expect(await select.getRuntime(undefined, { step: true })).toBe(worker);
    await vi.advanceTimersByTimeAsync(BOOT_DELAY_MS);
    expect(boot).not.toHaveBeenCalled();
    await pickedAtOnce(select);
    await vi.advanceTimersByTimeAsync(BOOT_DELAY_MS);
    finish({} as WebContainerLike);
    await vi.advanceTimersByTimeAsync(0);
    expect(await pickedAtOnce(select)).toBe(webcontainer);
    expect(await select.getRuntime(undefined, { step: true })).toBe(worker);
  });

  it("switches later runs to the WebContainer once it is ready", async () => {
    let finish!: (c: WebContainerLike) => void;
    const { select } = selector({ boot: () => new Promise((r) => (finish = r)) });
    expect(await pickedAtOnce(select)).toBe(worker);
    await vi.advanceTimersByTimeAsync(BOOT_DELAY_MS);
    finish({} as WebContainerLike);
    await vi.advanceTimersByTimeAsync(0);
    expect(select.status).toEqual({ name: "webcontainer", state: "ready", preferred: "webcontainer" });
    expect(await pickedAtOnce(select)).toBe(webcontainer);
  });

  it("remembers for the session a boot that missed its deadline, and never starts it again", async () => {
    const boot = vi.fn(never);
    const first = selector({ boot });
    await pickedAtOnce(first.select);
    await vi.advanceTimersByTimeAsync(BOOT_DELAY_MS + 4000);
    expect(first.session.data.get(UNAVAILABLE_SESSION_KEY)).toBe("WebContainer did not start within 4 s (offline?)");
    expect(first.select.status.reason).toBe("WebContainer did not start within 4 s (offline?) — running in an in-page worker");

    // The next page of the session: a new selector and boot, the same sessionStorage.
    const nextBoot = vi.fn(never);
    const next = selector({ boot: nextBoot, session: first.session });
    expect(next.select.status).toMatchObject({ name: "worker", state: "ready" });
    expect(next.select.status.reason).toMatch(/did not start within 4 s \(offline\?\) earlier in this session/);
    expect(await pickedAtOnce(next.select)).toBe(worker);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(nextBoot).not.toHaveBeenCalled();
  });

  it("forgets the session's note when a late boot completes after all", async () => {
    let finish!: (c: WebContainerLike) => void;
    const { select, session } = selector({ boot: () => new Promise((r) => (finish = r)) });
    await pickedAtOnce(select);
    await vi.advanceTimersByTimeAsync(BOOT_DELAY_MS + 4000);
    expect(session.data.has(UNAVAILABLE_SESSION_KEY)).toBe(true);
    finish({} as WebContainerLike);
    await vi.advanceTimersByTimeAsync(0);
    expect(session.data.has(UNAVAILABLE_SESSION_KEY)).toBe(false);
    expect(await pickedAtOnce(select)).toBe(webcontainer);
  });

  it("remembers a failed boot for the session, with its error", async () => {
    const { select, session } = selector({ boot: async () => Promise.reject(new Error("no network")) });
    expect(await pickedAtOnce(select)).toBe(worker);
    await vi.advanceTimersByTimeAsync(BOOT_DELAY_MS);
    expect(select.status.reason).toBe("WebContainer failed to start: no network — running in an in-page worker");
    expect(session.data.get(UNAVAILABLE_SESSION_KEY)).toBe("WebContainer failed to start: no network");
  });

  it("tries again when the reader picks the WebContainer explicitly", async () => {
    const session = memoryStorage({ [UNAVAILABLE_SESSION_KEY]: "WebContainer did not start within 4 s (offline?)" });
    const boot = vi.fn(never);
    const { select } = selector({ boot, session });
    await pickedAtOnce(select);
    expect(boot).not.toHaveBeenCalled();
    select.setPreferred("webcontainer");
    expect(session.data.has(UNAVAILABLE_SESSION_KEY)).toBe(false);
    expect(await pickedAtOnce(select)).toBe(worker);
    await vi.advanceTimersByTimeAsync(BOOT_DELAY_MS);
    expect(boot).toHaveBeenCalledTimes(1);
  });

  it("uses the WebContainer at once when it is already ready", async () => {
    const { select, boot } = selector({ boot: async () => ({}) as WebContainerLike });
    await boot.start();
    expect(await pickedAtOnce(select)).toBe(webcontainer);
  });

  it("waits for the boot (at most the deadline) only where module workers are missing", async () => {
    const { select } = selector({ boot: never, workerSupported: false });
    const picked = select.getRuntime();
    await vi.advanceTimersByTimeAsync(0);
    expect(select.status).toMatchObject({ name: "webcontainer", state: "booting" });
    await vi.advanceTimersByTimeAsync(4000);
    expect(await picked).toBe(worker);
    expect(select.status.state).toBe("unavailable");
    expect(select.status.reason).toMatch(/did not start within 4 s.*no module workers/);
  });

  it("stops waiting for the boot when the run is stopped", async () => {
    const { select } = selector({ boot: never, workerSupported: false });
    const controller = new AbortController();
    const picked = select.getRuntime(controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await picked).toBe(worker);
  });
});

describe("RuntimeSelector: the reader's choice", () => {
  it("says at once why the WebContainer cannot run without cross-origin isolation", async () => {
    const boot = vi.fn(never);
    const { select } = selector({ boot, isolated: false, stored: "webcontainer" });
    expect(select.status).toMatchObject({ name: "worker", state: "ready" });
    expect(select.status.reason).toMatch(/not cross-origin isolated.*— running in an in-page worker$/);
    expect(await pickedAtOnce(select)).toBe(worker);
    expect(boot).not.toHaveBeenCalled();
  });

  it("remembers the reader's choice of the worker, and never boots for it", async () => {
    const boot = vi.fn(never);
    const { select, storage } = selector({ boot, stored: "worker" });
    expect(await pickedAtOnce(select)).toBe(worker);
    expect(boot).not.toHaveBeenCalled();
    select.setPreferred("webcontainer");
    expect(storage.data.get(RUNTIME_STORAGE_KEY)).toBe("webcontainer");
    select.setPreferred("worker");
    expect(select.status).toEqual({ name: "worker", state: "ready", preferred: "worker" });
  });

  it("forgets the reader's choice on \"auto\", so the default applies again", () => {
    const { select, storage } = selector({ boot: never, stored: "worker" });
    expect(select.preferred).toBe("worker");
    select.setPreferred("auto");
    expect(storage.data.has(RUNTIME_STORAGE_KEY)).toBe(false);
    expect(select.preferred).toBe("webcontainer");
  });

  it("\"auto\" without isolation is the worker, with nothing stored", () => {
    const { select, storage } = selector({ boot: never, isolated: false, stored: "webcontainer" });
    select.setPreferred("auto");
    expect(storage.data.size).toBe(0);
    expect(select.status).toEqual({ name: "worker", state: "ready", preferred: "worker" });
  });
});
