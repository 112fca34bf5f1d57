/** `docker system` (docker/cli cli/command/system/cmd.go): its sub-commands, as its help lists them. */
import { unsimulated, type GroupSpec } from '../../spec.js';
import { systemDfCommand } from './df.js';
import { infoCommand } from './info.js';
import { systemPruneCommand } from './prune.js';

export const eventsCommand = unsimulated('events', 'Get real time events from the server');

export const systemCommand: GroupSpec = {
  name: 'system',
  short: 'Manage Docker',
  commands: [systemDfCommand, eventsCommand, infoCommand, systemPruneCommand],
};
