/**
 * docker/cli's createContainer (create.go), shared by `docker create` and `docker run`: create; if the
 * daemon has no such image and --pull=missing, say `Unable to find image 'ubuntu:latest' locally` on
 * stderr, pull (progress on stderr: stdout carries only the ID) and create again.
 */
import type { CommandCli } from '../cli.js';
import { isNotFound } from '../errors.js';
import { displayJSONMessages } from '../formatter/jsonmessage.js';
import { apiTag } from '../../api/client/reference.js';
import { familiarString, fullName as refName, parseAnyReference, tagNameOnly, type Reference as NamedRef } from '../../pkg/reference.js';
import type { ContainerConfig, CreateOptions } from './container-opts.js';

async function pullImage(cli: CommandCli, ref: NamedRef, opts: CreateOptions): Promise<void> {
  const stream = await cli.client().imagePull(refName(ref), apiTag(ref), { platform: opts.platform || undefined });
  const sink = opts.quiet ? { write: async () => undefined, isTerminal: () => false, ttySize: () => ({ height: 0, width: 0 }) } : cli.err;
  await displayJSONMessages(stream, sink, () => cli.now());
}

/** Returns the new container's ID. */
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
