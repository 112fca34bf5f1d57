/**
 * The host's PID 1, standing in for systemd: it starts the enabled services at boot (docker.service),
 * owns the orphans the kernel reparents to it, and answers `systemctl` over /run/systemd/private, as
 * systemd does over its private bus socket.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { statusText, type ServiceState } from './status.js';
import { loadUnit, unitName, type Unit } from './units.js';

export const INIT_SOCKET = '/run/systemd/private';

export interface InitRequest {
  readonly verb: 'start' | 'stop' | 'restart' | 'status' | 'is-active';
  readonly unit: string;
}

export interface InitReply {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

const SERVICE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

class ServiceManager {
  private readonly states = new Map<string, ServiceState>();

  constructor(private readonly sys: Sys) {}

  private state(unit: Unit): ServiceState {
    let s = this.states.get(unit.name);
    if (!s) this.states.set(unit.name, (s = { unit, pid: 0, sinceMs: 0, startedMs: 0, exit: null, cpuMs: 0, failed: false }));
    return s;
  }

  /** Notes services whose main process ended on its own (crash, kill). */
  async reap(): Promise<void> {
    for (;;) {
      let st;
      try {
        st = await this.sys.wait(undefined, { nohang: true });
      } catch (e) {
        if (isProcessEnd(e)) throw e;
        return;
      }
      if (!st) return;
      for (const s of this.states.values()) {
        if (s.pid === st.pid) {
          s.pid = 0;
          s.exit = st;
          s.sinceMs = this.sys.uptime();
        }
      }
    }
  }

  /** Starts the unit's main process; a `Type=notify` unit is waited for until it is ready or has failed. */
  async start(unit: Unit, wait = true): Promise<InitReply> {
    const s = this.state(unit);
    if (s.pid) return { code: 0, out: '', err: '' };
    const [path, ...rest] = unit.execStart;
    s.pid = this.sys.spawn({ path, argv: [path, ...rest], env: { PATH: SERVICE_PATH }, fds: {}, setsid: true, cwd: '/' });
    s.startedMs = s.sinceMs = this.sys.uptime();
    s.exit = null;
    s.failed = false;
    if (!wait || unit.type !== 'notify') return { code: 0, out: '', err: '' };
    return (await this.ready(s)) ? { code: 0, out: '', err: '' } : failedJob(unit.name);
  }

  /**
   * sd_notify's READY=1, as dockerd sends it once its API listens: here, its pidfile names it and its socket
   * exists. Exiting first is a failed start. systemd gives up after TimeoutStartSec (90 s).
   */
  private async ready(s: ServiceState): Promise<boolean> {
    const pid = s.pid;
    for (let waited = 0; waited < 90_000; waited += 10) {
      await this.reap();
      if (s.pid !== pid) {
        s.failed = true;
        return false;
      }
      if (this.readText('/var/run/docker.pid') === String(pid) && this.sys.fs.exists('/var/run/docker.sock')) return true;
      await this.sys.sleep(10);
    }
    return true;
  }

  private readText(path: string): string {
    try {
      return this.sys.fs.readText(path).trim();
    } catch {
      return '';
    }
  }

  async stop(unit: Unit): Promise<InitReply> {
    const s = this.state(unit);
    if (!s.pid) return { code: 0, out: '', err: '' };
    const pid = s.pid;
    try {
      this.sys.kill(pid, 'SIGTERM');
      s.exit = await this.sys.wait(pid);
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
    }
    s.pid = 0;
    s.sinceMs = this.sys.uptime();
    return { code: 0, out: '', err: '' };
  }

  async handle(req: InitRequest): Promise<InitReply> {
    const name = unitName(req.unit);
    const unit = loadUnit(this.sys.fs, name);
    if (!unit) {
      if (req.verb === 'is-active') return { code: 4, out: 'inactive\n', err: '' };
      if (req.verb === 'status') return { code: 4, out: '', err: `Unit ${name} could not be found.\n` };
      return { code: 5, out: '', err: `Failed to ${req.verb} ${name}: Unit ${name} not found.\n` };
    }
    const s = this.state(unit);
    switch (req.verb) {
      case 'start':
        return await this.start(unit);
      case 'stop':
        return this.stop(unit);
      case 'restart':
        await this.stop(unit);
        return await this.start(unit);
      case 'is-active':
        return { code: s.pid ? 0 : 3, out: s.pid ? 'active\n' : 'inactive\n', err: '' };
      case 'status':
        return { code: s.pid ? 0 : 3, out: statusText(this.sys, s), err: '' };
    }
  }
}

/** systemctl's report of a start job whose service exited with an error before it was ready. */
function failedJob(name: string): InitReply {
  return {
    code: 1,
    out: '',
    err: `Job for ${name} failed because the control process exited with error code.\nSee "systemctl status ${name}" and "journalctl -xeu ${name}" for details.\n`,
  };
}

async function readLine(sys: Sys, fd: number): Promise<string> {
  let buf = '';
  while (!buf.includes('\n')) {
    const d = await sys.read(fd);
    if (d === null) break;
    buf += d;
  }
  return buf.split('\n')[0];
}

/** PID 1; `services` are the units enabled at boot. */
export function makeInit(services: readonly string[]): Program {
  return async (sys) => {
    const manager = new ServiceManager(sys);
    let listener: number | null = null;
    try {
      if (sys.fs.exists(INIT_SOCKET)) sys.fs.unlink(INIT_SOCKET);
      listener = sys.listen(`unix://${INIT_SOCKET}`, { mode: 0o666 });
    } catch (e) {
      if (isProcessEnd(e)) throw e;
    }
    for (const name of services) {
      const unit = loadUnit(sys.fs, unitName(name));
      if (unit) await manager.start(unit, false);
    }
    for (;;) {
      if (listener === null) {
        await sys.pause();
        continue;
      }
      await manager.reap();
      const c = await sys.accept(listener);
      try {
        const req = JSON.parse(await readLine(sys, c)) as InitRequest;
        await manager.reap();
        const reply = await manager.handle(req);
        await sys.write(c, `${JSON.stringify(reply)}\n`);
      } catch (e) {
        if (isProcessEnd(e)) throw e;
      } finally {
        sys.close(c);
      }
    }
  };
}

/** The plain PID 1 (no services), for machines without Docker. */
export const init: Program = makeInit([]);
