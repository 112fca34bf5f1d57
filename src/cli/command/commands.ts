/**
 * The registry: every real docker command, each registered once, as docker/cli's commands.go adds them to
 * the root (the `Common Commands`, management, swarm and legacy top-level commands, in the order `docker
 * --help` lists them) and each group's cmd.go to its management command. Help, dispatch and completion all
 * read the tree built here; a command's lookup names are its own name and its cobra aliases.
 */
import { commandName, type Annotations, type CommandNode, type Entry, type GroupSpec, unsimulated } from '../spec.js';
import { containerCommand, commitCommand, copyCommand, exportCommand, portCommand } from './container/cmd.js';
import { updateCommand } from './container/update.js';
import { buildCommand, historyCommand, imageCommand, importCommand, loadCommand, pushCommand, saveCommand,
  tagCommand } from './image/cmd.js';
import { eventsCommand, systemCommand } from './system/cmd.js';
import { attachCommand } from './container/attach.js';
import { createCommand } from './container/create.js';
import { diffCommand } from './container/diff.js';
import { execCommand } from './container/exec.js';
import { killCommand } from './container/kill.js';
import { psCommand } from './container/list.js';
import { logsCommand } from './container/logs.js';
import { pauseCommand } from './container/pause.js';
import { renameCommand } from './container/rename.js';
import { restartCommand } from './container/restart.js';
import { rmCommand } from './container/rm.js';
import { runCommand } from './container/run.js';
import { startCommand } from './container/start.js';
import { statsCommand } from './container/stats.js';
import { stopCommand } from './container/stop.js';
import { topCommand } from './container/top.js';
import { unpauseCommand } from './container/unpause.js';
import { waitCommand } from './container/wait.js';
import { imagesCommand } from './image/list.js';
import { networkCommand } from './network/cmd.js';
import { pullCommand } from './image/pull.js';
import { rmiCommand } from './image/remove.js';
import { loginCommand } from './registry/login.js';
import { logoutCommand } from './registry/logout.js';
import { searchCommand } from './registry/search.js';
import { infoCommand } from './system/info.js';
import { inspectCommand } from './system/inspect.js';
import { versionCommand } from './system/version.js';
import { volumeCommand } from './volume/cmd.js';

/** A management command dockersim simulates none of yet: listed by help, refused when run. */
const group = (name: string, short: string, annotations?: Annotations): GroupSpec => ({ name, short, commands: [], annotations });

/** Experimental (CRIU): a daemon without experimental features refuses the group before any request. */
const checkpointCommand: GroupSpec = {
  name: 'checkpoint', short: 'Manage checkpoints', annotations: { experimental: true, ostype: 'linux' },
  commands: [
    unsimulated('create', 'Create a checkpoint from a running container'), unsimulated('ls', 'List checkpoints for a container'),
    unsimulated('rm', 'Remove a checkpoint'),
  ],
};

/** Swarm commands that need this node to be a manager: help leaves them out on a daemon outside a swarm. */
const MANAGER: Annotations = { swarm: 'manager' };

const CATEGORIES: ReadonlyArray<readonly [string, readonly Entry[]]> = [
  ['Common Commands', [
    runCommand, execCommand, psCommand, buildCommand, pullCommand, pushCommand, imagesCommand,
    loginCommand, logoutCommand, searchCommand,
    versionCommand, infoCommand,
  ]],
  ['Management Commands', [
    group('builder', 'Manage builds'), checkpointCommand, containerCommand,
    group('context', 'Manage contexts'), imageCommand,
    group('manifest', 'Manage Docker image manifests and manifest lists'), networkCommand,
    group('plugin', 'Manage plugins'), systemCommand, group('trust', 'Manage trust on Docker images'),
    volumeCommand,
  ]],
  ['Swarm Commands', [
    group('config', 'Manage Swarm configs', MANAGER), group('node', 'Manage Swarm nodes', MANAGER),
    group('secret', 'Manage Swarm secrets', MANAGER), group('service', 'Manage Swarm services', MANAGER),
    group('stack', 'Manage Swarm stacks', MANAGER), group('swarm', 'Manage Swarm', { swarm: '' }),
  ]],
  ['Commands', [
    attachCommand, commitCommand, copyCommand, createCommand, diffCommand, eventsCommand, exportCommand,
    historyCommand, importCommand, inspectCommand, killCommand, loadCommand, logsCommand, pauseCommand, portCommand,
    renameCommand, restartCommand, rmCommand, rmiCommand, saveCommand, startCommand, statsCommand, stopCommand,
    tagCommand, topCommand, unpauseCommand, updateCommand, waitCommand,
  ]],
];

function node(parent: readonly string[], entry: Entry, category?: string): CommandNode {
  if ('use' in entry) {
    const name = commandName(entry);
    return { path: [...parent, name], short: entry.short, spec: entry, children: [], names: [name, ...(entry.cobraAliases ?? [])], category, annotations: entry.annotations };
  }
  const path = [...parent, entry.name];
  const children = 'commands' in entry ? entry.commands.map((e) => node(path, e)) : [];
  return { path, short: entry.short, children, names: [entry.name], category, annotations: entry.annotations };
}

export const ROOT: CommandNode = {
  path: [],
  short: 'A self-sufficient runtime for containers',
  children: CATEGORIES.flatMap(([category, entries]) => entries.map((e) => node([], e, category))),
  names: ['docker'],
};
