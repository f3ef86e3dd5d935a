import { afterEach, describe, expect, it, vi } from "vitest";
import { RUNTIME_STORAGE_KEY, RuntimeSelector, type RuntimePreference } from "../runner/index.ts";
import { WebContainerBoot } from "../runner/webcontainer/index.ts";
import type { Runtime } from "../runner/core/index.ts";
import { RUNTIME_KEY, readRuntimeChoice, type RuntimeChoice } from "./runtime-choice.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("runtime choice", () => {
  it("is stored under the runner's key, so the switch and the runner agree", () => {
    expect(RUNTIME_KEY).toBe(RUNTIME_STORAGE_KEY);
  });

  it.each<RuntimeChoice>(["auto", "webcontainer", "worker", "auto"])("reads back %j after the runner stored it", (choice) => {
    const data = new Map<string, string>([[RUNTIME_KEY, "worker"]]);
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
    vi.stubGlobal("localStorage", storage);
    const boot = new WebContainerBoot({ boot: () => new Promise(() => {}), isolated: () => true });
    const runtime = { name: "worker" } as Runtime;
    const selector = new RuntimeSelector({ boot, worker: () => runtime, webcontainer: () => runtime, storage, isolated: () => true });
    const preference: RuntimePreference = choice; // the switch's choices are the runner's
    selector.setPreferred(preference);
    expect(readRuntimeChoice()).toBe(choice);
  });

  it("is \"auto\" when storage is unavailable", () => {
    vi.stubGlobal("localStorage", {
      getItem: () => {
        throw new DOMException("blocked", "SecurityError");
      },
    });
    expect(readRuntimeChoice()).toBe("auto");
  });
});
