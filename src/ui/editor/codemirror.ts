/**
 * CodeMirror 6 as the pane uses it: a dark theme that matches the terminal, the file's language from its name
 * (Dockerfile, nginx configuration, shell, HTML; plain text otherwise), Ctrl-S / Cmd-S to save and Esc to go
 * back to the terminal. Only the pane's chunk imports this.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { nginx } from '@codemirror/legacy-modes/mode/nginx';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { languageFor, type LanguageName } from './language.js';

/**
 * The language's support. HTML's parser brings CSS's and JavaScript's with it (most of the pane's weight),
 * so it loads on its own, the first time an HTML file is opened; the legacy modes are a few KB each.
 */
async function languageExtension(lang: LanguageName): Promise<Extension> {
  switch (lang) {
    case 'dockerfile':
      return StreamLanguage.define(dockerFile);
    case 'nginx':
      return StreamLanguage.define(nginx);
    case 'shell':
      return StreamLanguage.define(shell);
    case 'html':
      return (await import('@codemirror/lang-html')).html();
    case 'text':
      return [];
  }
}

const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], color: '#569cd6' },
  { tag: [t.string, t.special(t.string)], color: '#ce9178' },
  { tag: t.comment, color: '#6a9955', fontStyle: 'italic' },
  { tag: [t.number, t.bool, t.atom], color: '#b5cea8' },
  { tag: [t.variableName, t.propertyName], color: '#9cdcfe' },
  { tag: [t.tagName], color: '#569cd6' },
  { tag: [t.attributeName], color: '#9cdcfe' },
  { tag: [t.operator, t.punctuation], color: '#d4d4d4' },
  { tag: [t.standard(t.variableName), t.function(t.variableName)], color: '#dcdcaa' },
  { tag: t.meta, color: '#c586c0' },
  { tag: t.invalid, color: '#f44747' },
]);

const theme = EditorView.theme(
  {
    '&': { height: '100%', color: '#d4d4d4', backgroundColor: '#1e1e1e', fontSize: '0.9rem' },
    '.cm-scroller': { fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace', lineHeight: '1.45' },
    '.cm-content': { caretColor: '#fff' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: '#fff' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: '#264f78' },
    '.cm-gutters': { backgroundColor: '#1e1e1e', color: '#858585', border: 'none' },
    '.cm-activeLine': { backgroundColor: '#2a2d2e' },
    '.cm-activeLineGutter': { backgroundColor: '#2a2d2e', color: '#c6c6c6' },
    '.cm-panels': { backgroundColor: '#252526', color: '#d4d4d4' },
    '.cm-searchMatch': { backgroundColor: '#613214' },
    '.cm-selectionMatch': { backgroundColor: '#3a3d41' },
  },
  { dark: true },
);

export interface EditorCallbacks {
  /** Ctrl-S / Cmd-S. */
  readonly save: () => void;
  /** Esc: back to the terminal. */
  readonly leave: () => void;
  /** The text changed (typing, undo, a new document). */
  readonly changed: () => void;
}

/** One CodeMirror view for the pane's lifetime; files are swapped in with `load`. */
export class PaneEditor {
  readonly view: EditorView;
  private readonly readOnly = new Compartment();
  private readonly lang = new Compartment();
  private readonly keys: Extension;
  /** Counts loads, so a language that arrives after another file was opened is not applied to it. */
  private loads = 0;

  constructor(
    parent: HTMLElement,
    private readonly cb: EditorCallbacks,
    private readonly label: string,
  ) {
    this.keys = keymap.of([
      { key: 'Mod-s', preventDefault: true, run: () => (cb.save(), true) },
      { key: 'Escape', run: () => (cb.leave(), true) },
      ...searchKeymap,
      ...historyKeymap,
      ...defaultKeymap,
      indentWithTab,
    ]);
    this.view = new EditorView({ parent, state: this.state('', true) });
  }

  private state(doc: string, ro: boolean): EditorState {
    return EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        bracketMatching(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        search({ top: true }),
        syntaxHighlighting(highlight),
        theme,
        this.keys,
        EditorView.contentAttributes.of({ 'aria-label': this.label }),
        this.lang.of([]),
        this.readOnly.of(EditorState.readOnly.of(ro)),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) this.cb.changed();
        }),
      ],
    });
  }

  /** Shows `text` as a new document, with its own undo history, in the language `path` suggests. */
  load(path: string, text: string, readOnly: boolean): void {
    this.view.setState(this.state(text, readOnly));
    const n = ++this.loads;
    void languageExtension(languageFor(path, text)).then((ext) => {
      if (n === this.loads && !this.destroyed) this.view.dispatch({ effects: this.lang.reconfigure(ext) });
    });
  }

  private destroyed = false;

  setReadOnly(ro: boolean): void {
    this.view.dispatch({ effects: this.readOnly.reconfigure(EditorState.readOnly.of(ro)) });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    this.destroyed = true;
    this.view.destroy();
  }
}
