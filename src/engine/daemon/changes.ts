/** GET /containers/{id}/changes (`docker diff`): the RW layer against the image, Kind 0 = C, 1 = A, 2 = D. */
import type { DaemonContext } from './context.js';
import { containerFsChanges } from './query.js';

export interface ChangeJSON {
  readonly Path: string;
  readonly Kind: 0 | 1 | 2;
}

const KIND = { C: 0, A: 1, D: 2 } as const;

export function containerChanges(d: DaemonContext, name: string): ChangeJSON[] {
  const c = d.store.getContainer(name);
  return containerFsChanges(d.store, c).map((ch) => ({ Path: ch.path, Kind: KIND[ch.kind] }));
}
