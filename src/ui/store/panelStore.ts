/**
 * The live daemon view's store: a vanilla zustand store (no React, so Node tests and lessons use it directly), fed by the engine through feed.ts and read
 * by the panels. It holds only plain data. Lessons steer the learner's eye with `setHighlight`:
 *
 *   panelStore.getState().setHighlight({ kind: 'container', name: 'web' });
 *
 * which also brings the matching tab to the front; `setHighlight(null)` clears it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BuildView, ContainerView, Detail, EventView, ImagesView } from './snapshot/types.js';
import { EMPTY_STORAGE, type StorageView } from './snapshot/networks.js';

export type PanelTab = 'containers' | 'images' | 'network' | 'events';

/** What a lesson points at. Containers match by name or ID prefix, images by reference (`busybox`) or ID. */
export type Highlight =
  | { readonly kind: 'container'; readonly name: string }
  | { readonly kind: 'image'; readonly name: string }
  | { readonly kind: 'network'; readonly name: string };

export type Selection = { readonly kind: 'container' | 'image'; readonly id: string };

export interface PanelData {
  /** By container ID; a view object is replaced only when one of its fields changed. */
  readonly containers: Readonly<Record<string, ContainerView>>;
  /** Container IDs, newest first. */
  readonly order: readonly string[];
  readonly images: ImagesView;
  /** The daemon's latest build, live while it runs; null before any. */
  readonly build: BuildView | null;
  /** The builds before it, newest first (bounded); the same array while none of them changes. */
  readonly earlierBuilds: readonly BuildView[];
  /** Details of `selection`, kept current while it is selected. */
  readonly detail: Detail | null;
  /** Virtual wall-clock time of the last snapshot (epoch ms). */
  readonly nowMs: number;
  /** The daemon's events, newest first (bounded): what `docker events` showed. */
  readonly events: readonly EventView[];
  /** Every network with its members, the volumes and the bind mounts. */
  readonly storage: StorageView;
}

export interface PanelState extends PanelData {
  readonly tab: PanelTab;
  readonly selection: Selection | null;
  readonly highlight: Highlight | null;
  setTab(tab: PanelTab): void;
  /** Selecting the selected item again closes its details. */
  select(sel: Selection | null): void;
  setHighlight(h: Highlight | null): void;
}

export type PanelStore = StoreApi<PanelState>;

export const EMPTY_DATA: PanelData = {
  containers: {},
  order: [],
  images: { images: [], layers: {} },
  build: null,
  earlierBuilds: [],
  detail: null,
  nowMs: 0,
  events: [],
  storage: EMPTY_STORAGE,
};

const TAB_OF: Record<Highlight['kind'], PanelTab> = { container: 'containers', image: 'images', network: 'network' };

export function createPanelStore(): PanelStore {
  return createStore<PanelState>()((set, get) => ({
    ...EMPTY_DATA,
    tab: 'containers',
    selection: null,
    highlight: null,
    setTab: (tab) => set({ tab }),
    select: (sel) => {
      const cur = get().selection;
      const same = sel !== null && cur !== null && cur.kind === sel.kind && cur.id === sel.id;
      set(same || sel === null ? { selection: null, detail: null } : { selection: sel });
    },
    setHighlight: (highlight) => set(highlight ? { highlight, tab: TAB_OF[highlight.kind] } : { highlight: null }),
  }));
}

/** The page's store (one per page; the feed reconnects it when a new machine boots). */
export const panelStore: PanelStore = createPanelStore();

/** True if `c` is what the highlight names. */
export function isHighlightedContainer(h: Highlight | null, c: ContainerView): boolean {
  if (!h || h.kind !== 'container') return false;
  const n = h.name.replace(/^\/+/, '');
  return c.name === n || (n.length >= 3 && c.id.startsWith(n));
}
