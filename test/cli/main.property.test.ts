/**
 * Whatever is typed and whatever the daemon answers, `docker` ends with an exit status and text: main()
 * never throws (except the process being killed), and no JavaScript error text leaks into the output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/cli/client.js';
import { main } from '../../src/cli/main.js';
import { isProcessEnd } from '../../src/engine/kernel/process.js';
import { connectionError, conn, fake, FakeDaemonError, frame, messages, waitFor } from './fake.js';
import { DAVE, HOPPER, IMAGES, INFO, inspectOf, PULL_UBUNTU, SERVER_VERSION, STATS_DAVE, WEB, DAVE_ID } from './fixtures.js';

const WORDS = ['run', 'create', 'start', 'stop', 'kill', 'restart', 'pause', 'unpause', 'rm', 'ps', 'logs', 'attach',
  'exec', 'inspect', 'top', 'stats', 'wait', 'rename', 'diff', 'images', 'pull', 'rmi', 'search', 'version', 'info',
  'container', 'image', 'ls', 'build', '-a', '-q', '-d', '-i', '-t', '-it', '-f', '-n', '-l', '-s', '-e', '-p', '-v', '-w',
  '-u', '--rm', '--name', '--format', '--filter', '--no-trunc', '--no-stream', '--tail', '--since', '--until',
  '--detach-keys', '--pull', '--restart', '--signal', '--time', '--type', '-H', 'ubuntu', 'Ubuntu', 'daemon_dave',
  'nope', '/', '', 'json', 'table {{.ID}}', '{{.Names', '{{json .}}', 'status=exited', 'x=y', '8080:80', '80:80/xyz',
  'A=1', '42m', 'yesterday', 'always', 'sometimes', 'ctrl-p,ctrl-q', 'bash', 'sh', '-c', 'echo hi', '--', '--help'];

type Outcome = 'ok' | 'missing' | 'conflict' | 'down';

function client(outcome: Outcome): Partial<ApiClient> {
  const fail = async (): Promise<never> => {
    if (outcome === 'missing') throw new FakeDaemonError(404, 'No such container: nope');
    if (outcome === 'conflict') throw new FakeDaemonError(409, 'Conflict. something is in the way');
    throw connectionError();
  };
  const or = <T>(v: () => Promise<T>): (() => Promise<T>) => (outcome === 'ok' ? v : fail);
  return {
    serverVersion: or(async () => SERVER_VERSION),
    info: or(async () => INFO),
    containerList: or(async () => [HOPPER, WEB, DAVE]),
    containerCreate: or(async () => ({ Id: DAVE_ID, Warnings: [] })),
    containerStart: or(async () => undefined),
    containerAttach: or(async () => conn([frame(1, 'out\n'), frame(2, 'err\n')])),
    containerWait: outcome === 'ok' ? () => waitFor(0) : fail,
    containerLogs: or(async () => {
      const q = [frame(1, 'log\n')];
      return { next: async () => q.shift() ?? null, close: () => undefined };
    }),
    containerInspect: or(async () => inspectOf(DAVE_ID)),
    containerStop: or(async () => undefined),
    containerRestart: or(async () => undefined),
    containerKill: or(async () => undefined),
    containerPause: or(async () => undefined),
    containerUnpause: or(async () => undefined),
    containerRemove: or(async () => undefined),
    containerRename: or(async () => undefined),
    containerTop: or(async () => ({ Titles: ['PID', 'CMD'], Processes: [['1', 'sh']] })),
    containerStats: or(async () => STATS_DAVE),
    containerDiff: or(async () => [{ Path: '/etc', Kind: 0 }]),
    containerResize: or(async () => undefined),
    containerExecCreate: or(async () => ({ Id: 'e1' })),
    containerExecStart: or(async () => conn([frame(1, 'hi\n')])),
    containerExecInspect: or(async () => ({ ExitCode: 0 })),
    containerExecResize: or(async () => undefined),
    imageList: or(async () => IMAGES),
    imagePull: outcome === 'ok' ? () => messages(PULL_UBUNTU) : fail,
    imageInspect: or(async () => ({ value: { Id: 'sha256:bf3d' } })),
    imageRemove: or(async () => [{ Untagged: 'ubuntu:latest' }]),
    imageSearch: or(async () => [{ name: 'ubuntu', description: 'Ubuntu', star_count: 1, is_official: true }]),
  };
}

describe('main() with random argv and daemon answers', () => {
  let reached = 0;
  it('always returns an exit status in 0..255 and never leaks a JavaScript error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.constantFrom(...WORDS.slice(0, 25)), fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 8 }))
          .map(([cmd, rest]) => [cmd, ...rest]),
        fc.constantFrom<Outcome>('ok', 'missing', 'conflict', 'down'),
        fc.boolean(),
        async (argv, outcome, tty) => {
          const f = fake({ client: client(outcome), tty, stdin: ['x', null], maxSleeps: 2 });
          let code: number;
          try {
            code = await main(f.cli, argv);
          } catch (e) {
            if (isProcessEnd(e)) return; // live `docker stats` ended by Ctrl-C
            throw e;
          }
          expect(Number.isInteger(code) && code >= 0 && code <= 255).toBe(true);
          if (f.calls.length > 1) reached++;
          const text = f.stdout() + f.stderr();
          expect(text).not.toMatch(/TypeError|ReferenceError|is not a function|Cannot read properties|unexpected client call/);
        },
      ),
      { numRuns: 400, seed: 20240102 },
    );
    // Most random command lines are usage errors; enough must get as far as the daemon to mean something.
    expect(reached).toBeGreaterThan(80);
  });
});
