/**
 * Whether the web preview pane is shown and what it was last asked to open. Small on purpose: it is in the
 * page's first chunk (the daemon panel's port links open the pane), the pane itself is not. Not saved with
 * the session: the requests the pane made are in the journal, and a reload must not ask the server again by
 * itself (that would be an input the learner never gave).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface PreviewState {
  readonly shown: boolean;
  /** The address to load (`localhost:8080/`), and a counter that asks the pane to load it again. */
  readonly open: { readonly address: string; readonly nonce: number } | null;
  /**
   * The last `open` the pane loaded: showing the pane again does not ask the server again by itself (only a
   * link, Open or Reload does).
   */
  readonly loaded: number;
}

export const previewStore = createStore<PreviewState>()(() => ({ shown: false, open: null, loaded: 0 }));

export function usePreviewState(): PreviewState {
  return useStore(previewStore);
}

export function showPreview(shown: boolean): void {
  previewStore.setState({ shown });
}

/**
 * The address the pane should load now, if it has not loaded this `open` yet, and marks it loaded in the same
 * step. Read from the store, not from props: React runs a new component's effect twice in development
 * (StrictMode), and a check against a `loaded` prop captured before the first run would send the same
 * request twice — a second journaled input the learner never gave, and a second line in the server's log.
 */
export function claimPreviewOpen(): string | undefined {
  const { open, loaded } = previewStore.getState();
  if (!open || open.nonce === loaded) return undefined;
  previewStore.setState({ loaded: open.nonce });
  return open.address;
}

/** Shows the pane and loads `address` in it (a port link clicked). */
export function openPreview(address: string): void {
  const nonce = (previewStore.getState().open?.nonce ?? 0) + 1;
  previewStore.setState({ shown: true, open: { address, nonce } });
}
