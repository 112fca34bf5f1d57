/** `docker container` (docker/cli cli/command/container/cmd.go): its sub-commands, as its help lists them. */
import type { GroupSpec } from '../../spec.js';
import { attachCommand } from './attach.js';
import { createCommand } from './create.js';
import { diffCommand } from './diff.js';
import { commitCommand } from './commit.js';
import { execCommand } from './exec.js';
import { containerInspectCommand } from './inspect.js';
import { killCommand } from './kill.js';
import { listCommand } from './list.js';
import { logsCommand } from './logs.js';
import { pauseCommand } from './pause.js';
import { portCommand } from './port.js';
import { containerPruneCommand } from './prune.js';
import { renameCommand } from './rename.js';
import { restartCommand } from './restart.js';
import { rmCommand } from './rm.js';
import { runCommand } from './run.js';
import { startCommand } from './start.js';
import { statsCommand } from './stats.js';
import { stopCommand } from './stop.js';
import { topCommand } from './top.js';
import { unpauseCommand } from './unpause.js';
import { updateCommand } from './update.js';
import { waitCommand } from './wait.js';
import { copyCommand } from './cp.js';
import { exportCommand } from './export.js';

export { commitCommand };
export { copyCommand } from './cp.js';
export { exportCommand } from './export.js';

export { portCommand };

export const containerCommand: GroupSpec = {
  name: 'container',
  short: 'Manage containers',
  commands: [
    attachCommand, commitCommand, copyCommand, createCommand, diffCommand, execCommand, exportCommand,
    containerInspectCommand, killCommand, logsCommand, listCommand, pauseCommand, portCommand, containerPruneCommand,
    renameCommand, restartCommand, rmCommand, runCommand, startCommand, statsCommand,
    stopCommand, topCommand, unpauseCommand, updateCommand, waitCommand,
  ],
};
