/**
 * The docker program's main (cmd/docker/docker.go): parse, run the command, print its error and turn it
 * into an exit status. Help, usage errors and version come finished from dispatch; commands dockersim
 * does not model say so instead of pretending.
 */
import { DEFAULT_DOCKER_HOST, type Cli, type CommandCli } from './cli.js';
import type { ApiClient } from './client.js';
import { dispatch, type Invocation } from './dispatch.js';
import { errorText, notSimulated, passProcessEnd, StatusError } from './errors.js';
import { getList, unsimulatedFlags } from './flags.js';
import { Cancelled } from './prompt.js';
import { simulatorNote } from './simnote.js';
import type { FlagSpec } from './spec.js';
import { commandPath } from './tree.js';
import { attachAction, attachCommand } from './commands/attach.js';
import { runComplete } from './commands/complete.js';
import { containerInspectAction, containerInspectCommand } from './commands/containerInspect.js';
import { containerPruneAction, containerPruneCommand } from './commands/container-prune.js';
import { createAction, createCommand } from './commands/create.js';
import { diffAction, diffCommand } from './commands/diff.js';
import { execAction, execCommand } from './commands/exec.js';
import { imageInspectAction, imageInspectCommand } from './commands/imageInspect.js';
import { imagesAction, imagesCommand } from './commands/images.js';
import { infoAction, infoCommand } from './commands/info.js';
import { inspectAction, inspectCommand } from './commands/inspect.js';
import { killAction, killCommand } from './commands/kill.js';
import { logsAction, logsCommand } from './commands/logs.js';
import { pauseAction, pauseCommand } from './commands/pause.js';
import { psAction, psCommand } from './commands/ps.js';
import { pullAction, pullCommand } from './commands/pull.js';
import { renameAction, renameCommand } from './commands/rename.js';
import { restartAction, restartCommand } from './commands/restart.js';
import { rmAction, rmCommand } from './commands/rm.js';
import { rmiAction, rmiCommand } from './commands/rmi.js';
import { runAction, runCommand } from './commands/run.js';
import { searchAction, searchCommand } from './commands/search.js';
import { startAction, startCommand } from './commands/start.js';
import { statsAction, statsCommand } from './commands/stats.js';
import { stopAction, stopCommand } from './commands/stop.js';
import { systemDfAction, systemDfCommand } from './commands/system-df.js';
import { systemPruneAction, systemPruneCommand } from './commands/system-prune.js';
import { topAction, topCommand } from './commands/top.js';
import { unpauseAction, unpauseCommand } from './commands/unpause.js';
import { updateAction, updateCommand } from './commands/update.js';
import { versionAction, versionCommand } from './commands/version.js';
import { waitAction, waitCommand } from './commands/wait.js';

type Action = (cli: CommandCli, inv: Invocation) => Promise<void>;

/** Keyed by a spec's flag list: `docker ps` and `docker container ls` are renamed copies sharing it. */
const ACTIONS = new Map<readonly FlagSpec[], Action>([
  [attachCommand.flags, attachAction], [containerInspectCommand.flags, containerInspectAction],
  [containerPruneCommand.flags, containerPruneAction], [systemDfCommand.flags, systemDfAction],
  [systemPruneCommand.flags, systemPruneAction],
  [createCommand.flags, createAction], [diffCommand.flags, diffAction], [execCommand.flags, execAction],
  [imageInspectCommand.flags, imageInspectAction], [imagesCommand.flags, imagesAction],
  [infoCommand.flags, infoAction], [inspectCommand.flags, inspectAction], [killCommand.flags, killAction],
  [logsCommand.flags, logsAction], [pauseCommand.flags, pauseAction], [psCommand.flags, psAction],
  [pullCommand.flags, pullAction], [renameCommand.flags, renameAction], [restartCommand.flags, restartAction],
  [rmCommand.flags, rmAction], [rmiCommand.flags, rmiAction], [runCommand.flags, runAction],
  [searchCommand.flags, searchAction], [startCommand.flags, startAction], [statsCommand.flags, statsAction],
  [stopCommand.flags, stopAction], [topCommand.flags, topAction], [unpauseCommand.flags, unpauseAction],
  [updateCommand.flags, updateAction],
  [versionCommand.flags, versionAction], [waitCommand.flags, waitAction],
]);

