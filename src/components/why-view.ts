/**
 * "Why is this task waiting?" in the page: the view of one selected task (what it awaits,
 * the chain of awaits, what woke it or will, where it was made), the run's deadlocks and
 * the notes that belong to no task. Shared by the Timeline and Step through; the facts come
 * from src/timeline/why.ts, which is pure.
 */
import { noteText, type Timeline } from "../timeline/record.ts";
import { deadlockSpanText, deadlocks, whyWaiting } from "../timeline/why.ts";

/** The why-view's host inside `panel`, made on first use (after `after`, or at the end). */
export function whyHost(panel: HTMLElement, after?: Element | null): HTMLElement {
  let host = panel.querySelector<HTMLElement>(":scope > [data-why]");
  if (!host) {
    host = document.createElement("div");
    host.className = "why";
    host.dataset.why = "";
    host.hidden = true;
    host.setAttribute("aria-live", "polite");
    if (after) after.after(host);
    else panel.append(host);
  }
  return host;
}

/** Shows why task `id` waits, as of the end of `timeline`; `ready`: Step through says it is in the ready queue. */
export function renderWhy(host: HTMLElement, timeline: Timeline, id: number, ready = false): void {
  const why = whyWaiting(timeline, id, { ready });
  const lane = timeline.lanes.find((candidate) => candidate.id === id);
  if (!why || !lane) {
    host.hidden = true;
    return;
  }
  host.hidden = false;
  host.dataset.task = String(id);
  const title = element("p", "cell-label", `Why is ${lane.name} waiting?`);
  title.id = `${host.closest("[id]")?.id ?? "cell"}-why-title`;
  host.setAttribute("aria-labelledby", title.id);
  const parts: Node[] = [title];
  if (why.deadlock) parts.push(element("p", "why-deadlock", why.deadlock));
  const list = document.createElement("dl");
  const entry = (term: string, value: Node | string): void => {
    list.append(element("dt", "", term));
    const dd = document.createElement("dd");
    dd.append(value);
    list.append(dd);
  };
  entry("Now", why.now);
  const chain = document.createElement("ul");
  chain.className = "why-chain";
  chain.setAttribute("aria-label", `Chain of awaits from ${lane.name}`);
  for (const line of why.chain) chain.append(element("li", "", line));
  entry("Chain of awaits", chain);
  if (why.wake) entry("Wakes", why.wake);
  entry("Created", why.created);
  const notes = timeline.notes.filter((note) => note.id === id);
  if (notes.length > 0) {
    const ul = document.createElement("ul");
    for (const note of notes) ul.append(element("li", "", noteText(note, timeline)));
    entry("Notes", ul);
  }
  parts.push(list);
  host.replaceChildren(...parts);
}

/** The run's deadlocks and the notes that belong to no task (a slow plain callback), above the table. */
export function renderSummary(host: HTMLElement, timeline: Timeline): void {
  const lines = [
    ...deadlocks(timeline).map((deadlock) => ({ text: deadlockSpanText(timeline, deadlock), cls: "why-deadlock" })),
    ...timeline.notes.filter((note) => note.id === null).map((note) => ({ text: noteText(note, timeline), cls: "why-note" })),
  ];
  host.hidden = lines.length === 0;
  host.replaceChildren(...lines.map((line) => element("p", line.cls, line.text)));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

/**
 * Step through's task list, each task a button that shows why it waits as of this pause (the
 * recording so far); the choice stays across pauses. `tasks` null: a loop of the reader's own
 * (chapter 6's TinyLoop), which keeps no list of its tasks.
 */
export function renderStepTasks(
  panel: HTMLElement,
  list: HTMLElement,
  tasks: ReadonlyArray<{ name: string; state: string; id?: number }>,
  timeline: Timeline,
): void {
  const host = whyHost(panel);
  const selected = Number(list.dataset.selected ?? Number.NaN);
  const show = (id: number, state: string): void => {
    list.dataset.selected = String(id);
    for (const button of list.querySelectorAll<HTMLButtonElement>("button[data-task]")) {
      button.setAttribute("aria-pressed", String(button.dataset.task === String(id)));
    }
    renderWhy(host, timeline, id, state === "ready" || state === "running");
  };
  const items = tasks.map((task) => {
    const li = document.createElement("li");
    if (task.id === undefined) {
      li.textContent = `${task.name}: ${task.state}`;
      return li;
    }
    const id = task.id;
    const button = element("button", "tl-select", task.name);
    button.type = "button";
    button.dataset.task = String(id);
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", () => show(id, task.state));
    li.append(button, `: ${task.state}`);
    return li;
  });
  list.replaceChildren(...items);
  const again = tasks.find((task) => task.id === selected);
  if (again) show(selected, again.state);
  else host.hidden = true;
}
