/** Builds in a booted machine's daemon: a context tar from a map of files, the stream as the CLI prints it. */
import { writeTar, type TarEntry } from '../../../../src/pkg/archive/tar.js';
import { imageBuild, type BuildMessage, type BuildOptions } from '../../../../src/engine/daemon/builder/build.js';
import type { StatusResponse } from '../../../../src/pkg/buildkit/status.js';
import { inDaemon, type Harness } from '../harness.js';

export type Files = Record<string, string | Uint8Array>;

export function contextTar(files: Files): Uint8Array {
  const entries: TarEntry[] = Object.entries(files).map(([name, v]) => ({
    name, type: 'file', mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', mtime: 1_700_000_000,
    data: typeof v === 'string' ? new TextEncoder().encode(v) : v,
  }));
  return writeTar(entries);
}

export const defaults: BuildOptions = {
  tags: [], dockerfile: '', buildArgs: {}, target: '', noCache: false, pull: false, quiet: false, remove: true,
  forceRemove: false, labels: {}, version: '1', remote: '', platform: '',
};

export interface Built {
  readonly id: string;
  /** What jsonmessage prints on a non-terminal: streams as they are, statuses as `id: status` lines. */
  readonly text: string;
  readonly error: string;
  readonly code: number | undefined;
  readonly traces: StatusResponse[];
}

export function display(msgs: readonly BuildMessage[]): string {
  let s = '';
  for (const m of msgs) {
    if ('stream' in m) s += m.stream;
    else if ('status' in m) s += `${m.id ? `${m.id}: ` : ''}${m.status}\n`;
  }
  return s;
}

export async function build(h: Harness, files: Files, opts: Partial<BuildOptions> = {}): Promise<Built> {
  return inDaemon(h, async (d) => {
    const msgs: BuildMessage[] = [];
    const traces: StatusResponse[] = [];
    try {
      const id = await imageBuild(d, { ...defaults, ...opts }, contextTar(files), (m) => msgs.push(m), (t) => traces.push(t));
      return { id, text: display(msgs), error: '', code: undefined, traces };
    } catch (e) {
      return { id: '', text: display(msgs), error: (e as Error).message, code: (e as { code?: number }).code, traces };
    }
  });
}
