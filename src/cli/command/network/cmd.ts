/** `docker network` (docker/cli cli/command/network/cmd.go): its sub-commands, as its help lists them. */
import type { GroupSpec } from '../../spec.js';
import { connectCommand } from './connect.js';
import { createCommand } from './create.js';
import { disconnectCommand } from './disconnect.js';
import { inspectCommand } from './inspect.js';
import { listCommand } from './list.js';
import { pruneCommand } from './prune.js';
import { removeCommand } from './remove.js';

export const networkCommand: GroupSpec = {
  name: 'network',
  short: 'Manage networks',
  commands: [connectCommand, createCommand, disconnectCommand, inspectCommand, listCommand, pruneCommand, removeCommand],
};
