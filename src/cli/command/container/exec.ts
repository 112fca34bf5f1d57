import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import type { ExecConfig } from '../../client.js';
import { flag, getBool, getList, getString } from '../../flags.js';
import { isConnectionError, passProcessEnd, StatusError } from '../../errors.js';
import { streamHijacked } from './hijack.js';
import { checkTty, monitorTtySize } from './tty.js';
import { containerNames, running } from '../completion.js';

/** `docker exec` as docker/cli 28.2.2 defines it (cli/command/container/exec.go); flag text recorded from `--help`. */
export const execCommand = command({
  use: "exec [OPTIONS] CONTAINER COMMAND [ARG...]",
  short: "Execute a command in a running container",
  aliases: "docker container exec, docker exec",
  args: { min: 2 },
  interspersed: false,
  flags: [
    flag("detach", "d", "", "Detached mode: run command in the background", { sim: true }),
    flag("detach-keys", "", "string", "Override the key sequence for detaching a container", { sim: true }),
    flag("env", "e", "list", "Set environment variables", { sim: true }),
    flag("env-file", "", "list", "Read in a file of environment variables"),
    flag("interactive", "i", "", "Keep STDIN open even if not attached", { sim: true }),
    flag("privileged", "", "", "Give extended privileges to the command"),
    flag("tty", "t", "", "Allocate a pseudo-TTY", { sim: true }),
    flag("user", "u", "string", "Username or UID (format: \"<name|uid>[:<group|gid>]\")", { sim: true }),
    flag("workdir", "w", "string", "Working directory inside the container", { sim: true }),
  ],
  completion: containerNames(running),
  run: (cli, inv) => runExec(cli, {
    detach: getBool(inv.flags, 'detach'),
    detachKeys: getString(inv.flags, 'detach-keys'),
    interactive: getBool(inv.flags, 'interactive'),
    tty: getBool(inv.flags, 'tty'),
    user: getString(inv.flags, 'user'),
    privileged: getBool(inv.flags, 'privileged'),
    env: getList(inv.flags, 'env'),
    workdir: getString(inv.flags, 'workdir'),
    container: inv.args[0],
    command: inv.args.slice(1),
  }),
});

export interface ExecOptions {
  readonly detach: boolean;
  readonly detachKeys: string;
  readonly interactive: boolean;
  readonly tty: boolean;
  readonly user: string;
  readonly privileged: boolean;
  readonly env: readonly string[];
  readonly workdir: string;
  readonly container: string;
  readonly command: readonly string[];
}

/** parseExec: without -d, stdout and stderr are always attached, stdin with -i. */
export function execConfig(o: ExecOptions, env: (k: string) => string | undefined, size: [number, number]): ExecConfig {
  return {
    User: o.user,
    Privileged: o.privileged,
    Tty: o.tty,
    ConsoleSize: o.tty ? size : undefined,
    AttachStdin: !o.detach && o.interactive,
    AttachStdout: !o.detach,
    AttachStderr: !o.detach,
    DetachKeys: o.detachKeys,
    Env: o.env.map((e) => (e.includes('=') || env(e) === undefined ? e : `${e}=${env(e)}`)),
    WorkingDir: o.workdir,
    Cmd: o.command,
  };
}

/**
 * inspect (so "no such container" wins) → TTY check → exec create → start (hijacked unless -d) → copy
 * streams → exec inspect: its ExitCode is docker's exit code.
 */
export async function runExec(cli: CommandCli, o: ExecOptions): Promise<void> {
  const client = cli.client();
  await client.containerInspect(o.container);
  const { height, width } = cli.out.ttySize();
  const cfg = execConfig(o, (k) => cli.env(k), [height, width]);
  if (!o.detach) checkTty(cli, cfg.AttachStdin, cfg.Tty);
  const { Id: execId } = await client.containerExecCreate(o.container, cfg);
  if (!execId) throw new Error('exec ID empty');
  if (o.detach) {
    await client.containerExecStart(execId, { Detach: true, Tty: cfg.Tty, ConsoleSize: cfg.ConsoleSize });
    return;
  }
  const conn = await client.containerExecStart(execId, { Detach: false, Tty: cfg.Tty, ConsoleSize: cfg.ConsoleSize });
  if (!conn) throw new Error('exec start did not return a stream');
  const cleanups: Array<() => void> = [() => conn.close()];
  try {
    const streaming = streamHijacked(cli, conn, {
      tty: cfg.Tty, stdin: cfg.AttachStdin, stdout: true, stderr: true, stderrToOut: cfg.Tty, detachKeys: o.detachKeys,
    });
    streaming.catch(() => undefined);
    if (cfg.Tty && cli.in.isTerminal()) cleanups.push(await monitorTtySize(cli, execId, true));
    await streaming;
  } finally {
    for (const f of cleanups.reverse()) f();
  }
  let code: number;
  try {
    code = Number((await client.containerExecInspect(execId)).ExitCode ?? 0);
  } catch (e) {
    passProcessEnd(e);
    // The daemon went away while the command ran.
    if (isConnectionError(e)) throw new StatusError(-1);
    throw e;
  }
  if (code !== 0) throw new StatusError(code);
}
