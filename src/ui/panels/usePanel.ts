/** The panels read the store through a context (the page's store by default; tests pass their own). */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { panelStore, type PanelState, type PanelStore } from '../store/panelStore.js';

export const PanelStoreContext = createContext<PanelStore>(panelStore);

/** A slice of the store; the component re-renders only when the slice changes identity. */
export function usePanel<T>(selector: (s: PanelState) => T): T {
  return useStore(useContext(PanelStoreContext), selector);
}

/** The store's actions (stable functions, so this subscribes to nothing), for event handlers. */
export function usePanelActions(): Pick<PanelState, 'setTab' | 'select' | 'setHighlight'> {
  return useContext(PanelStoreContext).getState();
}
