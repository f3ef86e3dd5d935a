/**
 * A sequence diagram drawn from a Markdown ordered list (`Sequence.astro`): the list stays the
 * source of truth, which a screen reader reads as it is; this only marks each step with the
 * columns its arrow spans. Each item opens with its actors in bold, `**From → To**` (one
 * actor sends to another) or `**Who**` (an actor acting on its own), then says what happens.
 */

export interface SequenceStep {
  from: number;
  to: number;
  /** The actors' names as written. */
  who: string[];
  /** The rest of the item, as HTML. */
  text: string;
}

const ITEM = /<li>([\s\S]*?)<\/li>/g;
const LEAD = /^\s*(?:<p>)?\s*<strong>([\s\S]*?)<\/strong>\s*:?\s*/;

/** Typographic apostrophes and entities as plain text, so `pool’s` names the actor `pool's`. */
function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&#39;|&#x27;|&apos;|[‘’]/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

/**
 * The steps of a rendered ordered list. Throws, failing the build, on an item that does not
 * open with its actors or names one that is not in `actors`.
 */
export function parseSteps(html: string, actors: readonly string[]): SequenceStep[] {
  const column = (name: string): number => {
    const index = actors.indexOf(name);
    if (index < 0) throw new Error(`Sequence: "${name}" is not one of its actors (${actors.join(", ")})`);
    return index + 1;
  };
  const steps = [...html.matchAll(ITEM)].map(([, body]) => {
    const lead = LEAD.exec(body!);
    if (!lead) throw new Error(`Sequence: a step must open with its actors in bold (**From → To** or **Who**): ${plain(body!).slice(0, 60)}`);
    const who = plain(lead[1]!).split("→").map((name) => name.trim());
    if (who.length > 2) throw new Error(`Sequence: a step names one actor or two, not ${who.length}: ${who.join(" → ")}`);
    const text = body!.slice(lead[0].length).replace(/<\/p>\s*$/, "");
    return { from: column(who[0]!), to: column(who.at(-1)!), who, text };
  });
  if (steps.length === 0) throw new Error("Sequence: its content must be an ordered list of steps");
  return steps;
}

/** One step as the figure's list item: the arrow's label (actors), then what happens. */
export function stepItem(step: SequenceStep): string {
  const lo = Math.min(step.from, step.to);
  const span = Math.abs(step.to - step.from) + 1;
  const direction = step.from === step.to ? "self" : step.from < step.to ? "right" : "left";
  const who =
    step.who.length === 1
      ? escape(step.who[0]!)
      : `${escape(step.who[0]!)} <span aria-hidden="true">→</span><span class="sr-only">to</span> ${escape(step.who[1]!)}`;
  return `<li class="seq-step" data-direction="${direction}" style="--lo: ${lo}; --span: ${span}"><span class="seq-who">${who}${direction === "self" ? "" : '<span class="seq-head" aria-hidden="true"></span>'}<span class="sr-only">:</span></span> <span class="seq-text">${step.text}</span></li>`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
