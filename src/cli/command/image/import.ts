import { command } from '../../spec.js';
import type { MessageStream } from '../../client.js';
import { flag, getList, getString } from '../../flags.js';
import { displayJSONMessages } from '../../formatter/jsonmessage.js';
import { hostIo, readInputFile } from '../archiveio.js';

/** `docker import` as docker/cli 28.2.2 defines it (cli/command/image/import.go). */
export const importCommand = command({
  use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
  short: 'Import the contents from a tarball to create a filesystem image',
  aliases: 'docker image import, docker import',
  args: { min: 1 },
  flags: [
    flag('change', 'c', 'list', 'Apply Dockerfile instruction to the created image', { sim: true }),
    flag('message', 'm', 'string', 'Set commit message for imported image', { sim: true }),
    flag('platform', '', 'string', 'Set platform if server is multi-platform capable', { sim: true }),
  ],
  // As the real client: `__complete import ''` → `:0`, the shell's file names.
  completion: { files: true },
  run: async (cli, inv) => {
    const source = inv.args[0];
    const h = hostIo(cli);
    let tar: Uint8Array = new Uint8Array(0);
    let from = '-';
    if (source === '-') tar = await h.readIn();
    else if (source.startsWith('https://') || source.startsWith('http://')) from = source;
    else tar = readInputFile(h, source);
    const stream = await cli.client().archive!().imageImport(from, tar, {
      ref: inv.args[1] ?? '', message: getString(inv.flags, 'message'), changes: getList(inv.flags, 'change'),
      platform: getString(inv.flags, 'platform') || (cli.env('DOCKER_DEFAULT_PLATFORM') ?? ''),
    });
    await displayJSONMessages(stream as unknown as MessageStream, cli.out, () => cli.now());
  },
});
