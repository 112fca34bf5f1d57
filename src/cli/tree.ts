/**
 * The command tree as cobra sees it: the root, its leaf commands, the `container`, `image` and `system` management
 * commands. Lookup names come from each spec's `aliases` annotation ("docker container ls, docker container
 * list, docker container ps, docker ps" puts ls/list/ps under `container` and ps under the root).
 */
import { commandName, renamed, type CommandSpec } from './spec.js';
import { COMMON_COMMANDS, CONTAINER_SUBCOMMANDS, IMAGE_SUBCOMMANDS, MANAGEMENT_COMMANDS, OTHER_COMMANDS,
  SWARM_COMMANDS, SYSTEM_SUBCOMMANDS, type Listing } from './listing.js';
import { attachCommand } from './commands/attach.js';
import { containerInspectCommand } from './commands/containerInspect.js';
import { containerPruneCommand } from './commands/container-prune.js';
import { createCommand } from './commands/create.js';
import { diffCommand } from './commands/diff.js';
import { execCommand } from './commands/exec.js';
import { imageInspectCommand } from './commands/imageInspect.js';
import { imagesCommand } from './commands/images.js';
import { infoCommand } from './commands/info.js';
import { inspectCommand } from './commands/inspect.js';
import { killCommand } from './commands/kill.js';
import { logsCommand } from './commands/logs.js';
import { pauseCommand } from './commands/pause.js';
import { psCommand } from './commands/ps.js';
import { pullCommand } from './commands/pull.js';
import { renameCommand } from './commands/rename.js';
import { restartCommand } from './commands/restart.js';
import { rmCommand } from './commands/rm.js';
import { rmiCommand } from './commands/rmi.js';
import { runCommand } from './commands/run.js';
import { searchCommand } from './commands/search.js';
import { startCommand } from './commands/start.js';
import { statsCommand } from './commands/stats.js';
import { stopCommand } from './commands/stop.js';
import { systemDfCommand } from './commands/system-df.js';
import { systemPruneCommand } from './commands/system-prune.js';
import { topCommand } from './commands/top.js';
import { unpauseCommand } from './commands/unpause.js';
import { updateCommand } from './commands/update.js';
import { versionCommand } from './commands/version.js';
import { waitCommand } from './commands/wait.js';

/** A real docker command; `spec` is absent when dockersim does not simulate it (`docker build`, `docker cp`…). */
export interface CommandNode {
  /** Words after `docker`: ['container', 'ls']. */
  readonly path: readonly string[];
  readonly short: string;
  readonly spec?: CommandSpec;
  /** Sub-commands of a management command (`container`, `image`); empty for leaves. */
  readonly children: readonly CommandNode[];
  /** Names this node answers to under its parent (its own name first). */
  readonly names: readonly string[];
}

const SPECS: readonly CommandSpec[] = [
  attachCommand, createCommand, diffCommand, execCommand, imagesCommand, infoCommand, inspectCommand,
  killCommand, logsCommand, pauseCommand, psCommand, pullCommand, renameCommand, restartCommand, rmCommand,
  rmiCommand, runCommand, searchCommand, startCommand, statsCommand, stopCommand, topCommand, unpauseCommand,
  updateCommand, versionCommand, waitCommand,
];

/** Where each spec is also reachable, read from the aliases annotations: "docker container ls" → container/ls. */
function placements(): Map<string, Array<{ name: string; spec: CommandSpec }>> {
  const out = new Map<string, Array<{ name: string; spec: CommandSpec }>>();
  const put = (parent: string, name: string, spec: CommandSpec): void => {
    const list = out.get(parent) ?? [];
    list.push({ name, spec });
    out.set(parent, list);
  };
  for (const spec of SPECS) {
    if (!spec.aliases) put('', commandName(spec), spec);
    for (const full of (spec.aliases ?? '').split(', ').filter(Boolean)) {
      const words = full.split(' ').slice(1);
      put(words.slice(0, -1).join(' '), words[words.length - 1], spec);
    }
  }
  put('container', 'inspect', containerInspectCommand);
  put('container', 'prune', containerPruneCommand);
  put('system', 'df', systemDfCommand);
  put('system', 'prune', systemPruneCommand);
  put('image', 'inspect', imageInspectCommand);
  return out;
}

function buildLevel(parent: readonly string[], listing: readonly Listing[], kids: (name: string) => CommandNode[]):
  CommandNode[] {
  const placed = placements().get(parent.join(' ')) ?? [];
  return listing.map(({ name, short }) => {
    const mine = placed.filter((p) => p.spec === placed.find((q) => q.name === name)?.spec);
    const spec = mine.length > 0 ? renamed(mine[0].spec, name) : undefined;
    const names = [name, ...mine.map((p) => p.name).filter((n) => n !== name)];
    return { path: [...parent, name], short, spec, children: kids(name), names };
  });
}

function children(name: string): CommandNode[] {
  if (name === 'container') return buildLevel(['container'], CONTAINER_SUBCOMMANDS, () => []);
  if (name === 'image') return buildLevel(['image'], IMAGE_SUBCOMMANDS, () => []);
  if (name === 'system') return buildLevel(['system'], SYSTEM_SUBCOMMANDS, () => []);
  return [];
}

const ALL_ROOT: readonly Listing[] = [...COMMON_COMMANDS, ...MANAGEMENT_COMMANDS, ...SWARM_COMMANDS, ...OTHER_COMMANDS];

export const ROOT: CommandNode = {
  path: [],
  short: 'A self-sufficient runtime for containers',
  children: buildLevel([], ALL_ROOT, children),
  names: ['docker'],
};

export function findChild(node: CommandNode, name: string): CommandNode | undefined {
  return node.children.find((c) => c.names.includes(name));
}

/** cobra CommandPath: `docker container ls`. */
export function commandPath(node: CommandNode): string {
  return ['docker', ...node.path].join(' ');
}

/** cobra UseLine: the parent's path and the command's Use (`docker container ls [OPTIONS]`). */
export function useLine(node: CommandNode): string {
  if (node.path.length === 0) return 'docker [OPTIONS] COMMAND [ARG...]';
  if (!node.spec) return commandPath(node);
  return ['docker', ...node.path.slice(0, -1), node.spec.use].join(' ');
}
