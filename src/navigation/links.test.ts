import { describe, expect, it } from "vitest";
import { routedHref, type ClickLike } from "./links.ts";

const here = new URL("http://localhost/03-asyncio-walkthrough/");
const click: ClickLike = { button: 0, metaKey: false, ctrlKey: false, altKey: false, shiftKey: false, defaultPrevented: false };
const link = (href: string, target = "", attrs: string[] = []) => ({ href, target, hasAttribute: (name: string) => attrs.includes(name) });

describe("routedHref", () => {
  it("takes a plain click on a link to another page of the site", () => {
    expect(routedHref(click, link("/04-the-tower/"), here)).toBe("http://localhost/04-the-tower/");
    expect(routedHref(click, link("/04-the-tower/#tasks"), here)).toBe("http://localhost/04-the-tower/#tasks");
  });

  it("leaves the browser new tabs, other origins, same-page anchors, files and reload links", () => {
    expect(routedHref({ ...click, ctrlKey: true }, link("/04-the-tower/"), here)).toBeNull();
    expect(routedHref({ ...click, button: 1 }, link("/04-the-tower/"), here)).toBeNull();
    expect(routedHref(click, link("/04-the-tower/", "_blank"), here)).toBeNull();
    expect(routedHref(click, link("https://docs.python.org/3/library/asyncio.html"), here)).toBeNull();
    expect(routedHref(click, link("#await"), here)).toBeNull();
    expect(routedHref(click, link("/runner/asyncio.js"), here)).toBeNull();
    expect(routedHref(click, link("/reference/", "", ["data-astro-reload"]), here)).toBeNull();
    expect(routedHref({ ...click, defaultPrevented: true }, link("/reference/"), here)).toBeNull();
  });
});