/** -H wins over DOCKER_HOST, which wins over the default socket. */
export function daemonHost(inv: Invocation, env: (k: string) => string | undefined): string {
  const hosts = getList(inv.globals, 'host');
  return parseHost(hosts.length > 0 ? hosts[hosts.length - 1] : env('DOCKER_HOST') ?? '');
}

/**
 * docker/cli's opts.ParseHost: `:2375` and `tcp://:2375` mean tcp://localhost:2375, a bare `host:port` is
 * TCP, `unix://` alone is the default socket.
 */
export function parseHost(value: string): string {
  const v = value.trim();
  if (v === '') return DEFAULT_DOCKER_HOST;
  const sep = v.indexOf('://');
  const [proto, addr] = sep < 0 ? ['tcp', v] : [v.slice(0, sep), v.slice(sep + 3)];
  if (proto === 'unix') return `unix://${addr === '' ? DEFAULT_DOCKER_HOST.slice(7) : addr}`;
  if (proto === 'fd' || proto === 'ssh') return v;
  if (proto !== 'tcp') throw new Error(`invalid bind address format: ${v}`);
  const m = /^(\[[^\]]*\]|[^:/]*)(?::(\d*))?(\/.*)?$/.exec(addr);
  if (!m) throw new Error(`invalid bind address format: ${v}`);
  return `tcp://${m[1] || 'localhost'}:${m[2] || '2375'}${m[3] ?? ''}`;
}

function configDir(cli: Cli): string {
  return cli.env('DOCKER_CONFIG') || `${cli.env('HOME') || '/root'}/.docker`;
}

/** Go's os.Exit keeps the low 8 bits: -1 is 255. */
function exitStatus(code: number): number {
  return ((code % 256) + 256) % 256;
}

export async function main(cli: Cli, argv: readonly string[]): Promise<number> {
  // cobra's hidden completion command, called by the bash completion script on Tab.
  if (argv[0] === '__complete' || argv[0] === '__completeNoDesc') {
    return runComplete(cli, argv.slice(1), (h) => parseHost(h ?? cli.env('DOCKER_HOST') ?? ''), configDir(cli));
  }
  const width = cli.in.isTerminal() ? cli.in.ttySize().width : undefined;
  const d = dispatch(argv, { configDir: configDir(cli), width });
  if (d.kind === 'output') {
    if (d.stdout) await cli.out.write(d.stdout);
    if (d.stderr) await cli.err.write(d.stderr);
    return d.exit;
  }
  if (d.kind === 'unsimulated') {
    const path = commandPath(d.node);
    await cli.err.write(`docker: '${path}' is a real docker command that dockersim does not simulate yet\n`);
    return 1;
  }
  if (d.stdout) await cli.out.write(d.stdout);
  const action = d.node.spec ? ACTIONS.get(d.node.spec.flags) : undefined;
  if (!action) {
    await cli.err.write(`docker: '${commandPath(d.node)}' is a real docker command that dockersim does not simulate yet\n`);
    return 1;
  }
  // A flag docker accepts but the simulation does not model is refused, never accepted and ignored.
  const unsimulated = unsimulatedFlags(d.globals).concat(unsimulatedFlags(d.flags));
  if (unsimulated.length > 0) {
    await cli.err.write(notSimulated(`--${unsimulated[0].name}`).status + '\n');
    return 125;
  }
  let host: string;
  try {
    host = daemonHost(d, (k) => cli.env(k));
  } catch (e) {
    await cli.err.write(`Failed to initialize: unable to resolve docker endpoint: ${(e as Error).message}\n`);
    return 1;
  }
  let client: ApiClient | null = null;
  const ccli: CommandCli = {
    in: cli.in, out: cli.out, err: cli.err,
    env: (k) => cli.env(k),
    now: () => cli.now(),
    readFile: cli.readFile ? (p) => cli.readFile!(p) : undefined,
    sleep: (ms) => cli.sleep(ms),
    onSignal: cli.onSignal ? (sigs, h) => cli.onSignal!(sigs, h) : undefined,
    client: () => (client ??= cli.client(host)),
  };
  try {
    await action(ccli, d);
    return 0;
  } catch (e) {
    passProcessEnd(e);
    if (e instanceof Cancelled) return 0;
    const text = errorText(e);
    if (text !== '') await cli.err.write(text + '\n');
    const note = simulatorNote(text);
    if (note) await cli.err.write(note + '\n');
    if (e instanceof StatusError) return exitStatus(e.code === 0 ? 1 : e.code);
    return 1;
  }
}
