/**
 * A half's Step through panel: shows each pause of the loop (what runs next and the line it
 * runs, the ready queue, the timers by deadline, every task's state, the clock) and sends the
 * reader's commands to the paused worker. The run itself is an ordinary run of the half
 * (`cell-actions.ts`), so output goes to its log as usual. The same panel serves either half:
 * our loop's structures, or CPython's (`_ready`, `_scheduled`, its tasks).
 */
import { createStepControl, sendStep, StepCommand, stepUnavailable } from "../timeline/step-control.ts";
import type { StepSnapshot } from "../timeline/step-snapshot.ts";
import { formatTime, type Timeline } from "../timeline/record.ts";
import { StepGuessView } from "./step-guess-view.ts";
import { renderStepTasks } from "./why-view.ts";

type Command = "next" | "tick" | "timer" | "end" | "restart";

const COMMANDS: Record<Exclude<Command, "restart">, StepCommand> = {
  next: StepCommand.Next,
  tick: StepCommand.NextTick,
  timer: StepCommand.NextTimer,
  end: StepCommand.RunToEnd,
};

/** Keys (when focus is in the panel) for each command; also in the buttons' aria-keyshortcuts. */
export const STEP_KEYS: Record<string, Command> = { n: "next", k: "tick", t: "timer", e: "end", r: "restart" };

export class CellStepper {
  private buffer: SharedArrayBuffer | null = null;
  private paused = false;
  private pauses = 0;
  private readonly panel: HTMLElement;
  private readonly guess: StepGuessView;

  constructor(
    /** The half's panel, holding its `[data-stepper]`. */
    root: HTMLElement,
    /** The id the guess view's parts are named after (the cell's, or its Python half's). */
    name: string,
    /** The file whose lines the code on show numbers: "snippet.ts", "main.py". */
    private readonly entry: string,
    private readonly restart: () => void,
    /** Marks the line about to run in the half's code (null: none). */
    private readonly highlight: (line: number | null) => void,
    /** The recording so far (a stepped run is recorded), for the why-view of a task. */
    private readonly timeline?: () => Timeline,
  ) {
    this.panel = root.querySelector<HTMLElement>("[data-stepper]")!;
    this.guess = new StepGuessView(this.panel, name);
    this.panel.addEventListener("click", (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>("button[data-step]");
      if (button && !button.disabled) this.command(button.dataset.step as Command);
    });
    this.panel.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const command = STEP_KEYS[event.key.toLowerCase()];
      if (!command) return;
      event.preventDefault();
      this.command(command);
    });
  }

  /** Starts a stepping session: the control buffer for the run, or why it cannot run here. */
  begin(): SharedArrayBuffer | string {
    const why = stepUnavailable();
    this.panel.hidden = false;
    if (why) {
      this.status(why);
      return why;
    }
    this.guess.reset();
    this.buffer = createStepControl();
    this.paused = false;
    this.pauses = 0;
    this.panel.dataset.pauses = "0";
    this.highlight(null);
    this.status("Starting the program on the virtual-time loop…");
    this.enable(false);
    return this.buffer;
  }

  /** The loop paused: show where. */
  show(snapshot: StepSnapshot): void {
    this.paused = true;
    this.pauses++;
    this.panel.dataset.pauses = String(this.pauses);
    const at = snapshot.next.line;
    const where = at ? (at.path === this.entry ? ` (${snapshot.next.lineNote || `line ${at.line}`})` : ` (${snapshot.next.lineNote || "line"}, in ${at.path})`) : "";
    this.status(`Paused before ${snapshot.next.what}${where}.`);
    this.part("[data-step-clock]").textContent =
      `Loop time ${formatTime(snapshot.time)} s (${snapshot.loopKind}), iteration ${snapshot.tick}, ${snapshot.ran} callbacks run so far.`;
    this.part("[data-step-next]").textContent = `${snapshot.next.what}${where}`;
    this.list("[data-step-ready]", snapshot.ready, "(empty)");
    this.list("[data-step-timers]", snapshot.timers.map((timer) => `${formatTime(timer.when)} s: ${timer.what}`), "(none)");
    if (snapshot.tasks && snapshot.tasks.length > 0 && this.timeline) {
      renderStepTasks(this.panel, this.part("[data-step-tasks]"), snapshot.tasks, this.timeline());
    } else {
      this.list(
        "[data-step-tasks]",
        (snapshot.tasks ?? []).map((task) => `${task.name}: ${task.state}`),
        snapshot.tasks ? "(none yet)" : `(${snapshot.loopKind} keeps no list of its tasks)`,
      );
    }
    this.highlight(at && at.path === this.entry ? at.line : null);
    this.guess.paused(snapshot);
    this.enable(true);
  }

  /** The run is over (or was stopped). */
  ended(text: string): void {
    this.paused = false;
    this.buffer = null;
    this.highlight(null);
    this.guess.ended();
    this.enable(false);
    this.status(`${text} Restart to step it again.`);
  }

  private command(command: Command): void {
    if (command === "restart") {
      this.restart();
      return;
    }
    if (!this.paused || !this.buffer) return;
    this.paused = false;
    this.enable(false);
    this.status(command === "end" ? "Running to the end…" : "Running…");
    this.guess.commanded(command === "next");
    sendStep(this.buffer, COMMANDS[command]);
  }

  private enable(paused: boolean): void {
    for (const button of this.panel.querySelectorAll<HTMLButtonElement>("button[data-step]")) {
      // aria-disabled keeps the focus on the button while the worker runs to the next pause.
      if (button.dataset.step === "restart") continue;
      button.setAttribute("aria-disabled", String(!paused));
    }
  }

  private list(selector: string, items: string[], empty: string): void {
    const list = this.part(selector);
    const children = (items.length === 0 ? [empty] : items).map((text) => Object.assign(document.createElement("li"), { textContent: text }));
    if (items.length === 0) children[0]!.className = "empty";
    list.replaceChildren(...children);
  }

  private status(text: string): void {
    this.part("[data-step-status]").textContent = text;
  }

  private part(selector: string): HTMLElement {
    return this.panel.querySelector<HTMLElement>(selector)!;
  }
}
