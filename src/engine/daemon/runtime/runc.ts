/**
 * What runc does between "create" and the container's program running: resolve the user and the executable
 * inside the container (Go's exec.LookPath, with runc's and containerd's wrapping of its errors), build the
 * environment, and exec. Exit codes follow moby's translateContainerdStartErr: 127 for a missing command,
 * 126 when it cannot be executed.
 */
import { SysError } from '../../kernel/errno.js';
import type { Kernel } from '../../kernel/kernel.js';
import type { Process } from '../../kernel/process.js';
import type { Program, Sys } from '../../kernel/sys.js';
import type { Credentials, Fs } from '../../kernel/fsTypes.js';
import { DEFAULT_PATH_ENV } from '../../rootfs/index.js';
import { invalidParameter, systemError, type DaemonError } from '../../../pkg/errdefs.js';

export interface LaunchSpec {
  readonly path: string;
  readonly argv: readonly string[];
  readonly env: Record<string, string>;
  readonly cwd: string;
  readonly cred: Credentials;
}

export type LookPathResult = { ok: true; path: string } | { ok: false; message: string; code: 126 | 127 };

function goError(e: SysError): string {
  return e.message.charAt(0).toLowerCase() + e.message.slice(1);
}

/** Go's exec.LookPath, against the container's filesystem and PATH. */
export function lookPath(fs: Fs, file: string, pathEnv: string): LookPathResult {
  const check = (p: string): SysError | 'noexec' | null => {
    try {
      const st = fs.stat(p);
      return st.type !== 'dir' && (st.mode & 0o111) !== 0 ? null : 'noexec';
    } catch (e) {
      if (e instanceof SysError) return e;
      throw e;
    }
  };
  if (file.includes('/')) {
    const r = check(file);
    if (r === null) return { ok: true, path: file };
    if (r === 'noexec' || r.code === 'EACCES') return { ok: false, message: `exec: "${file}": permission denied`, code: 126 };
    return { ok: false, message: `exec: "${file}": stat ${file}: ${goError(r)}`, code: 127 };
  }
  if (file !== '') {
    for (const dir of pathEnv.split(':')) {
      const p = `${dir === '' ? '.' : dir}/${file}`;
      if (check(p) === null) return { ok: true, path: p };
    }
  }
  return { ok: false, message: `exec: "${file}": executable file not found in $PATH`, code: 127 };
}

/** The error `docker start`/`run` reports when runc cannot start PID 1 (InvalidParameter, as moby maps it). */
export function startFailure(detail: string): DaemonError {
  return invalidParameter(
    'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: ' +
      `unable to start container process: error during container init: ${detail}: unknown`,
  );
}

export function execFailure(detail: string): DaemonError {
  return invalidParameter(`OCI runtime exec failed: exec failed: unable to start container process: ${detail}: unknown`);
}

/** container.ReplaceOrAppendEnvValues: later `KEY=…` replace earlier ones in place; `KEY` alone unsets. */
export function replaceOrAppendEnv(base: readonly string[], overrides: readonly string[]): string[] {
  const out = [...base];
  const key = (kv: string): string => kv.split('=')[0];
  for (const kv of overrides) {
    const i = out.findIndex((x) => key(x) === key(kv));
    if (!kv.includes('=')) {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = kv;
    else out.push(kv);
  }
  return out;
}

/** CreateDaemonEnvironment: PATH, HOSTNAME, TERM (with a TTY), then the container's own Env over them. */
export function daemonEnvironment(hostname: string, tty: boolean, env: readonly string[], linked: readonly string[] = []): string[] {
  const base = [DEFAULT_PATH_ENV, `HOSTNAME=${hostname}`];
  if (tty) base.push('TERM=xterm');
  // The links' variables come before the container's own, which may override them.
  base.push(...linked);
  return replaceOrAppendEnv(base, env);
}

/** runc's env: the list as a record, with HOME added from the user's passwd entry when missing. */
export function envRecord(list: readonly string[], home: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list) {
    const i = kv.indexOf('=');
    if (i > 0) out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  if (out.HOME === undefined) out.HOME = home;
  return out;
}

/** `--user name|uid[:group|gid]` against the container's /etc/passwd and /etc/group. */
export function resolveUser(fs: Fs, user: string): { cred: Credentials; home: string } | { error: string } {
  const read = (p: string): string[][] => {
    try {
      return fs.readText(p).split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(':'));
    } catch {
      return [];
    }
  };
  const [u, g] = user === '' ? ['0', undefined] : user.split(':');
  const passwd = read('/etc/passwd');
  const entry = /^\d+$/.test(u) ? passwd.find((p) => p[2] === u) : passwd.find((p) => p[0] === u);
  if (!entry && !/^\d+$/.test(u)) return { error: `unable to find user ${u}: no matching entries in passwd file` };
  const uid = entry ? Number(entry[2]) : Number(u);
  let gid = entry ? Number(entry[3]) : 0;
  if (g !== undefined) {
    const grp = /^\d+$/.test(g) ? undefined : read('/etc/group').find((x) => x[0] === g);
    if (!/^\d+$/.test(g) && !grp) return { error: `unable to find group ${g}: no matching entries in group file` };
    gid = grp ? Number(grp[2]) : Number(g);
  }
  return { cred: { uid, gid, groups: [gid] }, home: entry?.[5] || '/' };
}

/**
 * runc init's last step: become the container's program (execve in the container's namespaces). A reaction on
 * the exec, not an async frame around it: every running container's PID 1 keeps it for its whole life.
 */
export function initProgram(spec: LaunchSpec): Program {
  return (sys) => sys.exec(spec.path, spec.argv, spec.env).then(undefined, (e: unknown) => execFailed(sys, spec, e));
}

async function execFailed(sys: Sys, spec: LaunchSpec, e: unknown): Promise<number> {
  if (!(e instanceof SysError)) throw e;
  await sys.write(2, `exec ${spec.path}: ${goError(e)}\n`);
  return e.code === 'ENOENT' ? 127 : 126;
}

/**
 * `runc exec`: a process that joins PID 1's namespaces and cgroup (setns), whose parent is the shim — so it is
 * PPID 0 inside the container, as a real `docker exec` process is. The kernel has no setns call, so this forks
 * from PID 1 and hands the child to the shim before it first runs. Kernel request: `SpawnOptions.join`.
 */
export function spawnJoined(kernel: Kernel, pid1: Process, shim: Process, spec: LaunchSpec): Process {
  if (pid1.state !== 'running') throw systemError('container is not running');
  const child = kernel.spawn(pid1, {
    program: initProgram(spec), argv: spec.argv, env: spec.env, cwd: spec.cwd, cred: spec.cred, fds: {}, setsid: true,
  });
  pid1.removeChild(child);
  child.parent = shim;
  shim.addChild(child);
  return child;
}
