import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BootError, WebContainerBoot, type BootState } from "./boot.ts";
import type { WebContainerLike } from "./runtime.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const container = {} as WebContainerLike;

describe("WebContainerBoot", () => {
  it("boots once, on demand, however many callers ask", async () => {
    const boot = vi.fn(async () => container);
    const wc = new WebContainerBoot({ boot, isolated: () => true });
    expect(wc.state).toBe("idle");
    expect(boot).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([wc.start(), wc.within()]);
    expect(a).toBe(container);
    expect(b).toBe(container);
    expect(boot).toHaveBeenCalledTimes(1);
    expect(wc.state).toBe("ready");
  });

  it("gives up waiting at the deadline while the boot goes on (offline: boot() never settles)", async () => {
    let finish!: (c: WebContainerLike) => void;
    const wc = new WebContainerBoot({ boot: () => new Promise((r) => (finish = r)), isolated: () => true, deadlineMs: 4000 });
    const states: BootState[] = [];
    wc.onChange((s) => states.push(s));
    const waiting = wc.within();
    const outcome = waiting.then(
      () => "booted",
      (error: BootError) => `${error.kind}: ${error.message}`,
    );
    await vi.advanceTimersByTimeAsync(3999);
    expect(wc.state).toBe("booting");
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe("timeout: WebContainer did not start within 4 s (offline?)");
    expect(wc.state).toBe("booting");
    finish(container);
    await vi.advanceTimersByTimeAsync(0);
    expect(wc.state).toBe("ready");
    expect(await wc.within()).toBe(container);
    expect(states).toEqual(["booting", "ready"]);
  });

  it("refuses at once without cross-origin isolation, never calling boot()", async () => {
    const boot = vi.fn(async () => container);
    const wc = new WebContainerBoot({ boot, isolated: () => false });
    await expect(wc.within()).rejects.toMatchObject({ kind: "isolation", message: expect.stringMatching(/not cross-origin isolated/) });
    expect(boot).not.toHaveBeenCalled();
    expect(wc.state).toBe("failed");
  });

  it("reports a boot that fails, and does not boot again", async () => {
    const boot = vi.fn(async (): Promise<WebContainerLike> => {
      throw new Error("Unable to create more instances");
    });
    const wc = new WebContainerBoot({ boot, isolated: () => true });
    await expect(wc.start()).rejects.toMatchObject({ kind: "failed", message: "WebContainer failed to start: Unable to create more instances" });
    await expect(wc.within()).rejects.toBeInstanceOf(BootError);
    expect(boot).toHaveBeenCalledTimes(1);
    expect(wc.error?.kind).toBe("failed");
  });

  it("stops waiting when the signal aborts", async () => {
    const wc = new WebContainerBoot({ boot: () => new Promise(() => {}), isolated: () => true });
    const controller = new AbortController();
    const waiting = wc.within(4000, controller.signal);
    controller.abort();
    // With the signal's own reason (an AbortError), not a BootError: nothing failed or timed out.
    expect(controller.signal.reason).toMatchObject({ name: "AbortError" });
    await expect(waiting).rejects.toBe(controller.signal.reason);
    expect(wc.state).toBe("booting");
  });
});
