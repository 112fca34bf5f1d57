/** Facts about the system and the terminal: uname, hostname, nproc, tty, stty, pwd, clear, sync, sleep. */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program } from '../../engine/kernel/sys.js';
import { errorText } from '../lib/output.js';
import { tool } from './common.js';

export const uname = tool(
  {
    name: 'uname',
    short: 'asnrvmpio',
    long: [
      { name: 'all', key: 'a' },
      { name: 'kernel-name', key: 's' },
      { name: 'nodename', key: 'n' },
      { name: 'kernel-release', key: 'r' },
      { name: 'kernel-version', key: 'v' },
      { name: 'machine', key: 'm' },
      { name: 'processor', key: 'p' },
      { name: 'hardware-platform', key: 'i' },
      { name: 'operating-system', key: 'o' },
    ],
    authors: 'Written by David MacKenzie.',
  },
  async (t, opts, args) => {
    if (args.length) return t.usage(`extra operand ${t.lq(args[0])}`);
    const u = t.sys.uname();
    const want = new Set(opts.map((o) => o.key));
    if (want.has('a')) for (const k of 'snrvmpio') want.add(k);
    if (want.size === 0) want.add('s');
    // Ubuntu patches uname so -p and -i report the machine instead of "unknown".
    const values: Record<string, string> = {
      s: u.sysname, n: u.nodename, r: u.release, v: u.version, m: u.machine, p: u.machine, i: u.machine, o: 'GNU/Linux',
    };
    await t.out.write(`${[...'snrvmpio'].filter((k) => want.has(k)).map((k) => values[k]).join(' ')}\n`);
    return 0;
  },
);

const HOSTNAME_USAGE =
  'Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n' +
  '       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name\n' +
  '       hostname                                 display host name\n\n' +
  '       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)\n' +
  '       {yp,nis,}domainname                      display NIS domain name\n\n' +
  '       dnsdomainname                            display dns domain name\n\n' +
  '       hostname -V|--version|-h|--help          print info and exit\n\n';

/** net-tools' hostname (Ubuntu's `hostname` package, 3.23). */
export const hostname: Program = async (sys) => {
  const args = sys.argv.slice(1);
  const flag = args.find((a) => a.startsWith('-'));
  const name = args.find((a) => !a.startsWith('-'));
  const h = sys.hostname();
  const addrs = (): string[] =>
    sys.netInterfaces().filter((i) => !i.loopback && i.up).flatMap((i) => i.ipv4.map((a) => a.split('/')[0]));
  switch (flag) {
    case undefined:
      break;
    case '-s':
    case '--short':
      await sys.write(1, `${h.split('.')[0]}\n`);
      return 0;
    case '-f':
    case '--fqdn':
    case '--long':
      await sys.write(1, `${h}\n`);
      return 0;
    case '-d':
    case '--domain':
      await sys.write(1, `${h.includes('.') ? h.slice(h.indexOf('.') + 1) : ''}\n`);
      return 0;
    case '-i':
    case '--ip-address':
    case '-I':
    case '--all-ip-addresses':
      await sys.write(1, flag === '-I' || flag === '--all-ip-addresses' ? `${addrs().map((a) => `${a} `).join('')}\n` : `${addrs()[0] ?? '127.0.1.1'}\n`);
      return 0;
    case '-V':
    case '--version':
      await sys.write(2, 'hostname 3.23\n');
      return 0;
    case '-h':
    case '--help':
      await sys.write(2, HOSTNAME_USAGE);
      return 0;
    default:
      await sys.write(2, `hostname: invalid option -- '${flag.replace(/^-+/, '')[0] ?? ''}'\n${HOSTNAME_USAGE}`);
      return 255;
  }
  if (name === undefined) {
    await sys.write(1, `${h}\n`);
    return 0;
  }
  try {
    sys.sethostname(name);
    return 0;
  } catch (err) {
    if (!isSysError(err)) throw err;
    await sys.write(2, err.code === 'EPERM' ? 'hostname: you must be root to change the host name\n' : `hostname: ${errorText(err)}\n`);
    return 1;
  }
};

/** The simulated host has two CPUs (what `nproc` prints, and what cgroup quotas are measured against). */
export const CPUS = 2;

export const nproc = tool(
  { name: 'nproc', long: [{ name: 'all' }, { name: 'ignore', arg: 'required' }], authors: 'Written by Giuseppe Scrivano.' },
  async (t, opts, args) => {
    if (args.length) return t.usage(`extra operand ${t.lq(args[0])}`);
    const ignore = Number(opts.find((o) => o.key === 'ignore')?.value ?? 0);
    await t.out.write(`${Math.max(1, CPUS - ignore)}\n`);
    return 0;
  },
);

