import { command, renamed } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getList, getString } from '../../flags.js';
import { filtersJSON } from '../../filters.js';
import { IMAGE_HEADERS, IMAGE_TABLE, IMAGE_TABLE_DIGESTS, imageRows } from '../../formatter/image.js';
import { writeRows } from '../../formatter/write.js';
import { fileNames } from '../completion.js';

/** `docker images` as docker/cli 28.2.2 defines it (cli/command/image/list.go); flag text recorded from `--help`. */
export const imagesCommand = command({
  use: "images [OPTIONS] [REPOSITORY[:TAG]]",
  short: "List images",
  aliases: "docker image ls, docker image list, docker images",
  args: { max: 1 },
  flags: [
    flag("all", "a", "", "Show all images (default hides intermediate images)", { sim: true }),
    flag("digests", "", "", "Show digests", { sim: true }),
    flag("filter", "f", "filter", "Filter output based on conditions provided", { sim: true }),
    flag("format", "", "string", "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("no-trunc", "", "", "Don't truncate output", { sim: true }),
    flag("quiet", "q", "", "Only show image IDs", { sim: true }),
    flag("tree", "", "", "List multi-platform images as a tree (EXPERIMENTAL)"),
  ],
  completion: fileNames,
  run: (cli, inv) => runImages(cli, {
    matchName: inv.args[0] ?? '',
    quiet: getBool(inv.flags, 'quiet'),
    all: getBool(inv.flags, 'all'),
    noTrunc: getBool(inv.flags, 'no-trunc'),
    showDigests: getBool(inv.flags, 'digests'),
    format: getString(inv.flags, 'format'),
    filter: getList(inv.flags, 'filter'),
  }),
});

/** `docker image ls` (newListCommand): the same command, also called `list`. */
export const listCommand = renamed(imagesCommand, 'ls', ['list']);

export interface ImagesOptions {
  readonly matchName: string;
  readonly quiet: boolean;
  readonly all: boolean;
  readonly noTrunc: boolean;
  readonly showDigests: boolean;
  readonly format: string;
  readonly filter: readonly string[];
}

export async function runImages(cli: CommandCli, o: ImagesOptions): Promise<void> {
  const extra: Array<[string, string]> = o.matchName ? [['reference', o.matchName]] : [];
  const images = await cli.client().imageList({ all: o.all || undefined, filters: filtersJSON(o.filter, extra) });
  let format = o.format;
  if (o.quiet && (format === '' || format === 'table')) format = '{{.ID}}';
  const rows = imageRows(images, { trunc: !o.noTrunc, digests: o.showDigests }, cli.now());
  const text = writeRows(format, o.showDigests ? IMAGE_TABLE_DIGESTS : IMAGE_TABLE, rows, IMAGE_HEADERS);
  if (text) await cli.out.write(text);
}
