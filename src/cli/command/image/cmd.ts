/** `docker image` (docker/cli cli/command/image/cmd.go): its sub-commands, as its help lists them. */
import { unsimulated, type GroupSpec } from '../../spec.js';
import { imageInspectCommand } from './inspect.js';
import { listCommand } from './list.js';
import { pullCommand } from './pull.js';
import { pushCommand } from './push.js';
import { removeCommand } from './remove.js';
import { historyCommand } from './history.js';
import { pruneCommand } from './prune.js';
import { tagCommand } from './tag.js';

export { historyCommand, pushCommand, tagCommand };

export const buildCommand = unsimulated('build', 'Build an image from a Dockerfile');
export const importCommand = unsimulated('import', 'Import the contents from a tarball to create a filesystem image');
export const loadCommand = unsimulated('load', 'Load an image from a tar archive or STDIN');
export const saveCommand = unsimulated('save', 'Save one or more images to a tar archive (streamed to STDOUT by default)');

export const imageCommand: GroupSpec = {
  name: 'image',
  short: 'Manage images',
  commands: [
    buildCommand, historyCommand, importCommand, imageInspectCommand, loadCommand, listCommand, pruneCommand,
    pullCommand, pushCommand, removeCommand, saveCommand, tagCommand,
  ],
};
