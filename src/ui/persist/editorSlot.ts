/**
 * The editor pane's slot of a saved session (whether the pane is shown, where, and which file it has open):
 * the pane stores any JSON value here and reads it back after a reload; persistence saves it with the session
 * without looking inside. The file's content is not here: a save is an input in the journal.
 */
import { createStore } from 'zustand/vanilla';

interface EditorSlot {
  readonly value: unknown;
}

export const editorSlot = createStore<EditorSlot>()(() => ({ value: null }));

export function setEditorState(value: unknown): void {
  editorSlot.setState({ value });
}

export function editorState(): unknown {
  return editorSlot.getState().value;
}
