/**
 * Golden transcripts of each docker command against a fake daemon: exit code, the client calls made (in
 * order), stdout and stderr. Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/cli/commands.test.ts`
 * and review the diff. These goldens live in testdata/sim/: the simulator recorded them, so they catch a change,
 * not a wrong string. A command the real client can run without a daemon is in nodaemon.test.ts instead; where
 * capture_fixtures.py ran the real client against the same fixtures (testdata/real/fixture-<name>.golden), the
 * case's stdout, stderr and exit code must also equal that capture.
 */
import { describe, expect, it } from 'vitest';
import { connectionError, conn, FakeDaemonError, frame, messages, noSuchContainer, waitFor, type FakeOptions } from './fake.js';
import { DAVE, DAVE_ID, HOPPER, HOPPER_ID, IMAGES, INFO, inspectOf, PULL_UBUNTU, SERVER_VERSION, STATS_DAVE, WEB } from './fixtures.js';
import { fixtureCase, fixtureNames } from './golden.js';
import { matchGolden, runDocker, transcript } from './transcript.js';

interface Case {
  name: string;
  argv: string[];
  opts?: FakeOptions;
}

const running = async (): Promise<typeof DAVE[]> => [WEB, DAVE];
const all = async (): Promise<typeof DAVE[]> => [HOPPER, WEB, DAVE];
const gone = (n: string) => async (): Promise<never> => {
  throw noSuchContainer(n);
};
const down = async (): Promise<never> => {
  throw connectionError();
};
const daemonErr = (status: number, msg: string) => async (): Promise<never> => {
  throw new FakeDaemonError(status, msg);
};
const ok = async (): Promise<void> => undefined;
const createdDave = async (): Promise<{ Id: string; Warnings: string[] }> => ({ Id: DAVE_ID, Warnings: [] });

