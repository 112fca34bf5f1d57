/** `docker container` (docker/cli cli/command/container/cmd.go): its sub-commands, as its help lists them. */
import { renamed, unsimulated, type GroupSpec } from '../../spec.js';
import { attachCommand } from '../../commands/attach.js';
import { createCommand } from '../../commands/create.js';
import { diffCommand } from '../../commands/diff.js';
import { execCommand } from '../../commands/exec.js';
import { containerInspectCommand } from '../../commands/containerInspect.js';
import { killCommand } from '../../commands/kill.js';
import { listCommand } from '../../commands/ps.js';
import { logsCommand } from '../../commands/logs.js';
import { pauseCommand } from '../../commands/pause.js';
import { containerPruneCommand } from '../../commands/container-prune.js';
import { renameCommand } from '../../commands/rename.js';
import { restartCommand } from '../../commands/restart.js';
import { rmCommand } from '../../commands/rm.js';
import { runCommand } from '../../commands/run.js';
import { startCommand } from '../../commands/start.js';
import { statsCommand } from '../../commands/stats.js';
import { stopCommand } from '../../commands/stop.js';
import { topCommand } from '../../commands/top.js';
import { unpauseCommand } from '../../commands/unpause.js';
import { waitCommand } from '../../commands/wait.js';

export const commitCommand = unsimulated('commit', "Create a new image from a container's changes");
export const copyCommand = unsimulated('cp', 'Copy files/folders between a container and the local filesystem');
export const exportCommand = unsimulated('export', "Export a container's filesystem as a tar archive");
export const portCommand = unsimulated('port', 'List port mappings or a specific mapping for the container');
export const updateCommand = unsimulated('update', 'Update configuration of one or more containers');

export const containerCommand: GroupSpec = {
  name: 'container',
  short: 'Manage containers',
  commands: [
    attachCommand, commitCommand, copyCommand, createCommand, diffCommand, execCommand, exportCommand,
    containerInspectCommand, killCommand, logsCommand, listCommand, pauseCommand, portCommand, containerPruneCommand,
    renameCommand, restartCommand, renamed(rmCommand, 'rm', ['remove']), runCommand, startCommand, statsCommand,
    stopCommand, topCommand, unpauseCommand, updateCommand, waitCommand,
  ],
};
