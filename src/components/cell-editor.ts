/**
 * The cell editor: CodeMirror 6, loaded the first time a reader presses Edit (or when a saved
 * edit is restored). Colours come from CSS variables so it follows the light/dark theme with the
 * same contrast as the Shiki blocks.
 */
import { basicSetup } from "codemirror";
import { javascript } from "@codemirror/lang-javascript";
import { python } from "@codemirror/lang-python";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { Prec, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, keymap } from "@codemirror/view";
import { tags } from "@lezer/highlight";

export interface EditorOptions {
  /** The code to start with. */
  code: string;
  /** Which half of the cell it edits. */
  language: "typescript" | "python";
  /** Accessible name of the editable area. */
  label: string;
  /** Called with the whole document after every change. */
  onChange(code: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
}

const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.modifier, tags.operatorKeyword, tags.controlKeyword], color: "var(--cm-keyword)" },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "var(--cm-string)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--cm-constant)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "var(--cm-comment)", fontStyle: "italic" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--cm-function)" },
  { tag: [tags.typeName, tags.className, tags.namespace], color: "var(--cm-type)" },
  { tag: [tags.definition(tags.variableName), tags.propertyName], color: "var(--fg)" },
]);

const theme = EditorView.theme({
  "&": { color: "var(--fg)", backgroundColor: "var(--bg)" },
  ".cm-content": { fontFamily: "var(--mono)", caretColor: "var(--fg)" },
  ".cm-gutters": { backgroundColor: "var(--surface)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "var(--cm-active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--cm-active-line)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--cm-selection) !important",
  },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--fg)" },
  ".cm-step-line": { backgroundColor: "var(--mark)", outline: "2px solid var(--warn)", outlineOffset: "-2px" },
});

const setStepLine = StateEffect.define<number | null>();

/**
 * Step through's line about to run: a line decoration (outlined, and `aria-current="step"`),
 * kept on its line as the reader edits around it; the step panel names the line in words.
 */
const stepLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    for (const effect of transaction.effects) {
      if (!effect.is(setStepLine)) continue;
      const line = effect.value;
      if (line === null || line < 1 || line > transaction.state.doc.lines) return Decoration.none;
      const at = transaction.state.doc.line(line).from;
      return Decoration.set([Decoration.line({ class: "cm-step-line", attributes: { "aria-current": "step", "data-step-line": String(line) } }).range(at)]);
    }
    return marks.map(transaction.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Marks line `line` (1-based) as the one about to run, scrolled into view; null clears it. */
export function markStepLine(view: EditorView, line: number | null): void {
  const inRange = line !== null && line >= 1 && line <= view.state.doc.lines;
  view.dispatch({
    effects: [setStepLine.of(line), ...(inRange ? [EditorView.scrollIntoView(view.state.doc.line(line).from, { y: "nearest" })] : [])],
  });
}

/** Opens an editor in `host` and focuses nothing; the caller decides. */
export function openEditor(host: HTMLElement, options: EditorOptions): EditorView {
  return new EditorView({
    parent: host,
    doc: options.code,
    extensions: [
      // Before basicSetup's keymap, which would otherwise take Ctrl+Enter ("insert blank line").
      Prec.highest(
        keymap.of([
          {
            key: "Mod-Enter",
            run: () => {
              options.onRun();
              return true;
            },
          },
        ]),
      ),
      basicSetup,
      options.language === "python" ? python() : javascript({ typescript: true }),
      syntaxHighlighting(highlight),
      theme,
      stepLine,
      // tabindex: axe counts a scroller (long lines) as reachable only through a focusable child, and the editable text is one.
      EditorView.contentAttributes.of({ "aria-label": options.label, tabindex: "0" }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange(update.state.doc.toString());
      }),
    ],
  });
}
