/**
 * The search dialog: a query box, a live count, and results as links to the headings that
 * matched. Pagefind (its index is built with the site) answers; it loads on first open.
 */
import { excerptParts, toHit, type PagefindData, type SearchHit } from "./results.ts";

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

const MAX_PAGES = 8;
let pagefind: Promise<Pagefind> | undefined;
let wired = false;

function loadPagefind(): Promise<Pagefind> {
  // The index lives beside the site (dist/pagefind/), written after the build: not a module Vite sees.
  const url = "/pagefind/pagefind.js";
  pagefind ??= import(/* @vite-ignore */ url).then(async (module: Pagefind) => {
    await module.options({ excerptLength: 24 });
    return module;
  });
  return pagefind;
}

function parts(): { dialog: HTMLDialogElement; input: HTMLInputElement; status: HTMLElement; list: HTMLOListElement } {
  const dialog = document.querySelector<HTMLDialogElement>("[data-search]")!;
  return {
    dialog,
    input: dialog.querySelector<HTMLInputElement>("[data-search-query]")!,
    status: dialog.querySelector<HTMLElement>("[data-search-status]")!,
    list: dialog.querySelector<HTMLOListElement>("[data-search-results]")!,
  };
}

function excerpt(text: string): HTMLElement {
  const p = document.createElement("p");
  for (const part of excerptParts(text)) {
    if (part.marked) {
      const mark = document.createElement("mark");
      mark.textContent = part.text;
      p.append(mark);
    } else p.append(part.text);
  }
  return p;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  return a;
}

function render(list: HTMLOListElement, hits: SearchHit[]): void {
  list.replaceChildren(
    ...hits.map((hit) => {
      const item = document.createElement("li");
      const page = document.createElement("p");
      page.className = "search-page";
      page.append(link(hit.url, hit.title));
      item.append(page);
      if (hit.sections.length === 0) item.append(excerpt(hit.excerpt));
      const sections = document.createElement("ul");
      for (const section of hit.sections) {
        const entry = document.createElement("li");
        entry.append(link(section.url, section.title), excerpt(section.excerpt));
        sections.append(entry);
      }
      if (hit.sections.length) item.append(sections);
      return item;
    }),
  );
}

async function search(query: string): Promise<void> {
  const { status, list } = parts();
  if (query.trim() === "") {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  try {
    const engine = await loadPagefind();
    const found = await engine.debouncedSearch(query, {}, 150);
    if (found === null) return; // a newer query took over
    const hits = (await Promise.all(found.results.slice(0, MAX_PAGES).map((result) => result.data()))).map((data) => toHit(data));
    if (parts().input.value !== query) return;
    render(list, hits);
    const count = found.results.length;
    status.textContent = count === 0 ? `Nothing found for “${query}”.` : `${count} page${count === 1 ? "" : "s"} found${count > MAX_PAGES ? `, the best ${MAX_PAGES} shown` : ""}.`;
  } catch {
    status.textContent = "Search is not available: its index is built with the site (npm run build), and this copy has none.";
  }
}

/** Opens the dialog with the query box focused; `opener` gets the focus back on close. */
export function openSearch(opener: HTMLElement): void {
  const { dialog, input, list } = parts();
  if (!wired) {
    wired = true;
    input.addEventListener("input", () => void search(input.value));
    // Following a result closes the dialog (a link to this same page only scrolls).
    list.addEventListener("click", (event) => {
      if ((event.target as Element).closest("a")) dialog.close();
    });
    dialog.addEventListener("close", () => opener.focus());
    // Escape closes at once (in a search box it would first only clear the query).
    dialog.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        dialog.close();
      }
    });
    dialog.querySelector("[data-search-close]")!.addEventListener("click", () => dialog.close());
    // Enter follows the first result.
    dialog.querySelector("[data-search-form]")!.addEventListener("submit", (event) => {
      event.preventDefault();
      list.querySelector<HTMLAnchorElement>("a")?.click();
    });
    // A click on the backdrop (outside the dialog's box) closes it.
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog) dialog.close();
    });
  }
  if (!dialog.open) dialog.showModal();
  input.focus();
  input.select();
  void loadPagefind().catch(() => undefined);
}
