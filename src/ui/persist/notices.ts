/**
 * Notices the page shows above everything else (a saved session set aside, a journal too big to keep): a
 * vanilla zustand store, filled outside React by the persistence code, shown by <Notices/> in the header.
 */
import { createStore } from 'zustand/vanilla';

export type NoticeKind =
  | 'setAside'
  | 'linkBad'
  | 'importBad'
  | 'journalLarge'
  | 'journalFull'
  | 'saveFailed'
  | 'simStopped';

export interface Notice {
  readonly id: number;
  readonly kind: NoticeKind;
  /** Placeholders for the message ({reason}, {key}, {count}). */
  readonly vars: Readonly<Record<string, string | number>>;
}

interface NoticeState {
  readonly notices: readonly Notice[];
}

export const noticeStore = createStore<NoticeState>()(() => ({ notices: [] }));

let next = 1;

export function notify(kind: NoticeKind, vars: Record<string, string | number> = {}): void {
  const s = noticeStore.getState();
  if (s.notices.some((n) => n.kind === kind)) return;
  noticeStore.setState({ notices: [...s.notices, { id: next++, kind, vars }] });
}

export function dismiss(id: number): void {
  noticeStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

/** The driver's onError: the simulation faulted (a bug). Logged for a developer, told to the learner. */
export function simulationStopped(err: unknown): void {
  console.error('dockersim: simulation stopped', err);
  notify('simStopped', { reason: err instanceof Error ? err.message : String(err) });
}
