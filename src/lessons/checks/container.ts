import type { ContainerRecord, DaemonQuery } from '../../engine/daemon/query.js';
import { bool, int, oneOf, str } from './fields.js';
import { containerName, imageMatches } from './lookup.js';
import { say, type Said } from './said.js';
import { defineCheck, type ContainerCheck } from './types.js';

function matches(query: DaemonQuery, c: ContainerRecord, k: ContainerCheck): boolean {
  if (k.image !== undefined && !imageMatches(query, c, k.image)) return false;
  if (k.state !== undefined && c.State.stateString() !== k.state) return false;
  if (k.tty !== undefined && c.Config.Tty !== k.tty) return false;
  if (k.interactive !== undefined && c.Config.OpenStdin !== k.interactive) return false;
  if (k.restart !== undefined && (c.HostConfig.RestartPolicy.Name || 'no') !== k.restart) return false;
  if (k.command !== undefined && ![c.Path, ...c.Args].join(' ').includes(k.command)) return false;
  if (k.health !== undefined && c.State.Health?.Status !== k.health) return false;
  if (k.exitCode !== undefined && (c.State.Running || c.State.StartedAt === null || c.State.ExitCode !== k.exitCode)) return false;
  return true;
}

function describe(c: ContainerRecord): Said {
  const policy = c.HostConfig.RestartPolicy.Name || 'no';
  return say('containerIs', { name: containerName(c), image: c.Config.Image, state: c.State.stateString(), tty: String(c.Config.Tty), restart: policy });
}

/** A container matching every given field exists (exactly `count` of them when given). */
export const containerCheck = defineCheck<ContainerCheck>({
  kind: 'container',
  schema: {
    fields: {
      name: str, image: str, state: oneOf('created', 'running', 'paused', 'restarting', 'exited', 'dead'),
      tty: bool, interactive: bool, restart: oneOf('no', 'always', 'on-failure', 'unless-stopped'), command: str,
      exitCode: int(0), health: oneOf('starting', 'healthy', 'unhealthy'), count: int(0),
    },
  },
  evaluate(k, { machine }) {
    const query = machine.query;
    let pool: ContainerRecord[];
    if (k.name !== undefined) {
      const c = query.findContainer(k.name);
      pool = c && containerName(c) === k.name.replace(/^\//, '') ? [c] : [];
    } else {
      pool = [...query.containers()];
    }
    const hits = pool.filter((c) => matches(query, c, k));
    const holds = k.count !== undefined ? hits.length === k.count : hits.length > 0;
    if (!holds && hits.length === 0 && k.exitCode !== undefined && k.count === undefined) {
      // An exited container keeps its exit code: say why this step is stuck and how to get back on track.
      const { exitCode: want, state: _state, ...rest } = k;
      const other = pool.find((c) => !c.State.Running && c.State.StartedAt !== null && matches(query, c, rest));
      if (other) {
        return { holds, stuck: true, found: say('exitedOther', { name: containerName(other), code: other.State.ExitCode, want, exit: '`exit`' }) };
      }
    }
    const seen = pool.length === 0 ? [say('noSuchContainer')] : pool.slice(0, 5).map(describe);
    return { holds, found: say('containerFound', { n: hits.length, seen }) };
  },
});
