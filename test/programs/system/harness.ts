/**
 * A small host for system-program tests: the real kernel, an in-memory root (fs helper's MemTree) with
 * /proc mounted, and one program started on its own terminal as a login session would be.
 */
import { binaryContent } from '../../../src/engine/kernel/binfmt.js';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import { loopbackInterface, NetNamespace, type NetInterface } from '../../../src/engine/kernel/net.js';
import type { Program, Sys } from '../../../src/engine/kernel/sys.js';
import type { Credentials } from '../../../src/engine/kernel/fsTypes.js';
import { MemTree } from '../../../src/engine/fs/memtree.js';
import { kernelProcSource } from '../../../src/engine/fs/procSource.js';
import { ProcFs } from '../../../src/engine/fs/procfs.js';
import { buildInodes } from '../../../src/engine/fs/treeio.js';
import { MountTable } from '../../../src/engine/fs/vfs.js';
import type { Tree, TreeEntry } from '../../../src/engine/fs/tree.js';
import { system } from '../../../src/programs/system/index.js';

export const BOOT = Date.UTC(2026, 10, 28, 9, 0, 0);

export const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'user:x:1000:1000:user:/home/user:/bin/bash',
  'bob:x:1001:1001::/home/bob:/bin/bash',
  '',
].join('\n');

export const GROUP = [
  'root:x:0:', 'adm:x:4:user', 'sudo:x:27:user', 'docker:x:999:', 'user:x:1000:', 'bob:x:1001:', '',
].join('\n');

export const SUDOERS = [
  'Defaults\tenv_reset',
  'Defaults\tsecure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin"',
  'root\tALL=(ALL:ALL) ALL',
  '%sudo\tALL=(ALL:ALL) ALL',
  '@includedir /etc/sudoers.d',
  '',
].join('\n');

/** Prints what a child was started with: how tests see sudo/su/newgrp's effect. */
export const showid: Program = async (sys: Sys) => {
  const c = sys.cred;
  const env = ['HOME', 'USER', 'LOGNAME', 'SHELL', 'PATH', 'SUDO_USER', 'SUDO_UID', 'SUDO_COMMAND', 'TERM', 'FOO']
    .filter((k) => sys.env[k] !== undefined)
    .map((k) => `${k}=${sys.env[k]}`);
  await sys.write(1, `argv=${sys.argv.join(' ')} uid=${c.uid} euid=${sys.euid} gid=${c.gid} groups=${c.groups.join(',')} cwd=${sys.cwd()}\n${env.join('\n')}\n`);
  return 3;
};

const f = (content: string, mode = 0o644, uid = 0, gid = 0): TreeEntry => ({ type: 'file', content, mode, uid, gid });
const bin = (name: string, mode = 0o755): TreeEntry => f(binaryContent(name), mode);

export function baseTree(extra: Tree = {}): Tree {
  return {
    '/etc/passwd': f(PASSWD),
    '/etc/group': f(GROUP),
    '/etc/sudoers': f(SUDOERS, 0o440),
    '/etc/sudoers.d/90-cloud-init-users': f('# Created by cloud-init\nuser ALL=(ALL) NOPASSWD:ALL\n', 0o440),
    '/etc/sudoers.d/README': f('# bob ALL=(ALL) ALL\n', 0o440),
    '/etc/hosts': f('127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n'),
    '/usr/bin/sudo': bin('sudo', 0o4755),
    '/usr/bin/su': bin('su', 0o4755),
    '/usr/bin/newgrp': bin('newgrp', 0o4755),
    ...Object.fromEntries(['ps', 'kill', 'pgrep', 'pkill', 'free', 'uptime', 'top', 'ip', 'groups', 'getent', 'gpasswd'].map((n) => [`/usr/bin/${n}`, bin(n)])),
    ...Object.fromEntries(['useradd', 'groupadd'].map((n) => [`/usr/sbin/${n}`, bin(n)])),
    '/usr/bin/id': bin('showid'),
    '/bin/bash': bin('showid'),
    '/usr/sbin/usermod': bin('usermod'),
    '/usr/bin/sleeper': bin('sleeper'),
    '/proc': { type: 'dir', mode: 0o555 },
    '/root': { type: 'dir', mode: 0o700 },
    '/home/user': { type: 'dir', mode: 0o750, uid: 1000, gid: 1000 },
    '/tmp': { type: 'dir', mode: 0o1777 },
    ...extra,
  };
}

