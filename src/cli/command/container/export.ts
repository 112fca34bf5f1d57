import { command } from '../../spec.js';
import { flag, getString } from '../../flags.js';
import { containerNames } from '../completion.js';
import { checkOutputFile, copyToOutput, hostIo } from '../archiveio.js';

/** `docker export` as docker/cli 28.2.2 defines it (cli/command/container/export.go). */
export const exportCommand = command({
  use: 'export [OPTIONS] CONTAINER',
  short: "Export a container's filesystem as a tar archive",
  aliases: 'docker container export, docker export',
  args: { exact: 1 },
  flags: [flag('output', 'o', 'string', 'Write to a file, instead of STDOUT', { sim: true })],
  completion: containerNames(),
  run: async (cli, inv) => {
    const output = getString(inv.flags, 'output');
    const h = hostIo(cli);
    if (output === '' && cli.out.isTerminal()) throw new Error('cowardly refusing to save to a terminal. Use the -o flag or redirect');
    if (output !== '') checkOutputFile(h, output, 'failed to export container');
    const tar = await cli.client().archive!().containerExport(inv.args[0]);
    await copyToOutput(h, output, tar, 'failed to export container');
  },
});
