import { markdownToHtml } from "satteri";
import { describe, expect, it } from "vitest";
import { createSlugger, headingLinks } from "./heading-links.ts";

describe("createSlugger", () => {
  it("slugs like GitHub and numbers repeats", () => {
    const slug = createSlugger();
    expect(slug("Creating tasks: createTask()")).toBe("creating-tasks-createtask");
    expect(slug("Creating tasks: createTask()")).toBe("creating-tasks-createtask-1");
    expect(slug("Waiting for `gather`")).toBe("waiting-for-gather");
    expect(slug("¿Qué?")).toBe("qué");
    expect(slug("!!!")).toBe("section");
  });
});

describe("headingLinks", () => {
  it("gives h2–h4 an id and a link beside them, keeping the heading's own text", async () => {
    const { html } = await markdownToHtml("## Run a *coroutine*\n\ntext\n\n### Run a coroutine\n\n##### Deep\n", {
      hastPlugins: [headingLinks()],
    });
    expect(html.trim()).toMatchInlineSnapshot(`
      "<div class="heading"><h2 id="run-a-coroutine">Run a <em>coroutine</em></h2><a class="heading-anchor" href="#run-a-coroutine"><span aria-hidden="true">#</span><span class="sr-only">Section titled “Run a coroutine”</span></a></div>
      <p>text</p>
      <div class="heading"><h3 id="run-a-coroutine-1">Run a coroutine</h3><a class="heading-anchor" href="#run-a-coroutine-1"><span aria-hidden="true">#</span><span class="sr-only">Section titled “Run a coroutine”</span></a></div>
      <h5>Deep</h5>"
    `);
  });

  it("keeps an id the author set", async () => {
    const { html } = await markdownToHtml('## Title {#custom}\n', {
      hastPlugins: [headingLinks()],
      features: { headingAttributes: true },
    });
    expect(html).toContain('<h2 id="custom">Title</h2><a class="heading-anchor" href="#custom">');
  });

  it("starts numbering afresh for each document", async () => {
    const plugins = [headingLinks()];
    expect((await markdownToHtml("## A\n", { hastPlugins: plugins })).html).toContain('id="a"');
    expect((await markdownToHtml("## A\n", { hastPlugins: plugins })).html).toContain('id="a"');
  });
});
