import { afterEach, describe, expect, it, vi } from "vitest";
import * as asyncio from "./index.ts";
import { defaultHost, getHost, setHost } from "./host.ts";

afterEach(() => {
  setHost(null);
  vi.unstubAllGlobals();
});

describe("host", () => {
  it("is replaceable, and null restores the default", () => {
    expect(getHost()).toBe(defaultHost);
    const custom = { ...defaultHost };
    setHost(custom);
    expect(getHost()).toBe(custom);
    setHost(null);
    expect(getHost()).toBe(defaultHost);
  });

  it("looks the timer globals up at each call, so wrappers installed after import are used", async () => {
    const realSetTimeout = globalThis.setTimeout;
    const delays: number[] = [];
    vi.stubGlobal("setTimeout", ((callback: () => void, ms: number) => {
      delays.push(ms);
      return realSetTimeout(callback, ms);
    }) as typeof setTimeout);
    await asyncio.run(asyncio.sleep(0.01));
    expect(delays.length).toBeGreaterThanOrEqual(1);
    expect(delays[0]).toBeGreaterThanOrEqual(9);
  });

  it("uses a MessageChannel for immediates where there is no setImmediate", () => {
    const posted: (() => void)[] = [];
    class FakeChannel {
      port1 = { onmessage: null as ((event: unknown) => void) | null };
      port2 = { postMessage: () => posted.push(() => this.port1.onmessage?.({})) };
    }
    vi.stubGlobal("setImmediate", undefined);
    vi.stubGlobal("MessageChannel", FakeChannel);
    const ran: string[] = [];
    defaultHost.setImmediate(() => ran.push("first"));
    const cancelled = defaultHost.setImmediate(() => ran.push("cancelled"));
    defaultHost.setImmediate(() => ran.push("third"));
    defaultHost.clearImmediate(cancelled);
    for (const deliver of posted) deliver();
    expect(ran).toEqual(["first", "third"]);
  });

  it("reads a monotonic millisecond clock", () => {
    const a = defaultHost.now();
    const b = defaultHost.now();
    expect(b).toBeGreaterThanOrEqual(a);
    expect(Math.abs(a - performance.now())).toBeLessThan(1000);
  });

  it("MacrotaskQueue runs callbacks one per message, first in first out, skipping cancelled ones", () => {
    const posted: (() => void)[] = [];
    const channel = {
      port1: { onmessage: null as ((event: never) => void) | null },
      port2: { postMessage: () => posted.push(() => channel.port1.onmessage?.({} as never)) },
    };
    const queue = new asyncio.MacrotaskQueue(channel);
    const ran: string[] = [];
    queue.schedule(() => ran.push("a"));
    const b = queue.schedule(() => ran.push("b"));
    queue.schedule(() => ran.push("c"));
    queue.cancel(b);
    expect(posted).toHaveLength(3);
    posted[0]!();
    expect(ran).toEqual(["a"]);
    for (const deliver of posted.slice(1)) deliver();
    expect(ran).toEqual(["a", "c"]);
  });
});

