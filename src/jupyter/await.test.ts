import { describe, expect, it } from "vitest";
import { findOwnLoop, forJupyter } from "./await.ts";

const py = (...lines: string[]): string => lines.join("\n");

describe("forJupyter", () => {
  it("turns asyncio.run(main()) into top-level await", () => {
    expect(forJupyter(py("import asyncio", "", "async def main():", "    print('hi')", "", "asyncio.run(main())"))).toEqual({
      source: py("import asyncio", "", "async def main():", "    print('hi')", "", "await main()"),
    });
  });

  it("keeps the arguments, an assignment, a call around it, and a trailing comment", () => {
    expect(forJupyter("result = asyncio.run(main(3, name='x'))  # go").source).toBe("result = await main(3, name='x')  # go");
    expect(forJupyter("print(asyncio.run(amain()))").source).toBe("print(await amain())");
    expect(forJupyter("asyncio.run(\n    main(\n        1,\n    )\n)").source).toBe("await main(\n        1,\n    )");
  });

  it("parenthesises when the result is used further", () => {
    expect(forJupyter("asyncio.run(main()).upper()").source).toBe("(await main()).upper()");
  });

  it("rewrites the run under if __name__ == '__main__' (a notebook's __name__ is __main__)", () => {
    const source = py("if __name__ == '__main__':  # guard", "    asyncio.run(main())");
    expect(forJupyter(source)).toEqual({ source: py("if __name__ == '__main__':  # guard", "    await main()") });
  });

  it("rewrites each of several runs", () => {
    expect(forJupyter(py("asyncio.run(first())", "asyncio.run(second())")).source).toBe(py("await first()", "await second()"));
  });

  it("leaves strings and comments alone", () => {
    const source = py('print("asyncio.run(main())")  # asyncio.run(main())', "asyncio.run(main())");
    expect(forJupyter(source).source).toBe(py('print("asyncio.run(main())")  # asyncio.run(main())', "await main()"));
  });

  it("leaves a run inside a function as written, and says it needs its own loop", () => {
    const source = py("def sync_main():", "    return asyncio.run(main())", "", "sync_main()");
    expect(forJupyter(source)).toEqual({
      source,
      ownLoop: { found: "asyncio.run(…) with options", error: "asyncio.run() cannot be called from a running event loop" },
    });
  });

  it("leaves asyncio.run with options as written: dropping debug=True would change the program", () => {
    const source = "asyncio.run(main(), debug=True)";
    expect(forJupyter(source)).toEqual({ source, ownLoop: { found: "asyncio.run(…) with options", error: "asyncio.run() cannot be called from a running event loop" } });
  });

  it("names a loop the program runs itself, with the error CPython raises for it", () => {
    expect(findOwnLoop(py("loop = asyncio.new_event_loop()", "loop.run_until_complete(main())"))).toEqual({
      found: "loop.run_until_complete",
      error: "Cannot run the event loop while another loop is running",
    });
    expect(findOwnLoop("loop.run_forever()")?.found).toBe("loop.run_forever");
    expect(findOwnLoop("with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:\n    runner.run(main())")).toEqual({
      found: "asyncio.Runner",
      error: "Runner.run() cannot be called from a running event loop",
    });
  });

  it("does not count a new loop that is never run", () => {
    expect(findOwnLoop(py("loop = asyncio.new_event_loop()", "fut = loop.create_future()", "loop.close()"))).toBeUndefined();
    expect(findOwnLoop('print("loop.run_forever()")')).toBeUndefined();
  });
});
