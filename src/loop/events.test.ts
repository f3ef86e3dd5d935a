import { afterEach, describe, expect, it } from "vitest";
import { _getRunningLoop } from "./events.ts";
import * as asyncio from "./index.ts";

afterEach(() => {
  asyncio.setEventLoopPolicy(null);
});

describe("the running loop", () => {
  it("is an error to ask for outside a run", () => {
    expect(() => asyncio.getRunningLoop()).toThrow(new asyncio.RuntimeError("no running event loop"));
    expect(_getRunningLoop()).toBeNull();
  });
});

describe("event loop policy", () => {
  it("creates the current loop on first use, a BaseEventLoop by default", () => {
    asyncio.setEventLoopPolicy(new asyncio.DefaultEventLoopPolicy());
    const loop = asyncio.getEventLoop();
    expect(loop).toBeInstanceOf(asyncio.BaseEventLoop);
    expect(asyncio.getEventLoop()).toBe(loop);
    const fresh = asyncio.newEventLoop();
    expect(fresh).not.toBe(loop);
    asyncio.setEventLoop(fresh);
    expect(asyncio.getEventLoop()).toBe(fresh);
    asyncio.setEventLoop(null);
    expect(() => asyncio.getEventLoop()).toThrow(asyncio.RuntimeError);
    loop.close();
    fresh.close();
  });

  it("plugs in another loop class, the way uvloop is plugged in", () => {
    const policy = new asyncio.DefaultEventLoopPolicy(() => new asyncio.VirtualTimeLoop());
    asyncio.setEventLoopPolicy(policy);
    expect(asyncio.getEventLoopPolicy()).toBe(policy);
    expect(asyncio.newEventLoop()).toBeInstanceOf(asyncio.VirtualTimeLoop);
    asyncio.setEventLoopPolicy(null);
    expect(asyncio.getEventLoopPolicy()).not.toBe(policy);
  });

  it("refuses what is not a loop or a policy", () => {
    expect(() => asyncio.setEventLoopPolicy({} as never)).toThrow(TypeError);
    expect(() => asyncio.getEventLoopPolicy().setEventLoop(42 as never)).toThrow(
      new TypeError("loop must be an instance of AbstractEventLoop or None, not 'number'"),
    );
  });
});

describe("AbstractEventLoop", () => {
  it("is a specification: every method throws NotImplementedError", () => {
    class Bare extends asyncio.AbstractEventLoop {}
    const loop = new Bare();
    expect(() => loop.time()).toThrow(asyncio.NotImplementedError);
    expect(() => loop.callSoon(() => {})).toThrow("callSoon() is not implemented by this event loop");
    expect(() => loop.runForever()).toThrow(asyncio.NotImplementedError);
    expect(() => loop.runInExecutor(null, () => 1)).toThrow(asyncio.NotImplementedError);
    expect(loop._currentTask).toBeNull();
    expect(loop._instruments).toBeNull();
  });
});
