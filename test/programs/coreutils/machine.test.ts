/** The programs on the real host filesystem (Machine.boot), run directly rather than through the shell. */
import { describe, expect, it } from 'vitest';
import type { Program } from '../../../src/engine/kernel/sys.js';
import { Machine } from '../../../src/machine/machine.js';

async function onHost(m: Machine, argv: string[]): Promise<{ out: string; status: number }> {
  const k = m.kernel;
  let out = '';
  let status = -1;
  const runner: Program = async (sys) => {
    const [r, w] = sys.pipe();
    const pid = sys.spawn({
      path: `/usr/bin/${argv[0]}`,
      argv,
      fds: { 1: w, 2: w },
      cwd: '/home/user',
      cred: { uid: 1000, gid: 1000, groups: [1000, 4, 27] },
      env: { PATH: '/usr/bin:/bin', HOME: '/home/user' },
    });
    sys.close(w);
    for (let c = await sys.read(r); c !== null; c = await sys.read(r)) out += c;
    status = (await sys.wait(pid))!.status;
    return 0;
  };
  k.spawn(k.hostPidNs.init!, { program: runner, argv: ['runner'], fds: {} });
  await m.run({ until: k.now() + 60000, stop: () => status !== -1 });
  if (k.faults.length) throw k.faults[0].error;
  return { out, status };
}

describe('coreutils on the booted host', () => {
  it('lists the home directory and the root', async () => {
    const m = Machine.boot();
    const home = await onHost(m, ['ls', '-la']);
    expect(home.status).toBe(0);
    expect(home.out).toMatch(/^total \d+\ndrwxr-x--- \d+ user user 4096 \w{3} [ \d]\d +[\d:]+ \.\n/);
    expect(home.out).toMatch(/\n-rw-r--r-- 1 user user +\d+ .* \.bashrc\n/);
    const root = await onHost(m, ['ls', '-l', '/']);
    expect(root.out).toMatch(/\nlrwxrwxrwx +1 root root +7 .* bin -> usr\/bin\n/);
    expect(root.out).toMatch(/\ndrwxrwxrwt +\d+ root root +\d+ .* tmp\n/);
  });

  it('refuses what a normal user may not do, file by file', async () => {
    const m = Machine.boot();
    expect(await onHost(m, ['mkdir', '/x'])).toEqual({ out: "mkdir: cannot create directory '/x': Permission denied\n", status: 1 });
    const rm = await onHost(m, ['rm', '-rf', '/etc/hostname', '/etc/hosts']);
    expect(rm).toEqual({
      out: "rm: cannot remove '/etc/hostname': Permission denied\nrm: cannot remove '/etc/hosts': Permission denied\n",
      status: 1,
    });
  });

  it('reads system files and procfs', async () => {
    const m = Machine.boot();
    expect((await onHost(m, ['head', '-n', '1', '/etc/os-release'])).out).toMatch(/^PRETTY_NAME="Ubuntu 24\.04/);
    expect((await onHost(m, ['id'])).out).toBe('uid=1000(user) gid=1000(user) groups=1000(user),4(adm),27(sudo)\n');
    expect((await onHost(m, ['df'])).out.split('\n')[0]).toBe('Filesystem     1K-blocks  Used Available Use% Mounted on');
    expect((await onHost(m, ['readlink', '/proc/self/exe'])).out).toBe('/usr/bin/readlink\n');
  });
});
