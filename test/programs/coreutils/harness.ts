/** Runs coreutils programs on a real Kernel over the in-test filesystem and returns what they printed. */
import { binaryContent } from '../../../src/engine/kernel/binfmt.js';
import { DEV } from '../../../src/engine/kernel/fsTypes.js';
import type { Tty } from '../../../src/engine/kernel/tty.js';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import type { Program, Sys } from '../../../src/engine/kernel/sys.js';
import { coreutils } from '../../../src/programs/coreutils/index.js';
import { MemBackend, MemMounts } from './fakefs.js';

/** Sat Nov 28 01:02:03 UTC 2026 */
export const BOOT = Date.UTC(2026, 10, 28, 1, 2, 3);

const enc = new TextEncoder();

export const PASSWD =
  'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n' +
  'user:x:1000:1000:Ubuntu:/home/user:/bin/bash\n';
export const GROUP = 'root:x:0:\nadm:x:4:syslog,user\nsudo:x:27:user\nuser:x:1000:\ndocker:x:999:user\n';

export interface World {
  kernel: Kernel;
  fs: MemBackend;
  file(path: string, content: string, mode?: number, uid?: number, mtimeMs?: number): void;
  dir(path: string, mode?: number, uid?: number): void;
  link(path: string, target: string): void;
  run(cmd: string | string[], opts?: RunOpts): Promise<RunResult>;
}

export interface RunResult {
  /** stdout and stderr as one stream (a terminal's view), or stdout alone with `split`. */
  out: string;
  /** With `split`: stderr. */
  err?: string;
  status: number;
}

export interface RunOpts {
  stdin?: string;
  tty?: boolean;
  cols?: number;
  uid?: number;
  cwd?: string;
  env?: Record<string, string>;
  /** Virtual ms to run before stopping the program (for tail -f, yes, sleep). */
  limitMs?: number;
  /** Capture stderr separately. */
  split?: boolean;
  /** Called every virtual second while the program runs; `tty` is set in tty mode. */
  tick?: (w: World, second: number, tty: Tty | null) => void;
}

/** `extra`: programs beyond coreutils (a family chunk's) to put on the disk and in the program table. */
export function world(extra: Readonly<Record<string, Program>> = {}): World {
  const programs = { ...coreutils, ...extra };
  let epoch = BOOT;
  let current: Kernel | null = null;
  const backend = new MemBackend(() => (current ? current.clock.epochMs() : epoch));
  const w: World = {
    kernel: null as unknown as Kernel,
    fs: backend,
    file(path, content, mode = 0o644, uid = 0, mtimeMs) {
      mkparents(path);
      backend.writeFile(path, enc.encode(content), { mode, uid, gid: uid });
      backend.chmod(path, mode);
      backend.chown(path, uid, uid);
      if (mtimeMs !== undefined) backend.utimes(path, mtimeMs, mtimeMs);
    },
    dir(path, mode = 0o755, uid = 0) {
      mkparents(path);
      if (!backend.nodes.has(path)) backend.mkdir(path, mode, uid, uid);
    },
    link(path, target) {
      mkparents(path);
      backend.symlink(target, path, 0, 0);
    },
    async run(cmd, opts = {}) {
      if (current) epoch = current.clock.epochMs();
      current = w.kernel = new Kernel({
        seed: 1,
        bootEpochMs: epoch,
        hostname: 'host',
        rootMnt: new MemMounts(backend),
        programs: new Map(Object.entries(programs)),
      });
      return run(w, cmd, opts);
    },
  };
  function mkparents(path: string): void {
    const parts = path.split('/').filter(Boolean).slice(0, -1);
    let cur = '';
    for (const p of parts) {
      cur += `/${p}`;
      if (!backend.nodes.has(cur)) backend.mkdir(cur, 0o755, 0, 0);
    }
  }
  for (const name of Object.keys(programs)) w.file(`/usr/bin/${name}`, binaryContent(name), 0o755);
  w.file('/etc/passwd', PASSWD);
  w.file('/etc/group', GROUP);
  w.dir('/home/user', 0o750, 1000);
  w.dir('/tmp', 0o1777);
  w.dir('/dev');
  backend.mknod('/dev/null', 'chardev', 0o666, DEV.null, 0, 0);
  return w;
}

function words(cmd: string | string[]): string[] {
  return typeof cmd === 'string' ? cmd.split(' ').filter(Boolean) : cmd;
}

