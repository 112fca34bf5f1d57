/** `docker image` (docker/cli cli/command/image/cmd.go): its sub-commands, as its help lists them. */
import type { GroupSpec } from '../../spec.js';
import { imageInspectCommand } from './inspect.js';
import { listCommand } from './list.js';
import { pullCommand } from './pull.js';
import { pushCommand } from './push.js';
import { removeCommand } from './remove.js';
import { historyCommand } from './history.js';
import { pruneCommand } from './prune.js';
import { tagCommand } from './tag.js';
import { importCommand } from './import.js';
import { loadCommand } from './load.js';
import { saveCommand } from './save.js';
import { legacyBuildCommand } from './build.js';

export { historyCommand, pushCommand, tagCommand };

export const buildCommand = legacyBuildCommand;
export { importCommand } from './import.js';
export { loadCommand } from './load.js';
export { saveCommand } from './save.js';

export const imageCommand: GroupSpec = {
  name: 'image',
  short: 'Manage images',
  commands: [
    buildCommand, historyCommand, importCommand, imageInspectCommand, loadCommand, listCommand, pruneCommand,
    pullCommand, pushCommand, removeCommand, saveCommand, tagCommand,
  ],
};
