import { command } from '../../spec.js';
import { flag, getString } from '../../flags.js';
import { imageNames } from '../completion.js';
import { checkOutputFile, copyToOutput, hostIo } from '../archiveio.js';

/** `docker save` as docker/cli 28.2.2 defines it (cli/command/image/save.go). */
export const saveCommand = command({
  use: 'save [OPTIONS] IMAGE [IMAGE...]',
  short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  aliases: 'docker image save, docker save',
  args: { min: 1 },
  flags: [
    flag('output', 'o', 'string', 'Write to a file, instead of STDOUT', { sim: true }),
    flag('platform', '', 'string', 'Save only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")'),
  ],
  completion: imageNames(),
  run: async (cli, inv) => {
    const output = getString(inv.flags, 'output');
    const h = hostIo(cli);
    if (output === '' && cli.out.isTerminal()) throw new Error('cowardly refusing to save to a terminal. Use the -o flag or redirect');
    if (output !== '') checkOutputFile(h, output, 'failed to save image');
    const tar = await cli.client().archive!().imageSave(inv.args);
    await copyToOutput(h, output, tar, 'failed to save image');
  },
});
