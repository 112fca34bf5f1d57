/**
 * util-linux 2.39 mount and umount, and busybox's applets of the same names. Listing reads the mount table
 * (/proc/self/mounts) as `mount` prints it. Mounting and unmounting are not modelled: each is refused as the
 * real tool refuses where it cannot (a non-root user; root inside a container without CAP_SYS_ADMIN), and on
 * the host, where a real root could, in one plain line.
 */
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { parseArgs } from '../lib/args.js';
import { Output } from '../lib/output.js';

const DMESG = '       dmesg(1) may have more information after failed mount system call.\n';
const VERSION = 'mount from util-linux 2.39.3 (libmount 2.39.3: selinux, smack, btrfs, verity, namespaces, idmapping, fd-based-mount, statx, assert, debug)\n';

interface MountEntry {
  source: string;
  target: string;
  type: string;
  options: string;
}

function readMounts(sys: Sys): MountEntry[] {
  let text: string;
  try {
    text = sys.fs.readText('/proc/self/mounts');
  } catch {
    return [];
  }
  const unescape = (s: string): string => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text.split('\n').filter(Boolean).map((l) => {
    const [source, target, type, options] = l.split(' ');
    return { source: unescape(source), target: unescape(target), type, options };
  });
}

async function list(sys: Sys, types: string | undefined): Promise<number> {
  const out = new Output(sys, 1);
  const wanted = types?.split(',');
  for (const m of readMounts(sys)) {
    if (wanted && !wanted.some((w) => (w.startsWith('no') ? m.type !== w.slice(2) : m.type === w))) continue;
    await out.write(`${m.source} on ${m.target} type ${m.type} (${m.options})\n`);
  }
  await out.flush();
  return 0;
}

const inContainer = (sys: Sys): boolean => sys.fs.exists('/.dockerenv');

/** An /etc/fstab entry for `mount DIR` (the images' fstab has none). */
function fstabHas(sys: Sys, what: string): boolean {
  try {
    return sys.fs.readText('/etc/fstab').split('\n').some((l) => {
      const f = l.trim().split(/\s+/);
      return !l.trim().startsWith('#') && (f[0] === what || f[1] === what);
    });
  } catch {
    return false;
  }
}

export const mount: Program = async (sys) => {
  const parsed = parseArgs(sys.argv.slice(1), {
    short: 'alfnrvwBRMt:o:O:hVL:U:',
    long: [
      { name: 'all', key: 'a' }, { name: 'show-labels', key: 'l' }, { name: 'types', key: 't', arg: 'required' },
      { name: 'options', key: 'o', arg: 'required' }, { name: 'read-only', key: 'r' }, { name: 'rw', key: 'w' },
      { name: 'bind', key: 'B' }, { name: 'rbind', key: 'R' }, { name: 'move', key: 'M' }, { name: 'verbose', key: 'v' },
      { name: 'fake', key: 'f' }, { name: 'help', key: 'h' }, { name: 'version', key: 'V' },
    ],
  });
  if (!parsed.ok) {
    await sys.write(2, `mount: ${parsed.error}\nTry 'mount --help' for more information.\n`);
    return 1;
  }
  const opt = (k: string): string | true | undefined => {
    const o = parsed.opts.filter((x) => x.key === k).pop();
    return o ? (o.value ?? true) : undefined;
  };
  if (opt('V')) return (await sys.write(1, VERSION), 0);
  if (opt('h')) {
    await sys.write(2, 'mount: --help is not simulated in dockersim\n');
    return 1;
  }
  const types = opt('t');
  const args = parsed.operands;
  if (opt('a')) return 0;
  if (args.length === 0) return list(sys, typeof types === 'string' ? types : undefined);
  const fail = async (msg: string, status: number, dmesg = true): Promise<number> => {
    await sys.write(2, `mount: ${msg}\n${dmesg ? DMESG : ''}`);
    return status;
  };
  const target = args[args.length - 1];
  if (args.length === 1 && !fstabHas(sys, target)) return fail(`${target}: can't find in /etc/fstab.`, 1, false);
  // mount is setuid root: what counts is who ran it.
  if (sys.cred.uid !== 0) return fail(`${target}: must be superuser to use mount.`, 32);
  if (!sys.fs.exists(target)) return fail(`${target}: mount point does not exist.`, 32);
  // Docker's default capabilities leave out CAP_SYS_ADMIN: mount(2) fails with EPERM in a container.
  if (inContainer(sys)) return fail(`${target}: permission denied.`, 32);
  await sys.write(2, `mount: ${target}: mounting filesystems is not simulated in dockersim\n`);
  return 32;
};

export const umount: Program = async (sys) => {
  const args = sys.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (sys.argv.includes('-V') || sys.argv.includes('--version')) return (await sys.write(1, VERSION.replace('mount from', 'umount from')), 0);
  if (args.length === 0) {
    await sys.write(2, "umount: bad usage\nTry 'umount --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const target of args) {
    const mounted = readMounts(sys).some((m) => m.target === target || m.source === target);
    let msg: string;
    if (!mounted) msg = `${target}: ${sys.fs.exists(target) ? 'not mounted' : 'no mount point specified'}.`;
    else if (sys.cred.uid !== 0) msg = `${target}: must be superuser to unmount.`;
    else if (inContainer(sys)) msg = `${target}: must be superuser to unmount.`;
    else msg = `${target}: unmounting is not simulated in dockersim`;
    await sys.write(2, `umount: ${msg}\n`);
    status = 32;
  }
  return status;
};

/** busybox mount: the same table; its own messages. */
export const busyboxMount: Program = async (sys) => {
  const args: string[] = [];
  let types: string | undefined;
  const argv = sys.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-t') types = argv[++i];
    else if (argv[i] === '-o') i++;
    else if (argv[i] === '-a') return 0;
    else if (!argv[i].startsWith('-')) args.push(argv[i]);
  }
  if (args.length === 0) return list(sys, types);
  const target = args[args.length - 1];
  const say = async (msg: string, status: number): Promise<number> => {
    await sys.write(2, `mount: ${msg}\n`);
    return status;
  };
  if (args.length === 1 && !fstabHas(sys, target)) return say(`can't find ${target} in /etc/fstab`, 1);
  if (sys.cred.uid !== 0) return say('permission denied (are you root?)', 1);
  if (!sys.fs.exists(target)) return say(`mounting ${args[0]} on ${target} failed: No such file or directory`, 255);
  if (inContainer(sys)) return say(`mounting ${args[0]} on ${target} failed: Permission denied`, 255);
  return say(`mounting ${args[0]} on ${target}: not simulated in dockersim`, 255);
};

export const busyboxUmount: Program = async (sys) => {
  const args = sys.argv.slice(1).filter((a) => !a.startsWith('-'));
  let status = 0;
  for (const target of args) {
    const mounted = readMounts(sys).some((m) => m.target === target);
    const why = !sys.fs.exists(target) ? 'No such file or directory' : !mounted ? 'Invalid argument' : 'Operation not permitted';
    await sys.write(2, `umount: can't unmount ${target}: ${why}\n`);
    status = 1;
  }
  return status;
};
