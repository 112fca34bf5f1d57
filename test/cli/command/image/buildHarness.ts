/**
 * Runs `docker build` through the CLI's main with a fake client whose /build answers a canned stream, an
 * in-memory client filesystem for the context, and a clock the stream moves.
 */
import type { ClientFs } from '../../../../src/cli/cli.js';
import type { BuildRequest, ServerInfo } from '../../../../src/cli/client.js';
import { main } from '../../../../src/cli/main.js';
import { fake } from '../../fake.js';
import { cannedStream, T0, type Step } from './buildStreams.js';
import { binaryContent } from '../../../../src/engine/kernel/binfmt.js';

export const BUILDX_PLUGIN = '/usr/libexec/docker/cli-plugins/docker-buildx';

export interface MemFile {
  readonly data?: string;
  readonly dir?: boolean;
  readonly link?: string;
  readonly mode?: number;
}

const enoent = (): Error => Object.assign(new Error('No such file or directory'), { code: 'ENOENT' });

/** A tiny filesystem: absolute paths to files, directories and symlinks (no symlink resolution inside paths). */
export function memFs(files: Record<string, MemFile>): ClientFs & { files: Record<string, MemFile> } {
  const all: Record<string, MemFile> = { '/': { dir: true }, ...files };
  for (const p of Object.keys(all)) {
    for (let d = p.slice(0, p.lastIndexOf('/')); d !== ''; d = d.slice(0, d.lastIndexOf('/'))) all[d] ??= { dir: true };
  }
  const get = (p: string): MemFile => {
    const f = all[p];
    if (!f) throw enoent();
    return f;
  };
  const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
  return {
    files: all,
    lstat(p) {
      const f = get(p);
      const type = f.dir ? 'dir' : f.link !== undefined ? 'symlink' : 'file';
      return { type, mode: f.mode ?? (f.dir ? 0o755 : 0o644), size: f.data?.length ?? 0, mtimeMs: T0 * 1000 };
    },
    stat(p) {
      const f = get(p);
      return { type: f.dir ? 'dir' : 'file' };
    },
    readdir(p) {
      get(p);
      const pre = p === '/' ? '/' : p + '/';
      return Object.keys(all).filter((k) => k !== p && k.startsWith(pre) && !k.slice(pre.length).includes('/')).map((k) => k.slice(pre.length));
    },
    readFile: (p) => bytes(get(p).data ?? ''),
    readlink: (p) => get(p).link ?? '',
    realpath(p) {
      get(p);
      return p;
    },
    writeFile(p, d) {
      all[p] = { data: typeof d === 'string' ? d : String.fromCharCode(...d) };
    },
    unlink(p) {
      get(p);
      delete all[p];
    },
  };
}

export interface BuildRun {
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly requests: BuildRequest[];
  readonly fs: ReturnType<typeof memFs>;
}

export async function runBuild(argv: string[], o: {
  steps?: Step[];
  files?: Record<string, MemFile>;
  env?: Record<string, string>;
  tty?: boolean;
  size?: { width: number; height: number };
  stdin?: Array<string | null>;
  /** The daemon's ping (help hides against it); absent: a reachable Linux dockerd, not experimental. */
  server?: ServerInfo;
} = {}): Promise<BuildRun> {
  const clock = { now: T0 * 1000 - 50 };
  const requests: BuildRequest[] = [];
  const f = fake({
    tty: o.tty, size: o.size, env: o.env, stdin: o.stdin,
    client: {
      ...(o.server ? { serverInfo: () => Promise.resolve(o.server!) } : {}),
      imageBuild: async (req: BuildRequest) => {
        requests.push(req);
        return cannedStream(o.steps ?? [], clock);
      },
    },
  });
  // The host has docker-buildx-plugin installed, as Docker's Ubuntu packages do.
  const fs = memFs({ [BUILDX_PLUGIN]: { data: binaryContent('docker-buildx'), mode: 0o755 }, ...(o.files ?? { '/home/user/static_web/Dockerfile': { data: '' } }) });
  const cli = { ...f.cli, now: () => clock.now, fs, cwd: () => '/home/user/static_web' };
  const exit = await main(cli, argv);
  return { exit, stdout: f.stdout(), stderr: f.stderr(), requests, fs };
}
