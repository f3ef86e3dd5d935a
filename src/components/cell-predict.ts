/**
 * A cell's Predict step, loaded on first use: the cell's expected lines, shuffled, to put in
 * the order the program prints them. By keyboard, a listbox (↑/↓ choose a line, Alt+↑/Alt+↓
 * move it, each move announced); by pointer, drag a line, or the Move buttons. The next Run
 * grades the order (src/notebook/prediction.ts, through the one judge); a wrong order names
 * the first line that differs and links it to the moment in the Timeline that printed it.
 */
import { gradePrediction, move, predictionLines, shuffled, WILDCARD, type Cell, type CellOutcome, type PredictionGrade } from "../notebook/index.ts";
import { loadPrediction, recordPrediction, saveOrder } from "../progress/predictions.ts";

/** What the Predict step asks of the cell. */
export interface PredictHost {
  /** Runs the cell (its outcome comes back through {@link CellPredict.graded}). */
  run(): void;
  /** Opens the Timeline at the task that printed stdout line `line` (1-based). */
  showLine(line: number): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** A line as the list shows it. */
function shown(line: string): string {
  if (line === WILDCARD) return "… (lines that vary from run to run)";
  return line === "" ? "(an empty line)" : line;
}

const quote = (line: string): string => `“${shown(line)}”`;

export class CellPredict {
  private readonly lines: string[];
  private order: string[];
  private selected = 0;
  private attempt = 0;
  /** A prediction is set out, and the next complete run of the cell grades it. */
  waiting = false;
  private readonly panel: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly list: HTMLUListElement;
  private readonly live: HTMLElement;
  private readonly result: HTMLElement;
  private readonly buttons: Record<"up" | "down", HTMLButtonElement>;
  private drag: { pointer: number; moved: boolean } | null = null;
  private mark: number | null = null;
  private readonly expectedStderr: string | undefined;

  constructor(
    private readonly cell: HTMLElement,
    cellData: Cell,
    private readonly chapterPath: string,
    private readonly host: PredictHost,
  ) {
    this.panel = cell.querySelector<HTMLElement>("[data-predict-panel]")!;
    this.toggle = cell.querySelector<HTMLButtonElement>('button[data-action="predict"]')!;
    this.lines = predictionLines(cellData.expected);
    this.expectedStderr = cellData.expectedStderr;
    const saved = loadPrediction(chapterPath, cell.id).order;
    this.order = saved && sameLines(saved, this.lines) ? saved : shuffled(this.lines, cell.id);

    const id = cell.id;
    const label = element("p", { className: "cell-label", id: `${id}-predict-label`, textContent: "Predict: put the lines in the order the program prints them" });
    const help = element("p", {
      className: "cell-note",
      id: `${id}-predict-help`,
      textContent: "↑ and ↓ choose a line; Alt+↑ and Alt+↓ move it (or use the buttons, or drag it). Then Check by running.",
    });
    this.list = element("ul", { className: "predict-list", tabIndex: 0 }, { role: "listbox", "aria-labelledby": label.id, "aria-describedby": help.id, "data-predict-list": "" });
    const up = element("button", { type: "button", textContent: "Move up" }, { "data-predict": "up" });
    const down = element("button", { type: "button", textContent: "Move down" }, { "data-predict": "down" });
    const check = element("button", { type: "button", textContent: "Check by running" }, { "data-predict": "check" });
    const again = element("button", { type: "button", textContent: "Shuffle again" }, { "data-predict": "again" });
    const controls = element("div", { className: "predict-controls" }, { role: "group", "aria-label": `Your prediction for ${id}` });
    controls.append(up, down, check, again);
    this.buttons = { up, down };
    this.live = element("p", { className: "sr-only" }, { "aria-live": "polite", "data-predict-live": "" });
    this.result = element("p", { className: "predict-result" }, { role: "status", "data-predict-result": "" });
    this.panel.replaceChildren(label, help, this.list, controls, this.live, this.result);

    controls.addEventListener("click", (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>("button[data-predict]");
      if (!button || button.getAttribute("aria-disabled") === "true") return;
      const what = button.dataset.predict;
      if (what === "up") this.moveTo(this.selected - 1);
      else if (what === "down") this.moveTo(this.selected + 1);
      else if (what === "check") this.host.run();
      else if (what === "again") this.shuffleAgain();
    });
    this.list.addEventListener("keydown", (event) => this.key(event));
    this.list.addEventListener("pointerdown", (event) => this.pointerDown(event));
    this.list.addEventListener("pointermove", (event) => this.pointerMove(event));
    this.list.addEventListener("pointerup", (event) => this.pointerUp(event));
    this.list.addEventListener("pointercancel", (event) => this.pointerUp(event));
    this.render();

    const before = loadPrediction(chapterPath, id).first;
    if (before) this.say(`Your first prediction for this cell was ${before}. Another try is practice: it does not change that.`, "info");
  }

  /** Shows the Predict step and puts the focus on the lines. */
  open(): void {
    this.panel.hidden = false;
    this.toggle.setAttribute("aria-expanded", "true");
    this.waiting = true;
    this.list.focus();
  }

