/**
 * How a machine makes Docker's read model: provided by daemonQuery.ts, so that a page's first chunk does not
 * carry engine/daemon/query.ts (the read model's code comes when the daemon view or a lesson asks for it).
 */
import type { DaemonQuery } from '../engine/daemon/query.js';
import type { DaemonStore } from '../engine/daemon/store.js';

let make: ((store: DaemonStore) => DaemonQuery) | undefined;

export function provideDaemonQuery(f: (store: DaemonStore) => DaemonQuery): void {
  make = f;
}

export function madeQuery(store: DaemonStore): DaemonQuery {
  if (!make) throw new Error('machine.query is read before its code has loaded (await machine.loadQuery())');
  return make(store);
}