async function run(w: World, cmd: string | string[], opts: RunOpts): Promise<RunResult> {
  const argv = words(cmd);
  const k = w.kernel;
  let out = '';
  let err = '';
  let status = -1;
  const uid = opts.uid ?? 1000;
  const cred = uid === 0 ? { uid: 0, gid: 0, groups: [0] } : { uid, gid: uid, groups: [uid, 4, 27, 999] };
  const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: uid === 0 ? '/root' : '/home/user', ...opts.env };
  const base = { path: `/usr/bin/${argv[0]}`, argv, env, cwd: opts.cwd ?? '/home/user', cred };
  const init: Program = async (sys: Sys) => {
    let target: number;
    let reader = -1;
    if (opts.tty) {
      target = sys.spawn(base);
    } else {
      const [inR, inW] = sys.pipe();
      const [outR, outW] = sys.pipe();
      const [errR, errW] = opts.split ? sys.pipe() : [-1, outW];
      target = sys.spawn({ ...base, fds: { 0: inR, 1: outW, 2: errW } });
      sys.close(inR);
      sys.close(outW);
      if (opts.split) {
        sys.close(errW);
        reader = sys.spawn({
          program: async (s2) => {
            for (let c = await s2.read(0); c !== null; c = await s2.read(0)) err += c;
            return 0;
          },
          argv: ['reader'],
          fds: { 0: errR },
        });
        sys.close(errR);
      }
      if (opts.stdin !== undefined) await sys.write(inW, opts.stdin);
      sys.close(inW);
      for (;;) {
        const chunk = await sys.read(outR);
        if (chunk === null) break;
        out += chunk;
      }
      if (reader > 0) await sys.wait(reader);
    }
    status = (await sys.wait(target))!.status;
    return 0;
  };
  const p = k.startInit(init, ['init']);
  let tty: Tty | null = null;
  if (opts.tty) {
    tty = k.createTty();
    tty.resize(24, opts.cols ?? 80);
    tty.onOutput((d) => (out += d));
    k.attachTty(p, tty);
    if (opts.stdin !== undefined) tty.input(opts.stdin);
  }
  const limit = opts.limitMs ?? 3_600_000;
  const stop = (): boolean => status !== -1;
  if (!opts.tick) await k.run({ until: limit, stop });
  for (let s = 0; opts.tick && s * 1000 < limit && status === -1; s++) {
    opts.tick(w, s, tty);
    await k.run({ until: (s + 1) * 1000, stop });
  }
  if (k.faults.length) throw k.faults[0].error;
  if (status === -1) {
    for (const proc of k.procs.values()) if (proc.hostPid !== 1) k.kill(proc, 'SIGKILL', null);
    await k.run({ until: k.now() + 1 });
  }
  const result: RunResult = { out: out.replace(/\r\n/g, '\n'), status };
  if (opts.split) result.err = err;
  return result;
}

/** Runs `left | right` (as a shell would: SIGPIPE ends the writer when the reader exits). */
export async function pipeline(w: World, left: string[], right: string[], limitMs = 60_000): Promise<{ out: string; statuses: number[] }> {
  const k = new Kernel({
    seed: 1,
    bootEpochMs: BOOT,
    hostname: 'host',
    rootMnt: new MemMounts(w.fs),
    programs: new Map(Object.entries(coreutils)),
  });
  let out = '';
  const statuses: number[] = [];
  let done = false;
  const env = { PATH: '/usr/bin:/bin' };
  const cred = { uid: 1000, gid: 1000, groups: [1000] };
  k.startInit(async (sys) => {
    const [r, wr] = sys.pipe();
    const [outR, outW] = sys.pipe();
    const a = sys.spawn({ path: `/usr/bin/${left[0]}`, argv: left, env, cwd: '/home/user', cred, fds: { 1: wr, 2: outW } });
    const b = sys.spawn({ path: `/usr/bin/${right[0]}`, argv: right, env, cwd: '/home/user', cred, fds: { 0: r, 1: outW, 2: outW } });
    sys.close(r);
    sys.close(wr);
    sys.close(outW);
    for (let c = await sys.read(outR); c !== null; c = await sys.read(outR)) out += c;
    statuses.push((await sys.wait(a))!.status, (await sys.wait(b))!.status);
    done = true;
    return 0;
  }, ['init']);
  await k.run({ until: limitMs, stop: () => done });
  if (k.faults.length) throw k.faults[0].error;
  return { out, statuses };
}
