/**
 * Pagefind's answers, shaped for the search dialog: one entry per page with the sections
 * (headings) that matched, each a link straight to its heading. Pure, so it is unit tested.
 */

/** What `result.data()` gives (the fields we read). */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: { title: string; url: string; excerpt: string }[];
}

export interface SearchHit {
  title: string;
  url: string;
  excerpt: string;
  /** Matching sections of the page, best first: links to their headings. */
  sections: { title: string; url: string; excerpt: string }[];
}

/** Keeps sections that point at a heading (`#id`), at most `perPage` of them. */
export function toHit(data: PagefindData, perPage = 3): SearchHit {
  const title = data.meta.title?.replace(/ · Understand asyncio$/, "") ?? data.url;
  const sections = (data.sub_results ?? [])
    .filter((sub) => sub.url.includes("#"))
    .slice(0, perPage)
    .map(({ title, url, excerpt }) => ({ title, url, excerpt }));
  return { title, url: data.url, excerpt: data.excerpt, sections };
}

/**
 * Pagefind's excerpt (escaped text with `<mark>` around the matches) as plain-text parts,
 * so the dialog builds text nodes and never parses markup.
 */
export function excerptParts(excerpt: string): { text: string; marked: boolean }[] {
  const entities: Record<string, string> = { lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", amp: "&" };
  const decode = (text: string) => text.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, name: string) => entities[name]!);
  return excerpt
    .split(/<mark>(.*?)<\/mark>/)
    .map((part, index) => ({ text: decode(part), marked: index % 2 === 1 }))
    .filter((part) => part.text !== "");
}