  /** A run of the cell ended: grades the prediction if the run can say. */
  graded(outcome: CellOutcome, mergedStderr: boolean, edited: boolean): void {
    if (!this.waiting) return;
    if (edited) {
      this.say("You edited the code, and your prediction is about the code as written: Reset it, then Check by running.", "warn");
      return;
    }
    if (outcome.kind !== "match" && outcome.kind !== "differs") {
      this.say("The run did not finish, so it cannot grade your prediction: Check by running again.", "warn");
      return;
    }
    this.waiting = false;
    const grade = gradePrediction(this.order, outcome.ran, {
      mergedStderr,
      ...(this.expectedStderr !== undefined ? { expectedStderr: this.expectedStderr } : {}),
    });
    recordPrediction(this.chapterPath, this.cell.id, grade.right ? "right" : "wrong");
    this.show(grade);
  }

  private show(grade: PredictionGrade): void {
    this.panel.dataset.grade = grade.right ? "right" : "wrong";
    if (grade.right) {
      this.setMark(null);
      this.say("Right: the program printed its lines in the order you predicted.", "ok");
      return;
    }
    const where = grade.predicted !== undefined && this.order[grade.line - 1] === grade.predicted ? grade.line - 1 : null;
    this.setMark(where);
    const printed = grade.printed !== undefined ? `the program printed ${quote(grade.printed)}` : "the program printed no more lines";
    const predicted = grade.predicted !== undefined ? ` where you predicted ${quote(grade.predicted)}` : "";
    this.say(`Not quite: line ${grade.line} is the first that differs: ${printed}${predicted}. `, "bad");
    if (grade.printed !== undefined) {
      const link = element("a", { href: `#${this.cell.id}-timeline`, textContent: `See who printed line ${grade.line} in the Timeline` }, { "data-predict-timeline": String(grade.line) });
      link.addEventListener("click", (event) => {
        event.preventDefault();
        this.host.showLine(grade.line);
      });
      this.result.append(link);
    }
  }

  private say(text: string, kind: "ok" | "bad" | "warn" | "info"): void {
    this.result.textContent = text;
    this.result.dataset.kind = kind;
  }

  private setMark(index: number | null): void {
    this.mark = index;
    this.render();
  }

  private render(): void {
    const id = this.cell.id;
    this.list.replaceChildren(
      ...this.order.map((line, index) => {
        const option = element("li", { id: `${id}-predict-${index}`, textContent: shown(line) }, { role: "option", "aria-selected": String(index === this.selected), "data-index": String(index) });
        if (index === this.mark) {
          option.dataset.mark = "differs";
          option.append(element("span", { className: "sr-only", textContent: " (the first line that differs)" }));
        }
        return option;
      }),
    );
    this.list.setAttribute("aria-activedescendant", `${id}-predict-${this.selected}`);
    this.buttons.up.setAttribute("aria-disabled", String(this.selected === 0));
    this.buttons.down.setAttribute("aria-disabled", String(this.selected === this.order.length - 1));
  }

  private select(index: number): void {
    this.selected = Math.max(0, Math.min(this.order.length - 1, index));
    this.render();
  }

  /** Moves the chosen line to `target`; the prediction changed, so the next run grades it. */
  private moveTo(target: number, announce = true): void {
    const to = Math.max(0, Math.min(this.order.length - 1, target));
    if (to === this.selected) return;
    this.order = move(this.order, this.selected, to);
    this.selected = to;
    this.waiting = true;
    this.mark = null;
    delete this.panel.dataset.grade;
    this.render();
    saveOrder(this.chapterPath, this.cell.id, this.order);
    if (announce) this.announce();
  }

  private announce(): void {
    this.live.textContent = `${quote(this.order[this.selected]!)} moved to position ${this.selected + 1} of ${this.order.length}.`;
  }

  private shuffleAgain(): void {
    this.attempt++;
    this.order = shuffled(this.lines, this.cell.id, this.attempt);
    this.selected = 0;
    this.mark = null;
    this.waiting = true;
    delete this.panel.dataset.grade;
    this.result.textContent = "";
    this.render();
    saveOrder(this.chapterPath, this.cell.id, this.order);
    this.live.textContent = "The lines are shuffled again.";
    this.list.focus();
  }

  private key(event: KeyboardEvent): void {
    const last = this.order.length - 1;
    const targets: Record<string, number> = { ArrowUp: this.selected - 1, ArrowDown: this.selected + 1, Home: 0, End: last };
    const target = targets[event.key];
    if (target === undefined || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (event.altKey) this.moveTo(target);
    else this.select(target);
  }

  private pointerDown(event: PointerEvent): void {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (!option || event.button !== 0) return;
    event.preventDefault();
    this.list.focus();
    this.select(Number(option.dataset.index));
    this.drag = { pointer: event.pointerId, moved: false };
    this.list.setPointerCapture(event.pointerId);
    this.list.dataset.dragging = "";
  }

  private pointerMove(event: PointerEvent): void {
    if (this.drag?.pointer !== event.pointerId) return;
    const target = this.indexAt(event.clientY);
    if (target === this.selected) return;
    this.moveTo(target, false);
    this.drag.moved = true;
  }

  private pointerUp(event: PointerEvent): void {
    if (this.drag?.pointer !== event.pointerId) return;
    if (this.drag.moved) this.announce();
    this.drag = null;
    delete this.list.dataset.dragging;
  }

  /** The position a pointer at `y` points to: the option under it, else the nearest end. */
  private indexAt(y: number): number {
    const options = [...this.list.querySelectorAll<HTMLElement>('[role="option"]')];
    for (const [index, option] of options.entries()) {
      const box = option.getBoundingClientRect();
      if (y < box.bottom) return index;
    }
    return options.length - 1;
  }
}

/** The same lines, in any order (a saved order from an older edition of the cell is dropped). */
function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
}
