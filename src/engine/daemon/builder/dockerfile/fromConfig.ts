/**
 * BuildFromConfig (moby builder/dockerfile/builder.go): `docker commit --change` lines read as a Dockerfile and
 * applied to the container's config. Every error is the client's fault (InvalidParameter), worded as moby's.
 */
import { DaemonError, invalidParameter } from '../../../../pkg/errdefs.js';
import type { ContainerConfig } from '../../container.js';
import type { HealthConfig } from '../../healthConfig.js';
import { parseHealthcheck } from '../healthcheck.js';
import { parseFlags } from '../instructions.js';
import { checkInstruction, dispatchInstruction, type DispatchState } from './dispatch.js';
import { parseDockerfile, type Node } from './parser.js';

/** validCommitCommands. */
const VALID = new Set(['cmd', 'entrypoint', 'healthcheck', 'env', 'expose', 'label', 'onbuild', 'stopsignal', 'user', 'volume', 'workdir']);

function copyConfig(c: ContainerConfig): ContainerConfig {
  return {
    ...c, Env: [...c.Env], Cmd: c.Cmd && [...c.Cmd], Entrypoint: c.Entrypoint && [...c.Entrypoint],
    OnBuild: c.OnBuild && [...c.OnBuild], Labels: { ...c.Labels },
    ...(c.ExposedPorts ? { ExposedPorts: { ...c.ExposedPorts } } : {}), Volumes: c.Volumes && { ...c.Volumes },
  };
}

const asInvalid = (e: unknown): never => {
  if (e instanceof DaemonError) throw e;
  throw invalidParameter((e as Error).message);
};

export function buildFromConfig(config: ContainerConfig, changes: readonly string[]): ContainerConfig {
  if (changes.length === 0) return config;
  try {
    const nodes = parseDockerfile(changes.join('\n'));
    for (const n of nodes) if (!VALID.has(n.cmd)) throw invalidParameter(`${n.cmd} is not a valid change command`);
    const health = new Map<Node, HealthConfig>();
    for (const n of nodes) {
      checkInstruction(n);
      if (n.cmd === 'healthcheck') health.set(n, parseHealthcheck(n, parseFlags(n)));
    }
    const state: DispatchState = { config: copyConfig(config), cmdSet: false };
    for (const n of nodes) {
      const h = health.get(n);
      if (h) state.config.Healthcheck = h;
      else dispatchInstruction(state, n);
    }
    return state.config;
  } catch (e) {
    return asInvalid(e);
  }
}