export interface Host {
  readonly k: Kernel;
  readonly root: MemTree;
  readonly mnt: MountTable;
}

export function host(extraTree: Tree = {}, ifaces?: NetInterface[]): Host {
  const root = new MemTree({ clock: () => BOOT }, buildInodes(baseTree(extraTree)));
  const mnt = new MountTable(root);
  let k: Kernel | undefined;
  mnt.mount('/proc', new ProcFs(kernelProcSource(() => k!)));
  const sleeper: Program = async (sys) => (await sys.sleep(1e9), 0);
  k = new Kernel({
    seed: 1,
    bootEpochMs: BOOT,
    hostname: 'dockersim',
    rootMnt: mnt,
    net: new NetNamespace(ifaces ?? [loopbackInterface()]),
    programs: new Map<string, Program>([...Object.entries(system), ['showid', showid], ['sleeper', sleeper]]),
  });
  // An init that never exits and never wakes the clock, so `run()` goes idle when the test's work is done.
  k.startInit(async (sys) => {
    // Reap exited children the way an init does, without making them inherit an ignored SIGCHLD.
    sys.signal('SIGCHLD', async () => {
      try {
        while (await sys.wait(undefined, { nohang: true }));
      } catch {
        // ECHILD: nothing left to reap
      }
    });
    const [r] = sys.pipe();
    for (;;) await sys.read(r);
  }, ['/sbin/init']);
  return { k, root, mnt };
}

export const USER: Credentials = { uid: 1000, gid: 1000, groups: [1000, 4, 27] };
export const ROOT: Credentials = { uid: 0, gid: 0, groups: [0] };

export interface RunResult {
  readonly out: string;
  readonly status: number | undefined;
}

/**
 * Runs `argv` (the file at path argv[0], or /usr/bin/argv[0]) on a fresh terminal as `cred`, typing `input`
 * whenever the program waits for it. Output is what the terminal shows, with CRLF turned into LF.
 */
export async function run(h: Host, argv: string[], opts: { cred?: Credentials; env?: Record<string, string>; input?: string[]; cwd?: string; cols?: number; advanceMs?: number } = {}): Promise<RunResult> {
  const { k } = h;
  const tty = k.createTty();
  if (opts.cols) tty.resize(24, opts.cols);
  let out = '';
  tty.onOutput((d) => (out += d));
  const path = argv[0].includes('/') ? argv[0] : `/usr/bin/${argv[0]}`;
  const cred = opts.cred ?? USER;
  const env = opts.env ?? { HOME: cred.uid === 0 ? '/root' : '/home/user', USER: cred.uid === 0 ? 'root' : 'user', TERM: 'xterm-256color', PATH: '/usr/bin:/bin', SHELL: '/bin/bash' };
  const p = k.spawn(k.hostPidNs.init!, { path, argv, env, cred, cwd: opts.cwd ?? '/', setsid: true });
  k.attachTty(p, tty);
  const input = [...(opts.input ?? [])];
  for (let i = 0; i < 1000 && p.state === 'running'; i++) {
    await k.runFor(opts.advanceMs ?? 10_000);
    if (tty.waitingForInput && input.length > 0) tty.input(input.shift()!);
    else if (p.state === 'running' && !tty.waitingForInput && opts.advanceMs === undefined) continue;
    else if (tty.waitingForInput) break;
  }
  if (k.faults.length > 0) throw k.faults[0].error;
  return { out: out.replace(/\r\n/g, '\n'), status: p.exit?.status };
}

export function readFile(h: Host, path: string): string {
  return new TextDecoder().decode(h.root.readFile(path));
}
