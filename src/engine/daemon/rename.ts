/** `docker rename` (moby daemon/rename.go). */
import type { DaemonContext } from './context.js';
import { invalidParameter } from '../../pkg/errdefs.js';

export function containerRename(d: DaemonContext, oldName: string, newName: string): void {
  if (oldName === '' || newName === '') throw invalidParameter('Neither old nor new names may be empty');
  const c = d.store.getContainer(oldName);
  const previous = c.Name;
  c.Name = d.store.names.rename(c.ID, c.Name, c.Name, newName);
  d.store.networks.endpoints.renamed(c);
  d.store.containerEvent(c, 'rename', { oldName: previous });
}
