import { command } from '../../spec.js';
import type { MessageStream } from '../../client.js';
import { flag, getBool, getString } from '../../flags.js';
import { displayJSONMessages } from '../../formatter/jsonmessage.js';
import { hostIo, readInputFile } from '../archiveio.js';

/** `docker load` as docker/cli 28.2.2 defines it (cli/command/image/load.go). */
export const loadCommand = command({
  use: 'load [OPTIONS]',
  short: 'Load an image from a tar archive or STDIN',
  aliases: 'docker image load, docker load',
  args: { none: true },
  flags: [
    flag('input', 'i', 'string', 'Read from tar archive file, instead of STDIN', { sim: true }),
    flag('platform', '', 'string', 'Load only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")'),
    flag('quiet', 'q', '', 'Suppress the load output', { sim: true }),
  ],
  run: async (cli, inv) => {
    const input = getString(inv.flags, 'input');
    const h = hostIo(cli);
    let tar: Uint8Array;
    if (input === '') {
      if (cli.in.isTerminal()) throw new Error('requested load from stdin, but stdin is empty');
      tar = await h.readIn();
    } else tar = readInputFile(h, input);
    const quiet = getBool(inv.flags, 'quiet') || !cli.out.isTerminal();
    const stream = await cli.client().archive!().imageLoad(tar, quiet);
    await displayJSONMessages(stream as unknown as MessageStream, cli.out, () => cli.now());
  },
});
