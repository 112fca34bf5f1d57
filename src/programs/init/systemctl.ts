/**
 * systemctl and service: ask PID 1 (over /run/systemd/private) to start, stop, restart or describe a unit.
 * Changing a unit takes root; without it systemd (through polkit, with no agent on this terminal) refuses.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { INIT_SOCKET, type InitReply, type InitRequest } from './init.js';
import { unitName } from './units.js';

const VERBS = new Set(['start', 'stop', 'restart', 'status', 'is-active']);

async function ask(sys: Sys, req: InitRequest): Promise<InitReply> {
  const fd = sys.connect(`unix://${INIT_SOCKET}`);
  try {
    await sys.write(fd, `${JSON.stringify(req)}\n`);
    let buf = '';
    for (let d = await sys.read(fd); d !== null; d = await sys.read(fd)) buf += d;
    return JSON.parse(buf) as InitReply;
  } finally {
    sys.close(fd);
  }
}

async function control(sys: Sys, verb: string, unit: string): Promise<number> {
  const name = unitName(unit);
  if (verb !== 'status' && verb !== 'is-active' && sys.euid !== 0) {
    await sys.write(2, `Failed to ${verb} ${name}: Interactive authentication required.\nSee system logs and 'systemctl status ${name}' for details.\n`);
    return 1;
  }
  let reply: InitReply;
  try {
    reply = await ask(sys, { verb: verb as InitRequest['verb'], unit });
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    await sys.write(2, 'System has not been booted with systemd as init system (PID 1). Can\'t operate.\nFailed to connect to bus: Host is down\n');
    return 1;
  }
  if (reply.out) await sys.write(1, reply.out);
  if (reply.err) await sys.write(2, reply.err);
  return reply.code;
}

async function initScript(sys: Sys, unit: string, verb: string, options: readonly string[]): Promise<number> {
  const path = `/etc/init.d/${unit}`;
  if (!sys.fs.exists(path)) {
    await sys.write(2, `${unit}: unrecognized service\n`);
    return 1;
  }
  const env: Record<string, string> = { PATH: sys.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
  for (const k of ['LANG', 'LANGUAGE', 'LC_CTYPE', 'LC_NUMERIC', 'LC_TIME', 'LC_COLLATE', 'LC_MONETARY', 'LC_MESSAGES', 'LC_PAPER', 'LC_NAME', 'LC_ADDRESS', 'LC_TELEPHONE', 'LC_MEASUREMENT', 'LC_IDENTIFICATION', 'LC_ALL', 'TERM']) {
    if (sys.env[k] !== undefined) env[k] = sys.env[k];
  }
  try {
    const pid = sys.spawn({ path, argv: [path, verb, ...options], env, cwd: '/' });
    return (await sys.wait(pid))?.status ?? 1;
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    await sys.write(2, `env: '${path}': ${e.message}\n`);
    return e.code === 'ENOENT' ? 127 : 126;
  }
}

export const systemctl: Program = async (sys) => {
  const [verb, unit] = sys.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!verb || !VERBS.has(verb)) {
    await sys.write(2, verb ? `Unknown command verb '${verb}'.\n` : 'systemctl: this simulation supports start, stop, restart, status and is-active.\n');
    return 1;
  }
  if (!unit) {
    await sys.write(2, `Too few arguments.\n`);
    return 1;
  }
  return control(sys, verb, unit);
};

/**
 * Ubuntu's service(8) hands a systemd unit over to systemctl; where systemd is not PID 1 (a container) it runs
 * the SysV script /etc/init.d/NAME with a clean environment, as the real script does.
 */
export const service: Program = async (sys) => {
  const [unit, verb, ...options] = sys.argv.slice(1);
  if (!unit || !verb) {
    await sys.write(2, 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n');
    return 1;
  }
  if (!sys.fs.exists('/run/systemd/system')) return initScript(sys, unit, verb, options);
  if (!VERBS.has(verb)) {
    await sys.write(2, `Usage: /etc/init.d/${unit} {start|stop|restart|status}\n`);
    return 1;
  }
  return control(sys, verb, unit);
};
