import { BUILDS } from '../../../src/programs/redis/builds.js';
import { defaultConfig } from '../../../src/programs/redis/config.js';
import type { ClientState, CommandContext, ServerHost } from '../../../src/programs/redis/context.js';
import { Keyspace } from '../../../src/programs/redis/keyspace.js';

/** A server with a hand-moved clock and no process around it, for the command table. */
export function fakeServer(version = '7.0.15'): { ctx: CommandContext; clock: { now: number }; host: ServerHost } {
  const clock = { now: Date.UTC(2026, 11, 6, 11, 0, 0) };
  const build = BUILDS[version];
  const keyspace = new Keyspace(() => clock.now);
  const clients = new Map<number, ClientState>();
  let changes = 0;
  const host: ServerHost = {
    build, keyspace, config: defaultConfig(build, '/data'), clients, pid: 1, startedAt: clock.now, configFile: '',
    executable: '/data/redis-server',
    stats: { connectionsReceived: 1, commandsProcessed: 0, keyspaceHits: 0, keyspaceMisses: 0, expiredKeys: 0, netInputBytes: 0, netOutputBytes: 0, rejectedConnections: 0 },
    now: () => clock.now, uptimeMs: () => 0, save: async () => true, bgsave: () => 'started', lastSave: () => 0,
    bgsaveInProgress: () => false, changesSinceSave: () => changes, dirty: (n) => void (changes += n),
    shutdown: async () => true, uname: () => ({ sysname: 'Linux', release: '6.8.0', machine: 'x86_64' }), hostname: () => 'h',
  };
  const client: ClientState = {
    id: 3, addr: '127.0.0.1:40000', laddr: '127.0.0.1:6379', fd: 8, connectedAt: clock.now, lastInteraction: clock.now, db: 0,
    name: '', lastCommand: '', authenticated: false, closeAfterReply: false,
  };
  clients.set(client.id, client);
  const ctx: CommandContext = { server: host, client, get db() { return keyspace.dbs[client.db]; } };
  return { ctx, clock, host };
}
