/**
 * Reading a TSDoc comment's text (as the compiler gives it: tags removed, one line per source
 * line) the way the reference page shows it: the summary, and its inline markup as segments.
 */

/**
 * The summary: the comment's first paragraph, on one line. It ends at the first blank line, or
 * where a list or a code block starts (and a last sentence introducing it goes too). A
 * `(Python: \`name\`)` aside is dropped, since the page shows Python's name in its own column;
 * asides that say more than a name stay.
 */
export function summaryOf(doc: string): string {
  const lines: string[] = [];
  for (const line of doc.trim().split("\n")) {
    const text = line.trim();
    if (text === "" || /^([-*+] |\d+\. |```)/.test(text)) break;
    lines.push(text);
  }
  const summary = lines
    .join(" ")
    .replace(/\s*\(Python(?: \d+\.\d+)?: `[^`]+`\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
  // A last sentence that introduces the list cut off above says nothing alone.
  const introduction = summary.endsWith(":") ? summary.lastIndexOf(". ") : -1;
  return introduction > 0 ? summary.slice(0, introduction + 1) : summary;
}

export type Segment = { text: string; code?: true; emphasis?: true };

/**
 * Splits text into plain, `code` and *emphasis* segments; `{@link Name}` becomes code. Text only:
 * the page renders each segment as text in its element, so nothing here is ever HTML.
 */
export function segments(text: string): Segment[] {
  const result: Segment[] = [];
  const pattern = /`([^`]+)`|\{@link(?:code|plain)?\s+([^}|\s]+)(?:[\s|][^}]*)?\}|(?<![\w*])\*([^*\s](?:[^*]*[^*\s])?)\*(?![\w*])/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) result.push({ text: text.slice(last, match.index) });
    if (match[1] !== undefined) result.push({ text: match[1], code: true });
    else if (match[2] !== undefined) result.push({ text: match[2], code: true });
    else result.push({ text: match[3]!, emphasis: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) result.push({ text: text.slice(last) });
  return result;
}
