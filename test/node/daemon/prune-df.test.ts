/**
 * `ps -s`, `inspect -s`, `system df` (and `-v`, `--format`) and `container prune` through the real docker CLI
 * 28.2.2 against the HTTP daemon, byte for byte against the in-sim CLI. State-changing commands (prune) run
 * on two hosts with the same seed and history: the real CLI on A, the in-sim CLI on B.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveDockerCli, realDockerRun, type Result, sameOnDaemon, simDockerRun, testDaemon, type TestDaemon, twinDaemons } from './helpers.js';

const HAVE_DOCKER = await haveDockerCli();
let a: TestDaemon;
let b: TestDaemon;

describe.skipIf(!HAVE_DOCKER)('sizes, system df and container prune through the real docker CLI', () => {
  beforeAll(async () => {
    [a, b] = await twinDaemons(5, 120_000);
    const setup = [
      ['run', '--name', 'wrote', 'busybox', 'sh', '-c', 'echo hello > /greeting'],
      ['run', '-d', '--name', 'web', '--label', 'keep=yes', 'ubuntu', 'sleep', '1000'],
      ['create', '--name', 'fresh', '--label', 'keep=yes', 'busybox', 'true'],
      ['pull', 'alpine'],
    ];
    for (const host of [a.host, b.host]) {
      for (const args of setup) expect((await simDockerRun(host, args, { drive: true, stepMs: 1000 })).code).toBe(0);
    }
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const same = (args: string[]): Promise<Result> => sameOnDaemon(a, args);

  it('ps -s and inspect -s report the RW layer and the image', async () => {
    const ps = await same(['ps', '-a', '-s', '--format', '{{.Names}} {{.Size}}']);
    expect(ps.stdout).toBe('fresh 0B (virtual 4.27MB)\nweb 0B (virtual 78.1MB)\nwrote 6B (virtual 4.27MB)\n');
    const inspect = await same(['inspect', '-s', '--format', '{{.SizeRw}} {{.SizeRootFs}}', 'wrote']);
    expect(inspect.stdout).toMatch(/^6 4\d{6}\n$/);
    expect((await same(['container', 'inspect', '--size', 'wrote'])).stdout).toContain('"SizeRw": 6,\n');
    expect((await same(['inspect', 'wrote'])).stdout).not.toContain('SizeRw');
    // ContainerContext marshals itself with json.Marshal: `>` comes out as \u003e, and Platform is there.
    const json = (await same(['ps', '-a', '--format', 'json'])).stdout;
    expect(json).toContain('"Command":"\\"sh -c \'echo hello \\u003e…\\""');
    expect(json).toContain('"Platform":null');
  });

  it('top with ps options runs the host ps and keeps the container\'s lines', async () => {
    expect((await same(['top', 'web', '-o', 'pid,comm'])).stdout).toMatch(/^PID +COMMAND\n\d+ +sleep\n$/);
    expect((await same(['top', 'web', 'aux'])).stdout).toMatch(/^USER +PID +%CPU +%MEM +VSZ +RSS +TTY +STAT +START +TIME +COMMAND\nroot +\d+ .* sleep 1000\n$/);
    await same(['top', 'web']);
    expect((await same(['top', 'web', '-o', 'bogus'])).stderr).toBe('Error response from daemon: ps: error: unknown user-defined format specifier "bogus"\n');
    expect((await same(['top', 'web', '-o', 'user=PID'])).stderr).toBe('Error response from daemon: specifying "user=PID" is not allowed\n');
    expect((await same(['top', 'web', '-o', 'comm'])).stderr).toBe("Error response from daemon: Couldn't find PID field in ps output\n");
  });

  it('system df, -v, and its formats print the same', async () => {
    const df = await same(['system', 'df']);
    expect(df.stdout).toBe([
      'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE',
      'Images          3         2         90.2MB    7.83MB (8%)',
      'Containers      3         1         6B        6B (100%)',
      'Local Volumes   0         0         0B        0B',
      'Build Cache     0         0         0B        0B',
      '',
    ].join('\n'));
    const v = await same(['system', 'df', '-v']);
    expect(v.stdout).toMatch(/^Images space usage:\n\nREPOSITORY +TAG +IMAGE ID +CREATED +SIZE +SHARED SIZE +UNIQUE SIZE +CONTAINERS\n/);
    await same(['system', 'df', '--format', 'json']);
    await same(['system', 'df', '--format', '{{.Type}}: {{.Size}}']);
    await same(['system', 'df', '-v', '--format', 'json']);
  });

  it('container prune asks, and -f removes every stopped container the filters pass', async () => {
    // Without a terminal the prompt reads end of input: a no, and nothing happens.
    const asked = await same(['container', 'prune']);
    expect(asked).toEqual({ stdout: 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ', stderr: '', code: 0 });
    const bad = await same(['container', 'prune', '-f', '--filter', 'colour=red']);
    expect(bad).toEqual({ stdout: '', stderr: "Error response from daemon: invalid filter 'colour'\n", code: 1 });
    const across = async (args: string[]): Promise<Result> => {
      const real = await realDockerRun(a, args);
      expect(real, `docker ${args.join(' ')}`).toEqual(await simDockerRun(b.host, args));
      return real;
    };
    const first = await across(['container', 'prune', '-f', '--filter', 'label!=keep']);
    expect(first.stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 6B\n$/);
    const again = await across(['container', 'prune', '-f']);
    expect(again.stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
    expect((await across(['container', 'prune', '-f'])).stdout).toBe('Total reclaimed space: 0B\n');
    expect((await same(['ps', '-a', '--format', '{{.Names}}'])).stdout).toBe('web\n');
  });
});

describe.skipIf(!HAVE_DOCKER)('system prune through the real docker CLI', () => {
  let c: TestDaemon;
  let d: TestDaemon;

  beforeAll(async () => {
    const bootEpochMs = Date.now() - 60_000;
    c = await testDaemon({ clock: { kind: 'manual' }, seed: 9, bootEpochMs });
    d = await testDaemon({ clock: { kind: 'manual' }, seed: 9, bootEpochMs });
    const setup = [['run', '--name', 'gone', 'busybox', 'true'], ['run', '-d', '--name', 'web', 'ubuntu', 'sleep', '1000'], ['pull', 'alpine']];
    for (const host of [c.host, d.host]) {
      for (const args of setup) expect((await simDockerRun(host, args, { drive: true, stepMs: 1000 })).code).toBe(0);
    }
  });

  afterAll(async () => {
    await c?.close();
    await d?.close();
  });

  const across = async (args: string[]): Promise<Result> => {
    const real = await realDockerRun(c, args);
    expect(real, `docker ${args.join(' ')}`).toEqual(await simDockerRun(d.host, args));
    return real;
  };

  it('asks with the list of what goes (filters included), refuses what docker refuses, and prunes', async () => {
    const asked = await across(['system', 'prune', '--filter', 'label=a=b', '--filter', 'until=1h']);
    expect(asked.stdout).toBe('WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n' +
      '  - all dangling images\n  - unused build cache\n\n  Items to be pruned will be filtered with:\n  - label=a=b\n  - until=1h\n\n' +
      'Are you sure you want to continue? [y/N] ');
    await across(['system', 'prune', '-a', '--volumes']);
    expect((await across(['system', 'prune', '--volumes', '--filter', 'until=1h'])).stderr).toBe('ERROR: The "until" filter is not supported with "--volumes"\n');
    expect((await across(['system', 'prune', '-f', '--filter', 'bogus=1'])).stderr).toBe("Error response from daemon: invalid filter 'bogus'\n");
    const pruned = await across(['system', 'prune', '-f']);
    expect(pruned.stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
    const all = await across(['system', 'prune', '-a', '-f', '--volumes']);
    expect(all.stdout).toContain('Deleted Images:\nuntagged: alpine:latest\nuntagged: alpine@sha256:');
    expect(all.stdout).toMatch(/\nTotal reclaimed space: 12\.1MB\n$/);
    expect((await across(['images', '--format', '{{.Repository}}'])).stdout).toBe('ubuntu\n');
  });

  it('pulls by digest (the CLI sends the digest as the tag)', async () => {
    const digest = 'busybox@sha256:56d83aff3aedf06d0fc3f0fbfcc9f676df54d97621be6447498debf368543ec4';
    const real = await realDockerRun(c, ['pull', digest], { drive: true, stepMs: 1000 });
    expect(real).toEqual(await simDockerRun(d.host, ['pull', digest], { drive: true, stepMs: 1000 }));
    expect(real.stdout).toMatch(/^sha256:56d83aff\w+: Pulling from library\/busybox\n/);
    expect(real.stdout).toContain(`Status: Downloaded newer image for ${digest}\ndocker.io/library/${digest}\n`);
    expect((await across(['images', '--digests', '--format', '{{.Repository}} {{.Tag}} {{.Digest}}', 'busybox'])).stdout)
      .toBe(`busybox <none> ${digest.slice(8)}\n`);
  });
});
