/** Boots a simulated host and serves its dockerd on real addresses: what `npm run daemon` and the tests share. */
import type { ListenAddress } from './args.js';
import { SimHost, type ClockMode, type HostOptions } from './host.js';
import type { ConnectionTap } from './bridge.js';
import { ApiServer } from './server.js';

export interface DaemonOptions {
  readonly hosts: readonly ListenAddress[];
  readonly seed?: number;
  readonly clock: ClockMode;
  readonly bootEpochMs?: number;
  readonly costs?: HostOptions['costs'];
  readonly onError?: (err: unknown) => void;
  readonly tap?: () => ConnectionTap;
}

export interface RunningDaemon {
  readonly host: SimHost;
  readonly server: ApiServer;
  /** Where it listens (ephemeral ports resolved). */
  readonly addresses: readonly ListenAddress[];
  close(): Promise<void>;
}

export async function startDaemon(opts: DaemonOptions): Promise<RunningDaemon> {
  const host = await SimHost.boot({ seed: opts.seed, bootEpochMs: opts.bootEpochMs, costs: opts.costs, clock: opts.clock, onError: opts.onError });
  const server = new ApiServer(host, opts.tap);
  const addresses: ListenAddress[] = [];
  try {
    for (const a of opts.hosts) addresses.push(await server.listen(a));
  } catch (e) {
    await server.close();
    host.stop();
    throw e;
  }
  return {
    host,
    server,
    addresses,
    async close() {
      // The bridges' threads must run to finish closing: the clock keeps going until they have.
      await server.close();
      host.stop();
    },
  };
}
