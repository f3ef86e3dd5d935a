/**
 * Step through's "guess what runs next": at a pause, the reader may pick, from what the pause
 * shows waiting (src/timeline/step-guess.ts), the callback they expect to run after the one
 * about to run; the next pause after Next says whether it did. Other commands drop the guess
 * (they skip pauses, so the next one is not the next callback).
 */
import { recordGuess } from "../progress/predictions.ts";
import { guessChoices, guessRight } from "../timeline/step-guess.ts";
import type { StepSnapshot } from "../timeline/step-snapshot.ts";

export class StepGuessView {
  private readonly open: HTMLButtonElement;
  private readonly fieldset: HTMLFieldSetElement;
  private readonly result: HTMLElement;
  private choices: string[] = [];
  private pending: { guess: string; choices: string[] } | null = null;

  constructor(
    panel: HTMLElement,
    private readonly cellId: string,
  ) {
    const root = Object.assign(document.createElement("div"), { className: "step-guess" });
    this.open = Object.assign(document.createElement("button"), { type: "button", textContent: "Guess what runs next" });
    this.open.setAttribute("aria-expanded", "false");
    this.open.setAttribute("aria-controls", `${cellId}-guess`);
    this.open.setAttribute("aria-disabled", "true");
    this.fieldset = Object.assign(document.createElement("fieldset"), { id: `${cellId}-guess`, hidden: true });
    this.result = Object.assign(document.createElement("p"), { className: "cell-status step-guess-result" });
    this.result.setAttribute("role", "status");
    root.append(this.open, this.fieldset, this.result);
    panel.querySelector(".step-controls")!.after(root);
    this.open.addEventListener("click", () => {
      if (this.open.getAttribute("aria-disabled") === "true") return;
      this.fieldset.hidden = false;
      this.open.setAttribute("aria-expanded", "true");
      this.fieldset.querySelector("input")?.focus();
    });
  }

  /** A new stepping session. */
  reset(): void {
    this.pending = null;
    this.result.textContent = "";
    this.close();
  }

  /** The loop paused: a guess made before Next is told; a new one can be made. */
  paused(snapshot: StepSnapshot): void {
    this.tell(snapshot);
    this.choices = guessChoices(snapshot);
    const legend = Object.assign(document.createElement("legend"), { textContent: `After ${snapshot.next.what}, which runs next? Choose one, then press Next.` });
    const options = this.choices.map((choice, index) => {
      const label = document.createElement("label");
      const input = Object.assign(document.createElement("input"), { type: "radio", name: `${this.cellId}-guess`, value: choice, id: `${this.cellId}-guess-${index}` });
      label.append(input, ` ${choice}`);
      return label;
    });
    this.fieldset.replaceChildren(legend, ...options);
    const wasOpen = this.open.getAttribute("aria-expanded") === "true";
    this.fieldset.hidden = !wasOpen;
    this.open.setAttribute("aria-disabled", "false");
  }

  /** A command was sent: Next carries the chosen guess to the next pause; the others drop it. */
  commanded(next: boolean): void {
    const chosen = this.fieldset.hidden ? null : this.fieldset.querySelector<HTMLInputElement>("input:checked");
    this.pending = next && chosen ? { guess: chosen.value, choices: this.choices } : null;
    if (chosen && !next) {
      this.result.textContent = "Your guess is dropped: only Next runs exactly one callback, so only Next can tell it.";
      this.result.dataset.kind = "info";
    }
    this.open.setAttribute("aria-disabled", "true");
  }

  /** The run ended: a pending guess is told that nothing ran next. */
  ended(): void {
    this.tell(null);
    this.close();
    this.open.setAttribute("aria-disabled", "true");
  }

  private tell(next: StepSnapshot | null): void {
    if (!this.pending) return;
    const { guess, choices } = this.pending;
    this.pending = null;
    const right = guessRight(guess, choices, next);
    recordGuess(location.pathname, right);
    const ran = next ? next.next.what : "nothing: the program ended";
    this.result.textContent = right ? `Right: ${ran} runs next, as you guessed.` : `Not this time: you guessed ${guess}, and ${ran} runs next.`;
    this.result.dataset.kind = right ? "ok" : "bad";
  }

  private close(): void {
    this.fieldset.hidden = true;
    this.open.setAttribute("aria-expanded", "false");
  }
}
