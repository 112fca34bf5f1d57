import { command } from '../../spec.js';
import { flag } from '../../flags.js';
import type { CommandCli } from '../../cli.js';
import { isNotFound } from '../../errors.js';
import { displayJSONMessages } from '../../formatter/jsonmessage.js';
import { apiTag } from '../../../api/client/reference.js';
import { familiarString, fullName as refName, parseAnyReference, tagNameOnly, type Reference as NamedRef } from '../../../pkg/reference.js';
import { CONTAINER_FLAGS, containerConfigFor, createOptions, type ContainerConfig, type CreateOptions } from './opts.js';
import { imageNames } from '../completion.js';
import { registryAuthHeader } from '../../config/configfile.js';

/** `docker create` as docker/cli 28.2.2 defines it (cli/command/container/create.go); flag text recorded from `--help`. */
export const createCommand = command({
  use: "create [OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create a new container",
  aliases: "docker container create, docker create",
  args: { min: 1 },
  interspersed: false,
  flags: [
    ...CONTAINER_FLAGS,
    flag("pull", "", "string", "Pull image before creating (\"always\", \"|missing\", \"never\")", { def: "\"missing\"", sim: true }),
  ],
  completion: imageNames(1),
  run: async (cli, inv) => {
    const opts = createOptions(inv);
    await runCreate(cli, containerConfigFor(cli, inv, opts.pull, 'create'), opts);
  },
});

/** Prints the new container's 64-hex ID. Daemon errors come back plain (exit 1, no `docker:` prefix). */
export async function runCreate(cli: CommandCli, cfg: ContainerConfig, opts: CreateOptions): Promise<void> {
  const id = await createContainer(cli, cfg, opts);
  await cli.out.write(id + '\n');
}

async function pullImage(cli: CommandCli, ref: NamedRef, opts: CreateOptions): Promise<void> {
  const registryAuth = registryAuthHeader(cli, ref.domain);
  const stream = await cli.client().imagePull(refName(ref), apiTag(ref), { platform: opts.platform || undefined, registryAuth });
  const sink = opts.quiet ? { write: async () => undefined, isTerminal: () => false, ttySize: () => ({ height: 0, width: 0 }) } : cli.err;
  await displayJSONMessages(stream, sink, () => cli.now());
}

/**
 * createContainer, shared by `docker create` and `docker run`: create; if the daemon has no such image and
 * --pull=missing, say `Unable to find image 'ubuntu:latest' locally` on stderr, pull (progress on stderr:
 * stdout carries only the ID) and create again. Returns the new container's ID.
 */
export async function createContainer(cli: CommandCli, cfg: ContainerConfig, opts: CreateOptions): Promise<string> {
  const image = cfg.config.Image;
  const parsed = parseAnyReference(image);
  const named = parsed ? tagNameOnly(parsed) : null;
  if (opts.pull === 'always' && named) await pullImage(cli, named, opts);
  const { height, width } = cli.out.ttySize();
  cfg.hostConfig.ConsoleSize = [height, width];
  const client = cli.client();
  const create = (): ReturnType<typeof client.containerCreate> =>
    client.containerCreate(cfg.config, cfg.hostConfig, cfg.networkingConfig, opts.name || undefined,
      opts.platform || undefined);
  let res;
  try {
    res = await create();
  } catch (e) {
    if (!(isNotFound(e) && named && opts.pull === 'missing')) throw e;
    if (!opts.quiet) await cli.err.write(`Unable to find image '${familiarString(named)}' locally\n`);
    await pullImage(cli, named, opts);
    res = await create();
  }
  for (const w of res.Warnings ?? []) await cli.err.write(`WARNING: ${w}\n`);
  return res.Id;
}
