/** `dockersim/node`'s run(): `npm run sim` as an API (src/node/api.ts). */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/node/api.js';

const SUDO_HINT = 'To run a command as administrator (user "root"), use "sudo <command>".\nSee "man sudo_root" for details.\n\n';

describe('run', () => {
  it('types each line as a learner would and returns what the terminal shows', async () => {
    const r = await run(['docker run --name hi busybox echo hello', 'docker ps -a --format "{{.Names}} {{.Command}}"']);
    expect(r.output).toBe(
      SUDO_HINT +
        "Unable to find image 'busybox:latest' locally\n" +
        'latest: Pulling from library/busybox\n' +
        'f04858fee143: Pull complete \n' +
        'Digest: sha256:56d83aff3aedf06d0fc3f0fbfcc9f676df54d97621be6447498debf368543ec4\n' +
        'Status: Downloaded newer image for busybox:latest\n' +
        'hello\n' +
        'hi "echo hello"\n',
    );
    expect(r.faults).toEqual([]);
    // The first run loads (and vitest transforms) the Docker half: slow on a loaded machine.
  }, 90000);

  it('takes a script, the transcript option and the user of the book (not in group docker)', async () => {
    const r = await run('docker ps\nsleep 5; echo $((6*7))\n', { user: 'sudo', transcript: true, tickMs: 10000 });
    expect(r.output).toBe(
      SUDO_HINT +
        'user@dockersim:~$ docker ps\n' +
        'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.50/containers/json": dial unix /var/run/docker.sock: connect: permission denied\n' +
        'user@dockersim:~$ sleep 5; echo $((6*7))\n' +
        '42\n' +
        'user@dockersim:~$ ',
    );
    // `sleep 5` took five seconds of virtual time, none of real time.
    expect(r.virtualMs).toBeGreaterThanOrEqual(5000);
  });

  it('gives the same text for the same seed and lines', async () => {
    const lines = ['docker run -d busybox sleep 60', 'docker ps --format "{{.ID}} {{.Names}}"', 'echo $RANDOM'];
    const a = await run(lines, { seed: 3 });
    expect((await run(lines, { seed: 3 })).output).toBe(a.output);
    expect((await run(lines, { seed: 4 })).output).not.toBe(a.output);
  });

  it('refuses options it cannot honour', async () => {
    await expect(run([], { cols: 0 })).rejects.toThrow('dockersim: cols must be a whole number ≥ 20, got 0');
    await expect(run([], { seed: 1.5 })).rejects.toThrow(RangeError);
  });
});
