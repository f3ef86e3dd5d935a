/**
 * The cell editor: CodeMirror 6, loaded the first time a reader presses Edit (or when a saved
 * edit is restored). Colours come from CSS variables so it follows the light/dark theme with the
 * same contrast as the Shiki blocks.
 */
import { basicSetup } from "codemirror";
import { javascript } from "@codemirror/lang-javascript";
import { python } from "@codemirror/lang-python";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
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
});

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
      // tabindex: axe counts a scroller (long lines) as reachable only through a focusable child, and the editable text is one.
      EditorView.contentAttributes.of({ "aria-label": options.label, tabindex: "0" }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange(update.state.doc.toString());
      }),
    ],
  });
}