const CASES: Case[] = [
  // version / info
  { name: 'version-ok', argv: ['version'], opts: { client: { serverVersion: async () => SERVER_VERSION } } },
  { name: 'version-no-daemon', argv: ['version'], opts: { client: { serverVersion: down } } },
  { name: 'version-downgraded', argv: ['version'], opts: { client: { serverVersion: async () => SERVER_VERSION, clientVersion: () => '1.45' } } },
  { name: 'version-format', argv: ['version', '--format', '{{.Server.Version}} {{.Client.Version}}'], opts: { client: { serverVersion: async () => SERVER_VERSION } } },
  { name: 'info-ok', argv: ['info'], opts: { client: { info: async () => INFO } } },
  { name: 'info-no-daemon', argv: ['info'], opts: { client: { info: down } } },
  { name: 'info-format', argv: ['info', '--format', '{{.ServerVersion}} {{.NCPU}}'], opts: { client: { info: async () => INFO } } },

  // ps
  { name: 'ps-running', argv: ['ps'], opts: { client: { containerList: running } } },
  { name: 'ps-all', argv: ['ps', '-a'], opts: { client: { containerList: all } } },
  { name: 'ps-empty', argv: ['ps'], opts: { client: { containerList: async () => [] } } },
  { name: 'ps-quiet', argv: ['ps', '-aq'], opts: { client: { containerList: all } } },
  { name: 'ps-no-trunc', argv: ['ps', '--no-trunc'], opts: { client: { containerList: running } } },
  { name: 'ps-size', argv: ['ps', '-s'], opts: { client: { containerList: async () => [WEB] } } },
  { name: 'ps-last', argv: ['ps', '-n', '2'], opts: { client: { containerList: async () => [HOPPER, WEB] } } },
  { name: 'ps-latest', argv: ['ps', '-l'], opts: { client: { containerList: async () => [HOPPER] } } },
  { name: 'ps-filter', argv: ['ps', '-a', '-f', 'status=exited', '--filter', 'Name=hop'], opts: { client: { containerList: async () => [HOPPER] } } },
  { name: 'ps-format-table', argv: ['ps', '--format', 'table {{.Names}}\\t{{.Status}}\\t{{.Size}}'], opts: { client: { containerList: running } } },
  { name: 'ps-format-json', argv: ['ps', '--format', 'json'], opts: { client: { containerList: async () => [DAVE] } } },
  { name: 'ps-format-quiet', argv: ['ps', '-q', '--format', '{{.Names}}'], opts: { client: { containerList: running } } },
  { name: 'ps-host-flag', argv: ['-H', 'tcp://127.0.0.1:2375', 'container', 'ls'], opts: { client: { containerList: async () => [] }, env: { DOCKER_HOST: 'unix:///other.sock' } } },

  // images / pull / rmi / search
  { name: 'images-default', argv: ['images'], opts: { client: { imageList: async () => IMAGES } } },
  { name: 'images-quiet', argv: ['images', '-q'], opts: { client: { imageList: async () => IMAGES } } },
  { name: 'images-digests', argv: ['images', '--digests'], opts: { client: { imageList: async () => IMAGES.slice(1, 2) } } },
  { name: 'images-reference', argv: ['image', 'ls', 'ubuntu'], opts: { client: { imageList: async () => IMAGES.slice(1, 2) } } },
  { name: 'pull-ok', argv: ['pull', 'ubuntu'], opts: { client: { imagePull: () => messages(PULL_UBUNTU) } } },
  { name: 'pull-tty', argv: ['pull', 'ubuntu:24.04'], opts: { tty: true, client: { imagePull: () => messages(PULL_UBUNTU) } } },
  { name: 'pull-quiet', argv: ['pull', '-q', 'ubuntu'], opts: { client: { imagePull: () => messages(PULL_UBUNTU) } } },
  { name: 'pull-up-to-date', argv: ['pull', 'ubuntu'], opts: { client: { imagePull: () => messages([
    { status: 'Pulling from library/ubuntu', id: 'latest' },
    { status: 'Digest: sha256:2e863c44b718727c860746568e1d54afd13b2fa71b160f5cd9058fc436217b30' },
    { status: 'Status: Image is up to date for ubuntu:latest' }]) } } },
  { name: 'pull-denied', argv: ['pull', 'nosuchthing'], opts: { client: { imagePull: daemonErr(404, "pull access denied for nosuchthing, repository does not exist or may require 'docker login': denied: requested access to the resource is denied") } } },
  { name: 'rmi-ok', argv: ['rmi', 'ubuntu'], opts: { client: { imageRemove: async () => [
    { Untagged: 'ubuntu:latest' },
    { Untagged: 'ubuntu@sha256:2e863c44b718727c860746568e1d54afd13b2fa71b160f5cd9058fc436217b30' },
    { Deleted: 'sha256:bf3dc08bfed031182827888bb15977e316ad797ee2ccb63b4c7a57fdfe7eb31d' }] } } },
  { name: 'rmi-missing', argv: ['rmi', 'nope'], opts: { client: { imageRemove: daemonErr(404, 'No such image: nope:latest') } } },
  { name: 'rmi-force-missing', argv: ['rmi', '-f', 'nope'], opts: { client: { imageRemove: daemonErr(404, 'No such image: nope:latest') } } },
  { name: 'rmi-in-use', argv: ['rmi', 'ubuntu'], opts: { client: { imageRemove: daemonErr(409, 'conflict: unable to remove repository reference "ubuntu" (must force) - container e11111111111 is using its referenced image bf3dc08bfed0') } } },
  { name: 'search-ok', argv: ['search', 'ubuntu'], opts: { client: { imageSearch: async () => [
    { name: 'ubuntu', description: 'Ubuntu is a Debian-based Linux operating system based on free software.', star_count: 17421, is_official: true, is_automated: false },
    { name: 'ubuntu/nginx', description: 'Nginx, a high-performance reverse proxy & web server', star_count: 131, is_official: false, is_automated: false }] } } },

  // inspect
  { name: 'inspect-container', argv: ['inspect', 'daemon_dave'], opts: { client: { containerInspect: async () => inspectOf(DAVE_ID) } } },
  { name: 'inspect-missing', argv: ['inspect', 'nope'], opts: { client: { containerInspect: gone('nope'), imageInspect: daemonErr(404, 'No such image: nope:latest') } } },
  { name: 'inspect-mixed', argv: ['inspect', 'daemon_dave', 'nope'], opts: { client: {
    containerInspect: async (id: string) => (id === 'nope' ? gone(id)() : inspectOf(DAVE_ID)),
    imageInspect: daemonErr(404, 'No such image: nope:latest') } } },
  { name: 'inspect-image', argv: ['inspect', '--format', '{{.Id}} {{.Os}}', 'ubuntu'], opts: { client: { containerInspect: gone('ubuntu'),
    imageInspect: async () => ({ value: { Id: 'sha256:bf3d', Os: 'linux' } }) } } },
  { name: 'inspect-format', argv: ['inspect', '-f', '{{.State.Running}} {{.Name}} {{json .Config.Labels}}', 'daemon_dave'], opts: { client: { containerInspect: async () => inspectOf(DAVE_ID) } } },
  { name: 'container-inspect-missing', argv: ['container', 'inspect', 'nope'], opts: { client: { containerInspect: gone('nope') } } },

  // logs
  { name: 'logs-ok', argv: ['logs', 'daemon_dave'], opts: { client: { containerInspect: async () => inspectOf(DAVE_ID),
    containerLogs: async () => ({ next: chunks([frame(1, 'hello\n'), frame(2, 'oops\n') + frame(1, 'hel'), frame(1, 'lo\n')]), close: () => undefined }) } } },
  { name: 'logs-tty', argv: ['logs', '-f', '--tail', '10', '-t', 'daemon_dave'], opts: { client: { containerInspect: async () => inspectOf(DAVE_ID, { tty: true }),
    containerLogs: async () => ({ next: chunks(['2024-01-02T03:04:06.000000001Z hello\r\n']), close: () => undefined }) } } },
  { name: 'logs-since', argv: ['logs', '--since', '42m', '--until', '2024-01-02T03:00:00Z', 'daemon_dave'], opts: { client: { containerInspect: async () => inspectOf(DAVE_ID),
    containerLogs: async () => ({ next: chunks([]), close: () => undefined }) } } },
  { name: 'logs-bad-since', argv: ['logs', '--since', 'yesterday', 'daemon_dave'], opts: { client: { containerInspect: async () => inspectOf(DAVE_ID) } } },
  { name: 'logs-missing', argv: ['logs', 'nope'], opts: { client: { containerInspect: gone('nope') } } },

  // lifecycle
  { name: 'start-ok', argv: ['start', 'hungry_hopper', 'daemon_dave'], opts: { client: { containerStart: ok } } },
  { name: 'start-missing', argv: ['start', 'x', 'y'], opts: { client: { containerStart: async (id: string) => gone(id)() } } },
  { name: 'start-paused', argv: ['start', 'daemon_dave'], opts: { client: { containerStart: daemonErr(409, 'cannot start a paused container, try unpause instead') } } },
  { name: 'start-attach', argv: ['start', '-a', 'hungry_hopper'], opts: { client: {
    containerInspect: async () => inspectOf(HOPPER_ID, { name: 'hungry_hopper', running: false }),
    containerAttach: async () => conn([frame(1, 'hi\n'), frame(2, 'err\n')]),
    containerWait: () => waitFor(3), containerStart: ok } } },
  { name: 'stop-ok', argv: ['stop', 'daemon_dave', 'web'], opts: { client: { containerStop: ok } } },
  { name: 'stop-timeout', argv: ['stop', '-t', '3', '-s', 'SIGINT', 'daemon_dave'], opts: { client: { containerStop: ok } } },
  { name: 'stop-mixed', argv: ['stop', 'nope', 'daemon_dave', 'nada'], opts: { client: { containerStop: async (id: string) => (id.startsWith('n') ? gone(id)() : undefined) } } },
  { name: 'stop-deprecated-time', argv: ['stop', '--time', '5', 'daemon_dave'], opts: { client: { containerStop: ok } } },
  { name: 'kill-ok', argv: ['kill', '-s', 'HUP', 'daemon_dave'], opts: { client: { containerKill: ok } } },
  { name: 'kill-not-running', argv: ['kill', 'hungry_hopper'], opts: { client: { containerKill: daemonErr(409, `cannot kill container: hungry_hopper: container ${HOPPER_ID} is not running`) } } },
  { name: 'restart-ok', argv: ['restart', '-t', '0', 'daemon_dave'], opts: { client: { containerRestart: ok } } },
  { name: 'pause-ok', argv: ['pause', 'daemon_dave'], opts: { client: { containerPause: ok } } },
  { name: 'unpause-missing', argv: ['unpause', 'x'], opts: { client: { containerUnpause: gone('x') } } },
  { name: 'rm-ok', argv: ['rm', 'hungry_hopper'], opts: { client: { containerRemove: ok } } },
  { name: 'rm-running', argv: ['rm', 'daemon_dave'], opts: { client: { containerRemove: daemonErr(409, 'cannot remove container "daemon_dave": container is running: stop the container before removing or force remove') } } },
  { name: 'rm-force-missing', argv: ['rm', '-f', 'nope', 'daemon_dave'], opts: { client: { containerRemove: async (id: string) => (id === 'nope' ? gone(id)() : undefined) } } },
  { name: 'wait-ok', argv: ['wait', 'hungry_hopper', 'daemon_dave'], opts: { client: { containerWait: (id: string) => waitFor(id === 'daemon_dave' ? 137 : 0) } } },
  { name: 'wait-missing', argv: ['wait', 'nope'], opts: { client: { containerWait: gone('nope') } } },
  { name: 'rename-ok', argv: ['rename', 'daemon_dave', 'dave'], opts: { client: { containerRename: ok } } },
  { name: 'rename-conflict', argv: ['rename', 'daemon_dave', 'web'], opts: { client: { containerRename: daemonErr(409, `Error when allocating new name: Conflict. The container name "/web" is already in use by container "${WEB.Id}". You have to remove (or rename) that container to be able to reuse that name.`) } } },
  { name: 'diff-ok', argv: ['diff', 'daemon_dave'], opts: { client: { containerDiff: async () => [
    { Path: '/etc', Kind: 0 }, { Path: '/etc/motd', Kind: 1 }, { Path: '/tmp/x', Kind: 2 }] } } },
  { name: 'top-ok', argv: ['top', 'daemon_dave'], opts: { client: { containerTop: async () => ({
    Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
    Processes: [['root', '4242', '4221', '0', '03:02', '?', '00:00:00', "/bin/sh -c while true; do echo hello; sleep 1; done"],
      ['root', '4300', '4242', '0', '03:04', '?', '00:00:00', 'sleep 1']] }) } } },
  { name: 'top-ps-args', argv: ['top', 'daemon_dave', 'aux'], opts: { client: { containerTop: async () => ({ Titles: ['USER', 'PID'], Processes: [['root', '1']] }) } } },
  { name: 'stats-no-stream', argv: ['stats', '--no-stream'], opts: { client: { containerList: async () => [DAVE], containerStats: async () => STATS_DAVE } } },
  { name: 'stats-missing', argv: ['stats', '--no-stream', 'nope'], opts: { client: { containerStats: gone('nope') } } },
  { name: 'stats-live', argv: ['stats', 'daemon_dave'], opts: { maxSleeps: 1, client: { containerStats: async () => STATS_DAVE } } },

  // attach / exec
  { name: 'attach-stopped', argv: ['attach', 'hungry_hopper'], opts: { client: { containerWait: () => waitFor(0),
    containerInspect: async () => inspectOf(HOPPER_ID, { running: false }) } } },
  { name: 'attach-paused', argv: ['attach', 'daemon_dave'], opts: { client: { containerWait: () => waitFor(0),
    containerInspect: async () => inspectOf(DAVE_ID, { paused: true }) } } },
  { name: 'attach-missing', argv: ['attach', 'nope'], opts: { client: { containerWait: gone('nope'), containerInspect: gone('nope') } } },
  { name: 'attach-output', argv: ['attach', 'daemon_dave'], opts: { client: { containerWait: () => waitFor(130),
    containerInspect: async () => inspectOf(DAVE_ID), containerAttach: async () => conn([frame(1, 'hello\nhello\n')]) } } },
  { name: 'attach-detach', argv: ['attach', 'daemon_dave'], opts: { tty: true, stdin: ['l', 's', '\x10', '\x11'], client: {
    containerWait: () => waitFor(0), containerInspect: async () => inspectOf(DAVE_ID, { tty: true, openStdin: true }),
    containerAttach: async () => conn(['root@a1b2c3d4e5f6:/# '], { block: true }), containerResize: ok } } },
  { name: 'attach-not-tty', argv: ['attach', 'daemon_dave'], opts: { client: { containerWait: () => waitFor(0),
    containerInspect: async () => inspectOf(DAVE_ID, { tty: true, openStdin: true }) } } },
  { name: 'exec-ok', argv: ['exec', '-e', 'A=1', '-w', '/tmp', '-u', 'nobody', 'daemon_dave', 'sh', '-c', 'echo hi; exit 2'], opts: { client: {
    containerInspect: async () => inspectOf(DAVE_ID), containerExecCreate: async () => ({ Id: 'e1' }),
    containerExecStart: async () => conn([frame(1, 'hi\n')]), containerExecInspect: async () => ({ ExitCode: 2, Running: false }) } } },
  { name: 'exec-it-not-tty', argv: ['exec', '-it', 'daemon_dave', 'bash'], opts: { client: { containerInspect: async () => inspectOf(DAVE_ID) } } },
  { name: 'exec-t-only', argv: ['exec', '-t', 'daemon_dave', 'ls'], opts: { client: {
    containerInspect: async () => inspectOf(DAVE_ID), containerExecCreate: async () => ({ Id: 'e2' }),
    containerExecStart: async () => conn(['bin  etc\r\n']), containerExecInspect: async () => ({ ExitCode: 0 }) } } },
  { name: 'exec-tty', argv: ['exec', '-it', 'daemon_dave', 'bash'], opts: { tty: true, stdin: ['exit\r', null], client: {
    containerInspect: async () => inspectOf(DAVE_ID), containerExecCreate: async () => ({ Id: 'e3' }),
    containerExecStart: async () => conn(['root@a1b2c3d4e5f6:/# ', 'exit\r\n']), containerExecResize: ok,
    containerExecInspect: async () => ({ ExitCode: 0 }) } } },
  { name: 'exec-detach', argv: ['exec', '-d', 'daemon_dave', 'touch', '/x'], opts: { client: {
    containerInspect: async () => inspectOf(DAVE_ID), containerExecCreate: async () => ({ Id: 'e4' }), containerExecStart: async () => null } } },
  { name: 'exec-stopped', argv: ['exec', 'hungry_hopper', 'ls'], opts: { client: {
    containerInspect: async () => inspectOf(HOPPER_ID, { running: false }),
    containerExecCreate: daemonErr(409, `container ${HOPPER_ID} is not running`) } } },
  { name: 'exec-missing', argv: ['exec', 'nope', 'ls'], opts: { client: { containerInspect: gone('nope') } } },

  // create / run
  { name: 'create-ok', argv: ['create', '--name', 'daemon_dave', 'ubuntu'], opts: { client: { containerCreate: createdDave } } },
  { name: 'create-pull', argv: ['create', 'ubuntu'], opts: { client: { containerCreate: firstMissing(), imagePull: () => messages(PULL_UBUNTU) } } },
  { name: 'run-detached', argv: ['run', '-d', '--name', 'daemon_dave', '-p', '8080:80', '-e', 'A=1', '-e', 'HOME', 'ubuntu', 'sh', '-c', 'while true; do echo hello; sleep 1; done'],
    opts: { env: { HOME: '/root' }, client: { containerCreate: createdDave, containerWait: () => waitFor(0), containerStart: ok } } },
  { name: 'run-pull', argv: ['run', '-d', 'ubuntu'], opts: { client: { containerCreate: firstMissing(), imagePull: () => messages(PULL_UBUNTU),
    containerWait: () => waitFor(0), containerStart: ok } } },
  { name: 'run-pull-denied', argv: ['run', 'nosuchthing'], opts: { client: { containerCreate: daemonErr(404, 'No such image: nosuchthing:latest'),
    imagePull: daemonErr(404, "pull access denied for nosuchthing, repository does not exist or may require 'docker login': denied: requested access to the resource is denied") } } },
  { name: 'run-name-conflict', argv: ['run', '--name', 'daemon_dave', 'ubuntu'], opts: { client: { containerCreate: daemonErr(409,
    `Conflict. The container name "/daemon_dave" is already in use by container "${DAVE_ID}". You have to remove (or rename) that container to be able to reuse that name.`) } } },
  { name: 'run-exec-not-found', argv: ['run', 'ubuntu', 'nope'], opts: { client: { containerCreate: createdDave,
    containerAttach: async () => conn([]), containerWait: () => waitFor(127),
    containerStart: daemonErr(400, 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nope": executable file not found in $PATH: unknown') } } },
  { name: 'run-permission', argv: ['run', 'ubuntu', '/etc'], opts: { client: { containerCreate: createdDave,
    containerAttach: async () => conn([]), containerWait: () => waitFor(126),
    containerStart: daemonErr(400, 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/etc": permission denied: unknown') } } },
  { name: 'run-output', argv: ['run', '--rm', 'ubuntu', 'sh', '-c', 'echo out; echo err >&2; exit 3'], opts: { client: { containerCreate: createdDave,
    containerAttach: async () => conn([frame(1, 'out\n'), frame(2, 'err\n')]), containerWait: () => waitFor(3), containerStart: ok } } },
  { name: 'run-it', argv: ['run', '-it', 'ubuntu', 'bash'], opts: { tty: true, stdin: ['e', 'x', 'it\r'], client: { containerCreate: createdDave,
    containerAttach: async () => conn(['root@a1b2c3d4e5f6:/# ', 'exit\r\n']), containerWait: () => waitFor(0), containerStart: ok, containerResize: ok } } },
  { name: 'run-it-detach', argv: ['run', '-it', '--detach-keys', 'ctrl-a,d', 'ubuntu'], opts: { tty: true, stdin: ['\x01', 'x', '\x01', 'd'], client: {
    containerCreate: createdDave, containerAttach: async () => conn(['root@a1b2c3d4e5f6:/# '], { block: true }),
    containerWait: async () => ({ result: () => new Promise(() => undefined) }), containerStart: ok, containerResize: ok } } },
  { name: 'run-signal-proxy', argv: ['run', 'ubuntu', 'sleep', '100'], opts: { signals: ['SIGINT'], client: { containerCreate: createdDave,
    containerAttach: async () => conn([]), containerWait: () => waitFor(130), containerStart: ok, containerKill: ok } } },

  // main
  { name: 'main-unsimulated', argv: ['plugin', 'ls'], opts: {} },
  { name: 'main-unsimulated-flag', argv: ['run', '-d', '--cidfile', '/tmp/id', 'ubuntu'], opts: { client: { containerCreate: createdDave,
    containerWait: () => waitFor(0), containerStart: ok } } },
  { name: 'run-privileged', argv: ['run', '-d', '--privileged', '--add-host', 'db=10.0.0.5', '--dns', '1.1.1.1', 'ubuntu'],
    opts: { client: { containerCreate: createdDave, containerWait: () => waitFor(0), containerStart: ok } } },
];

function chunks(list: string[]): () => Promise<string | null> {
  const q = [...list];
  return async () => q.shift() ?? null;
}

function firstMissing(): () => Promise<{ Id: string; Warnings: string[] }> {
  let n = 0;
  return async () => {
    if (n++ === 0) throw new FakeDaemonError(404, 'No such image: ubuntu:latest');
    return { Id: DAVE_ID, Warnings: [] };
  };
}

describe('docker commands against a fake daemon (golden transcripts)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const r = await runDocker(c.argv, c.opts);
      matchGolden(c.name, transcript(c.argv, r));
      // Where the real client was run against the same fixtures, its words are the authority.
      const real = fixtureCase(c.name);
      if (real) {
        expect(real.argv).toEqual(c.argv);
        expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout: real.stdout, stderr: real.stderr, exit: String(real.exit) });
      }
    });
  }

  it('every capture of the real client against the fixtures belongs to a case', () => {
    expect(fixtureNames().filter((n) => !CASES.some((c) => c.name === n))).toEqual([]);
  });
});
