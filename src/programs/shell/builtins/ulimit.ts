/**
 * bash's `ulimit` on Linux: shows the process's resource limits (soft unless -H) in bash's units and layout,
 * and sets `-n`, the one limit the kernel here enforces; setting another is refused in one line.
 */
import { SysError } from '../../../engine/kernel/errno.js';
import type { RlimitName } from '../../../engine/kernel/rlimits.js';
import { ShellError } from '../errors.js';
import type { ShellContext } from '../context.js';

interface Resource {
  readonly opt: string;
  readonly name: RlimitName;
  readonly desc: string;
  readonly units?: string;
  /** Bytes per unit shown. */
  readonly scale: number;
}

/** In `ulimit -a` order (bash's limits[] table on Linux). */
const RESOURCES: readonly Resource[] = [
  { opt: 'R', name: 'rttime', desc: 'real-time non-blocking time', units: 'microseconds', scale: 1 },
  { opt: 'c', name: 'core', desc: 'core file size', units: 'blocks', scale: 1024 },
  { opt: 'd', name: 'data', desc: 'data seg size', units: 'kbytes', scale: 1024 },
  { opt: 'e', name: 'nice', desc: 'scheduling priority', scale: 1 },
  { opt: 'f', name: 'fsize', desc: 'file size', units: 'blocks', scale: 1024 },
  { opt: 'i', name: 'sigpending', desc: 'pending signals', scale: 1 },
  { opt: 'l', name: 'memlock', desc: 'max locked memory', units: 'kbytes', scale: 1024 },
  { opt: 'm', name: 'rss', desc: 'max memory size', units: 'kbytes', scale: 1024 },
  { opt: 'n', name: 'nofile', desc: 'open files', scale: 1 },
  { opt: 'p', name: 'nofile', desc: 'pipe size', units: '512 bytes', scale: 0 },
  { opt: 'q', name: 'msgqueue', desc: 'POSIX message queues', units: 'bytes', scale: 1 },
  { opt: 'r', name: 'rtprio', desc: 'real-time priority', scale: 1 },
  { opt: 's', name: 'stack', desc: 'stack size', units: 'kbytes', scale: 1024 },
  { opt: 't', name: 'cpu', desc: 'cpu time', units: 'seconds', scale: 1 },
  { opt: 'u', name: 'nproc', desc: 'max user processes', scale: 1 },
  { opt: 'v', name: 'as', desc: 'virtual memory', units: 'kbytes', scale: 1024 },
  { opt: 'x', name: 'locks', desc: 'file locks', scale: 1 },
];

const USAGE = 'ulimit: usage: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]';
/** PIPE_BUF / 512: what bash prints for -p (not a setrlimit resource). */
const PIPE_BLOCKS = 8;

function shown(sh: ShellContext, r: Resource, hard: boolean): string {
  if (r.opt === 'p') return String(PIPE_BLOCKS);
  const lim = sh.sys.getrlimit(r.name);
  const v = hard ? lim.hard : lim.soft;
  return v === Infinity ? 'unlimited' : String(Math.floor(v / r.scale));
}

/** bash's printone: `%-20s %20s` of the description and `(units, -x) `, then the value. */
function line(r: Resource, value: string): string {
  const unit = r.units ? `(${r.units}, -${r.opt}) ` : `(-${r.opt}) `;
  return `${r.desc.padEnd(20)} ${unit.padStart(20)}${value}\n`;
}

export async function ulimit(sh: ShellContext, argv: string[]): Promise<number> {
  if (sh.flavor !== 'bash') throw new ShellError('ulimit: not simulated in this shell (bash has it)', 2);
  let soft = false;
  let hard = false;
  let all = false;
  const picked: Resource[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!/^-./.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'S') soft = true;
      else if (c === 'H') hard = true;
      else if (c === 'a') all = true;
      else {
        const r = RESOURCES.find((x) => x.opt === c);
        if (!r) throw new ShellError(`ulimit: -${c}: invalid option\n${USAGE}`, 2);
        picked.push(r);
      }
    }
  }
  const value = argv[i];
  if (all) {
    let out = '';
    for (const r of RESOURCES) out += line(r, shown(sh, r, hard && !soft));
    await sh.sys.write(1, out);
    return 0;
  }
  if (picked.length === 0) picked.push(RESOURCES.find((r) => r.opt === 'f')!);
  if (value === undefined) {
    if (picked.length === 1) await sh.sys.write(1, `${shown(sh, picked[0], hard && !soft)}\n`);
    else await sh.sys.write(1, picked.map((r) => line(r, shown(sh, r, hard && !soft))).join(''));
    return 0;
  }
  const r = picked[picked.length - 1];
  if (r.name !== 'nofile' || r.opt === 'p') {
    throw new ShellError(`ulimit: ${r.desc}: setting this limit is not simulated in dockersim`, 1);
  }
  const cur = sh.sys.getrlimit(r.name);
  let n: number;
  if (value === 'unlimited') n = Infinity;
  else if (value === 'hard') n = cur.hard;
  else if (value === 'soft') n = cur.soft;
  else if (/^\d+$/.test(value)) n = Number(value) * r.scale;
  else throw new ShellError(`ulimit: ${value}: invalid number`, 1);
  const setSoft = soft || !hard;
  const setHard = hard || !soft;
  try {
    sh.sys.setrlimit(r.name, { soft: setSoft ? n : cur.soft, hard: setHard ? n : cur.hard });
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    const why = e.code === 'EPERM' ? 'Operation not permitted' : 'Invalid argument';
    throw new ShellError(`ulimit: ${r.desc}: cannot modify limit: ${why}`, 1);
  }
  return 0;
}
