import { spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TimelineEvent } from "./events.ts";
import { bundleTimelineHook } from "./node-hook-bundle.ts";
import { fold, printedBy, rows } from "./record.ts";
import { MARK, SideChannel } from "./side-channel.ts";

const root = join(import.meta.dirname, "..", "..");
const event: TimelineEvent = { k: "name", id: 1, name: "x" };

describe("side channel", () => {
  it("takes marked lines out of the output, whatever the chunking", () => {
    const text = `one\ntw${MARK}${JSON.stringify([event])}\no\n${MARK}${JSON.stringify([event, event])}\nthree @@ four\n`;
    for (const size of [1, 2, 7, text.length]) {
      const channel = new SideChannel();
      let output = "";
      const events: TimelineEvent[] = [];
      for (let i = 0; i < text.length; i += size) {
        const taken = channel.take(text.slice(i, i + size));
        output += taken.output;
        events.push(...taken.events);
      }
      output += channel.end();
      expect(output, `chunks of ${size}`).toBe("one\ntwo\nthree @@ four\n");
      expect(events).toHaveLength(3);
    }
  });

  it("lets through output that only starts like a mark", () => {
    const channel = new SideChannel();
    expect(channel.take("a @@asy").output).toBe("a ");
    expect(channel.take("nc\n").output).toBe("@@async\n");
    expect(channel.take("@@").output).toBe("");
    expect(channel.end()).toBe("@@");
  });

  it("carries a real Node run's timeline: the hook under node --import", async () => {
    const dir = mkdtempSync(join(tmpdir(), "timeline-hook-"));
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
    writeFileSync(join(dir, "timeline-hook.js"), await bundleTimelineHook(root));
    writeFileSync(
      join(dir, "snippet.js"),
      [
        'import * as asyncio from "asyncio";',
        "function* nap(name, delay) { yield* asyncio.sleep(delay); console.log(name); }",
        'function* main() { asyncio.sleep(5); yield* asyncio.gather(nap("first", 0.03), nap("second", 0.01)); }',
        "asyncio.run(main());",
      ].join("\n"),
    );
    const node = join(root, "node_modules", "node", "bin", "node");
    const child = spawnSync(node, ["--import", "./timeline-hook.js", "snippet.js"], { cwd: dir, encoding: "utf8" });
    expect(child.stderr).toBe("");
    const channel = new SideChannel();
    const { output, events } = channel.take(child.stdout);
    expect(output + channel.end()).toBe("second\nfirst\n");
    expect(rows(fold(events)).map((row) => [row.name, row.outcome, row.lastWait])).toEqual([
      ["Task-1", "result", "gather(Task-2, Task-3)"],
      ["Task-2", "result", "sleep(0.03)"],
      ["Task-3", "result", "sleep(0.01)"],
    ]);
    // Who printed each line: the side channel's own lines are not counted.
    expect([0, 1].map((line) => printedBy(fold(events), line)?.name)).toEqual(["Task-3", "Task-2"]);
    // The sleep(5) main made and never awaited, noted when the loop stopped; then the loop closed.
    const timeline = fold(events);
    expect(timeline.notes.map((note) => [note.kind, note.id, note.text])).toEqual([["never-awaited", 1, "coroutine 'sleep' was created and never awaited"]]);
    expect(timeline.loops[0]!.closed).toBeGreaterThan(0);
  });
});
