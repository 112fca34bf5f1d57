/**
 * bash's `time` and `times`: the elapsed virtual time and the CPU the shell and its waited-for children used
 * (times(2); the simulated kernel does not tell user from system time, so it is all user time). The report is
 * TIMEFORMAT's (execute_cmd.c's print_formatted_time): `%[p][l]R|U|S` with p digits (0–3) and l for `XmY.YYYs`,
 * `%P` the CPU share, `%%`.
 */
import type { ShellContext } from './context.js';
import type { PipelineNode } from './ast.js';

export const DEFAULT_TIMEFORMAT = '\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS';
const POSIX_TIMEFORMAT = 'real %2R\nuser %2U\nsys %2S';

/** Seconds and thousandths, rounded as timeval_to_secs rounds microseconds. */
function secs(ms: number): [number, number] {
  const total = Math.round(Math.max(0, ms));
  return [Math.floor(total / 1000), total % 1000];
}

function mkfmt(prec: number, long: boolean, ms: number): string {
  const [s, frac] = secs(ms);
  const whole = long ? `${Math.floor(s / 60)}m${s % 60}` : String(s);
  const digits = prec > 0 ? `.${String(frac).padStart(3, '0').slice(0, prec)}` : '';
  return `${whole}${digits}${long ? 's' : ''}`;
}

export function formatTimes(fmt: string, realMs: number, userMs: number, sysMs: number): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    let j = i + 1;
    if (fmt[j] === '%') {
      out += '%';
      i = j;
      continue;
    }
    if (fmt[j] === 'P') {
      const pct = realMs > 0 ? ((userMs + sysMs) * 100) / realMs : 0;
      out += pct.toFixed(2);
      i = j;
      continue;
    }
    let prec = 3;
    let long = false;
    if (/[0-9]/.test(fmt[j])) prec = Math.min(3, Number(fmt[j++]));
    if (fmt[j] === 'l') {
      long = true;
      j++;
    }
    const which = fmt[j];
    if (which === 'R' || which === 'U' || which === 'S') {
      out += mkfmt(prec, long, which === 'R' ? realMs : which === 'U' ? userMs : sysMs);
      i = j;
    } else out += c;
  }
  return out;
}

function cpu(sh: ShellContext): number {
  const t = sh.sys.times();
  return t.cpuMs + t.childCpuMs;
}

/** Runs a `time` pipeline (or `time` alone) and reports on the shell's stderr. */
export async function timePipeline(sh: ShellContext, p: PipelineNode, run: (p: PipelineNode) => Promise<number>): Promise<number> {
  const started = sh.sys.uptime();
  const cpu0 = cpu(sh);
  const status = p.cmds.length > 0 ? await run({ ...p, time: undefined }) : 0;
  const realMs = sh.sys.uptime() - started;
  const userMs = cpu(sh) - cpu0;
  const fmt = p.time === 'posix' ? POSIX_TIMEFORMAT : sh.getVar('TIMEFORMAT') ?? DEFAULT_TIMEFORMAT;
  // An empty TIMEFORMAT asks for no report at all.
  if (fmt !== '') await sh.writeErr(`${formatTimes(fmt, realMs, userMs, 0)}\n`);
  if (p.cmds.length === 0) sh.status = 0;
  return status;
}

/** The `times` builtin: the shell's own times, then its children's. */
export async function times(sh: ShellContext): Promise<number> {
  const t = sh.sys.times();
  const line = (ms: number): string => `${mkfmt(3, true, ms)} ${mkfmt(3, true, 0)}\n`;
  await sh.sys.write(1, line(t.cpuMs) + line(t.childCpuMs));
  return 0;
}