export const tty = tool(
  { name: 'tty', short: 's', long: [{ name: 'silent', key: 's' }, { name: 'quiet', key: 's' }], usageStatus: 2, authors: 'Written by David MacKenzie.' },
  async (t, opts, args) => {
    if (args.length) return t.usage(`extra operand ${t.lq(args[0])}`);
    const name = t.sys.ttyname(0);
    if (!opts.length) await t.out.write(`${name ?? 'not a tty'}\n`);
    return name ? 0 : 1;
  },
);

export const pwd = tool(
  { name: 'pwd', short: 'LP', long: [{ name: 'logical', key: 'L' }, { name: 'physical', key: 'P' }], authors: 'Written by Jim Meyering.' },
  async (t, opts) => {
    const cwd = t.sys.cwd();
    const logical = opts.length > 0 && opts[opts.length - 1].key === 'L';
    const pwdEnv = t.sys.env.PWD;
    let out = cwd;
    if (logical && pwdEnv?.startsWith('/')) {
      try {
        if (t.sys.fs.realpath(pwdEnv) === cwd && !/(^|\/)\.\.?(\/|$)/.test(pwdEnv)) out = pwdEnv;
      } catch (err) {
        if (!isSysError(err)) throw err;
      }
    }
    await t.out.write(`${out}\n`);
    return 0;
  },
);

export const clear: Program = async (sys) => {
  await sys.write(1, '\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

export const sync = tool({ name: 'sync', short: 'df', authors: 'Written by Jim Meyering and Giuseppe Scrivano.' }, async () => 0);

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export const sleep = tool(
  { name: 'sleep', authors: 'Written by Jim Meyering and Paul Eggert.' },
  async (t, _o, args) => {
    if (args.length === 0) return t.usage('missing operand');
    let seconds = 0;
    let bad = false;
    for (const a of args) {
      const m = /^(\d+\.?\d*|\.\d+|inf(?:inity)?)([smhd]?)$/i.exec(a);
      if (!m) {
        await t.error(`invalid time interval ${t.lq(a)}`);
        bad = true;
        continue;
      }
      seconds += (/^inf/i.test(m[1]) ? Infinity : Number(m[1])) * UNIT[m[2]];
    }
    if (bad) return t.usage();
    await t.sys.sleep(seconds === Infinity ? Number.MAX_SAFE_INTEGER : seconds * 1000);
    return 0;
  },
);

/** stty: just enough to read settings (and `size`) and switch raw/cooked mode and echo. */
export const stty = tool(
  { name: 'stty', short: 'aF:g', long: [{ name: 'all', key: 'a' }, { name: 'file', key: 'F', arg: 'required' }], authors: 'Written by David MacKenzie.', operandLike: /^-(echo|icanon|isig|onlcr|raw|cooked)$/ },
  async (t, opts, settings) => {
    const sys = t.sys;
    if (!sys.isatty(0)) {
      await t.error("'standard input': Inappropriate ioctl for device");
      return 1;
    }
    if (settings.length === 0) {
      const tio = sys.tcgetattr(0);
      const ws = sys.getWinSize(0);
      const b = (on: boolean, n: string): string => (on ? n : `-${n}`);
      if (opts.some((o) => o.key === 'a')) await t.out.write(`speed 38400 baud; rows ${ws.rows}; columns ${ws.cols}; line = 0;\n`);
      else await t.out.write('speed 38400 baud; line = 0;\n');
      await t.out.write(`${b(tio.isig, 'isig')} ${b(tio.icanon, 'icanon')} ${b(tio.echo, 'echo')} ${b(tio.onlcr, 'onlcr')}\n`);
      return 0;
    }
    for (const s of settings) {
      const on = !s.startsWith('-');
      const name = s.replace(/^-/, '');
      if (s === 'size') {
        const ws = sys.getWinSize(0);
        await t.out.write(`${ws.rows} ${ws.cols}\n`);
      } else if (name === 'echo' || name === 'icanon' || name === 'isig' || name === 'onlcr') sys.tcsetattr(0, { [name]: on });
      else if (name === 'raw') sys.tcsetattr(0, on ? { icanon: false, isig: false } : { icanon: true, isig: true });
      else if (name === 'cooked' || name === 'sane') sys.tcsetattr(0, { icanon: true, isig: true, echo: true, onlcr: true });
      else if (name === 'cbreak') sys.tcsetattr(0, { icanon: !on });
      else {
        await t.error(`invalid argument ${t.lq(s)}`);
        return t.usage();
      }
    }
    return 0;
  },
);
