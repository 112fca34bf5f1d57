/** procps-ng `pgrep` and `pkill`: match /proc entries by name or command line, then list or signal them. */
import { isProcessEnd } from '../../../engine/kernel/process.js';
import type { Signal } from '../../../engine/kernel/signals.js';
import type { Sys } from '../../../engine/kernel/sys.js';
import { parseArgs } from '../../lib/args.js';
import { errorText } from '../../lib/output.js';
import { lookupUser } from '../accounts.js';
import { readProcs, type ProcInfo } from './proc.js';
import { parseSig } from './signals.js';

const COMMON = ` -c, --count               count of matching processes
 -f, --full                use full process name to match
 -g, --pgroup <PGID,...>   match listed process group IDs
 -G, --group <GID,...>     match real group IDs
 -i, --ignore-case         match case insensitively
 -n, --newest              select most recently started
 -o, --oldest              select least recently started
 -O, --older <seconds>     select where older than seconds
 -P, --parent <PPID,...>   match only child processes of the given parent
 -s, --session <SID,...>   match session IDs
 -t, --terminal <tty,...>  match by controlling terminal
 -u, --euid <ID,...>       match by effective IDs
 -U, --uid <ID,...>        match by real IDs
 -x, --exact               match exactly with the command name
 -F, --pidfile <file>      read PIDs from file
 -L, --logpidfile          fail if PID file is not locked
 -r, --runstates <state>   match runstates [D,S,Z,...]
 -A, --ignore-ancestors    exclude our ancestors from results
 --cgroup <grp,...>        match by cgroup v2 names
 --ns <PID>                match the processes that belong to the same
                           namespace as <pid>
 --nslist <ns,...>         list which namespaces will be considered for
                           the --ns option.
                           Available namespaces: ipc, mnt, net, pid, user, uts

 -h, --help     display this help and exit
 -V, --version  output version information and exit
`;

function usage(name: string): string {
  const own =
    name === 'pkill'
      ? ` -<sig>, --signal <sig>    signal to send (either number or name)
 -q, --queue <value>       integer value to be sent with the signal
 -e, --echo                display what is killed
`
      : ` -d, --delimiter <string>  specify output delimiter
 -l, --list-name           list PID and process name
 -a, --list-full           list PID and full command line
 -v, --inverse             negates the matching
 -w, --lightweight         list all TID
`;
  return `\nUsage:\n ${name} [options] <pattern>\n\nOptions:\n${own}${COMMON}\nFor more details see ${name}(1).\n`;
}

export function makePgrep(name: 'pgrep' | 'pkill') {
  return async function run(sys: Sys): Promise<number> {
    let args = [...sys.argv.slice(1)];
    let sig: Signal = 'SIGTERM';
    // pkill's `-SIG` comes first, before getopt sees it.
    if (name === 'pkill' && args[0] && /^-\w+$/.test(args[0]) && parseSig(args[0].slice(1))) {
      sig = parseSig(args[0].slice(1))!;
      args = args.slice(1);
    }
    const short = name === 'pkill' ? 'efinoxcu:U:P:s:g:t:V' : 'd:lavfinoxcu:U:P:s:g:t:V';
    const parsed = parseArgs(args, {
      short,
      long: [
        { name: 'signal', arg: 'required' }, { name: 'full', key: 'f' }, { name: 'exact', key: 'x' },
        { name: 'count', key: 'c' }, { name: 'list-name', key: 'l' }, { name: 'list-full', key: 'a' },
        { name: 'euid', arg: 'required', key: 'u' }, { name: 'newest', key: 'n' }, { name: 'oldest', key: 'o' },
        { name: 'ignore-case', key: 'i' }, { name: 'echo', key: 'e' }, { name: 'parent', arg: 'required', key: 'P' },
        { name: 'delimiter', arg: 'required', key: 'd' }, { name: 'inverse', key: 'v' }, { name: 'version', key: 'V' },
      ],
    });
    if (!parsed.ok) {
      await sys.write(2, `${name}: ${parsed.error}\n${usage(name)}`);
      return 2;
    }
    const has = (k: string): boolean => parsed.opts.some((o) => o.key === k);
    const val = (k: string): string | undefined => parsed.opts.filter((o) => o.key === k).pop()?.value;
    if (has('V')) return (await sys.write(1, `${name} from procps-ng 4.0.4\n`), 0);
    if (has('signal')) {
      const s = parseSig(val('signal') ?? '');
      if (!s) return (await sys.write(2, `${name}: Unknown signal "${val('signal')}".\n`), 2);
      sig = s;
    }
    const pattern = parsed.operands[0];
    const filters = ['u', 'U', 'P', 's', 'g', 't'].some(has);
    if (parsed.operands.length > 1) {
      await sys.write(2, `${name}: only one pattern can be provided\nTry \`${name} --help' for more information.\n`);
      return 2;
    }
    if (pattern === undefined && !filters) {
      await sys.write(2, `${name}: no matching criteria specified\nTry \`${name} --help' for more information.\n`);
      return 2;
    }
    let re: RegExp | undefined;
    try {
      re = pattern === undefined ? undefined : new RegExp(has('x') ? `^(?:${pattern})$` : pattern, has('i') ? 'i' : '');
    } catch {
      await sys.write(2, `${name}: regex error: Unmatched ( or \\(\n`);
      return 2;
    }
    const uids = (val('u') ?? '').split(',').filter(Boolean).map((u) => lookupUser(sys, u)?.uid ?? -1);
    const ppids = (val('P') ?? '').split(',').filter(Boolean).map(Number);
    const match = (p: ProcInfo): boolean => {
      if (p.pid === sys.pid) return false;
      if (uids.length > 0 && !uids.includes(p.euid)) return false;
      if (ppids.length > 0 && !ppids.includes(p.ppid)) return false;
      if (!re) return true;
      const text = has('f') && p.cmdline.length > 0 ? p.cmdline.join(' ') : p.comm;
      return re.test(text) !== has('v');
    };
    let found = readProcs(sys).filter(match);
    if (has('n') && found.length > 0) found = [found.reduce((a, b) => (b.start >= a.start ? b : a))];
    if (has('o') && found.length > 0) found = [found.reduce((a, b) => (b.start < a.start ? b : a))];
    if (name === 'pkill') {
      for (const p of found) {
        try {
          sys.kill(p.pid, sig);
          if (has('e')) await sys.write(1, `${p.comm} killed (pid ${p.pid})\n`);
        } catch (e) {
          if (isProcessEnd(e)) throw e;
          await sys.write(2, `pkill: killing pid ${p.pid} failed: ${errorText(e)}\n`);
        }
      }
      if (has('c')) await sys.write(1, `${found.length}\n`);
    } else if (has('c')) {
      await sys.write(1, `${found.length}\n`);
    } else {
      const lines = found.map((p) => {
        if (has('a')) return `${p.pid} ${p.cmdline.length > 0 ? p.cmdline.join(' ') : p.comm}`;
        return has('l') ? `${p.pid} ${p.comm}` : String(p.pid);
      });
      if (lines.length > 0) await sys.write(1, `${lines.join(val('d') ?? '\n')}\n`);
    }
    return found.length > 0 ? 0 : 1;
  };
}

export const pgrep = makePgrep('pgrep');
export const pkill = makePgrep('pkill');
