/**
 * CLI plugins as docker/cli's plugin manager finds them (cli-plugins/manager): `docker-NAME` files in the
 * config directory's `cli-plugins`, then the system directories, the first of a name winning. The real client
 * runs each candidate with `docker-cli-plugin-metadata`; here the binaries are simulated programs, so their
 * metadata is what the packaged ones print (docker-ce-packaging's common.mk for 28.2.2: buildx v0.24.0,
 * compose v2.36.2). A candidate that is not one of them is left out rather than guessed at.
 */
import { parseExecutable } from '../engine/kernel/binfmt.js';
import { utf8Decode } from '../engine/kernel/utf8.js';

/** What the plugin manager reads of the client's filesystem (cli.ts's ClientFs has it). */
export interface PluginFs {
  readdir(path: string): string[];
  stat(path: string): { type: string };
  readFile(path: string): Uint8Array;
}

/** manager.Plugin as `docker info --format '{{json .ClientInfo.Plugins}}'` marshals it (field order kept). */
export interface PluginInfo {
  readonly SchemaVersion: string;
  readonly Vendor: string;
  readonly Version: string;
  readonly ShortDescription: string;
  readonly Name: string;
  readonly Path: string;
}

/** What each packaged plugin answers to `docker-cli-plugin-metadata` (its ShortDescription is its root's Short). */
const METADATA: Readonly<Record<string, Omit<PluginInfo, 'Name' | 'Path'>>> = {
  'docker-buildx': { SchemaVersion: '0.1.0', Vendor: 'Docker Inc.', Version: 'v0.24.0', ShortDescription: 'Docker Buildx' },
  'docker-compose': { SchemaVersion: '0.1.0', Vendor: 'Docker Inc.', Version: 'v2.36.2', ShortDescription: 'Docker Compose' },
};

/** getPluginDirs on Linux: the user's, then the system's. */
export function pluginDirs(configDir: string): string[] {
  return [
    `${configDir}/cli-plugins`, '/usr/local/lib/docker/cli-plugins', '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins', '/usr/libexec/docker/cli-plugins',
  ];
}

const NAME = /^[a-z][a-z0-9]*$/;

function programAt(fs: PluginFs, path: string): string | undefined {
  try {
    const head = utf8Decode(fs.readFile(path).subarray(0, 64));
    const exe = parseExecutable(head);
    return exe.kind === 'binary' ? exe.program : undefined;
  } catch {
    return undefined;
  }
}

/** ListPlugins: the valid plugins, sorted by name. */
export function listPlugins(fs: PluginFs | undefined, configDir: string): PluginInfo[] {
  if (!fs) return [];
  const found = new Map<string, PluginInfo>();
  for (const dir of pluginDirs(configDir)) {
    let names: string[];
    try {
      names = fs.readdir(dir);
    } catch {
      continue;
    }
    for (const file of names.sort()) {
      const name = file.startsWith('docker-') ? file.slice('docker-'.length) : '';
      if (!NAME.test(name) || found.has(name)) continue;
      const path = `${dir}/${file}`;
      let type: string;
      try {
        type = fs.stat(path).type;
      } catch {
        continue;
      }
      if (type === 'dir') continue;
      const meta = METADATA[programAt(fs, path) ?? ''];
      if (meta) found.set(name, { ...meta, Name: name, Path: path });
    }
  }
  return [...found.values()].sort((a, b) => (a.Name < b.Name ? -1 : 1));
}
