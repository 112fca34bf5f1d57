/**
 * What the editor pane keeps with the session (src/ui/persist/editorSlot.ts): whether it is shown, beside or
 * below the terminal, and which file it has open. Small on purpose: it is in the page's first chunk, the pane
 * itself (CodeMirror) is not.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { FileTarget } from '../../machine/files.js';
import { editorSlot, setEditorState } from '../persist/editorSlot.js';

export type EditorPlace = 'beside' | 'below';

export interface OpenFile {
  readonly target: FileTarget;
  readonly path: string;
}

export interface EditorState {
  readonly shown: boolean;
  readonly place: EditorPlace;
  readonly file: OpenFile | null;
}

export const EDITOR_DEFAULT: EditorState = { shown: false, place: 'beside', file: null };

function isTarget(v: unknown): v is FileTarget {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return r.kind === 'host' || (r.kind === 'container' && typeof r.id === 'string');
}

/** Reads the slot as saved (by this page or an older one); anything unexpected falls back to the default. */
export function editorStateOf(value: unknown): EditorState {
  if (typeof value !== 'object' || value === null) return EDITOR_DEFAULT;
  const r = value as Record<string, unknown>;
  const f = r.file as Record<string, unknown> | null | undefined;
  const file = f && isTarget(f.target) && typeof f.path === 'string' && f.path.startsWith('/') ? { target: f.target, path: f.path } : null;
  return {
    shown: r.shown === true,
    place: r.place === 'below' ? 'below' : 'beside',
    file,
  };
}

export function useEditorState(): EditorState {
  return editorStateOf(useStore(editorSlot, (s) => s.value));
}

export function updateEditor(patch: Partial<EditorState>): void {
  setEditorState({ ...editorStateOf(editorSlot.getState().value), ...patch });
}

/** Unsaved text in the pane: closing the pane asks first (the pane sets it; the page's toggle reads it). */
const dirtyStore = createStore<{ readonly dirty: boolean }>()(() => ({ dirty: false }));

export function setEditorDirty(dirty: boolean): void {
  if (dirtyStore.getState().dirty !== dirty) dirtyStore.setState({ dirty });
}

export function editorDirty(): boolean {
  return dirtyStore.getState().dirty;
}
