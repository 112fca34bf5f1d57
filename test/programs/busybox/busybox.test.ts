import { describe, expect, it } from 'vitest';
import { binaryContent } from '../../../src/engine/kernel/binfmt.js';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import type { Program } from '../../../src/engine/kernel/sys.js';
import { appletList, makeBusybox } from '../../../src/programs/busybox/dispatch.js';
import { host, ROOT, run, type Host } from '../system/harness.js';

const shellCalls: string[] = [];
const fakeShell = async (_sys: unknown, o: { flavor: string; argv: readonly string[] }): Promise<number> => {
  shellCalls.push(`${o.flavor} ${o.argv.join(' ')}`);
  return 0;
};

/** The harness host with /bin/busybox and a few applet links, as the busybox image has them. */
function bbHost(): Host {
  const h = host({
    '/bin/busybox': { type: 'file', content: binaryContent('busybox'), mode: 0o755 },
    '/bin/ls': { type: 'symlink', target: '/bin/busybox' },
    '/bin/cat': { type: 'symlink', target: '/bin/busybox' },
    '/bin/sh': { type: 'symlink', target: '/bin/busybox' },
    '/bin/ps': { type: 'symlink', target: '/bin/busybox' },
    '/bin/vi': { type: 'symlink', target: '/bin/busybox' },
    '/bin/id': { type: 'symlink', target: '/bin/busybox' },
    '/data/b.txt': { type: 'file', content: 'hello\n', mode: 0o644, mtimeMs: Date.UTC(2026, 10, 28, 8, 30) },
    '/data/a.txt': { type: 'file', content: '', mode: 0o600, uid: 1000, gid: 1000, mtimeMs: Date.UTC(2025, 0, 5, 8, 30) },
    '/data/.hidden': { type: 'file', content: 'x' },
    '/data/Zeta': { type: 'dir', mtimeMs: Date.UTC(2026, 10, 28, 8, 31) },
  });
  (h.k.programs as Map<string, Program>).set('busybox', makeBusybox(fakeShell));
  return h;
}

describe('busybox', () => {
  it('alone prints the banner, usage and the applet list', async () => {
    const r = await run(bbHost(), ['/bin/busybox']);
    expect(r.out.startsWith('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\nBusyBox is copyrighted')).toBe(true);
    expect(r.out).toContain('Currently defined functions:\n\t[, [[, acpid, add-shell, addgroup, adduser, adjtimex, ar, arch, arp,\n\tarping, ascii, ash,');
    expect(r.status).toBe(0);
  });

  it('wraps the applet list under 80 columns', () => {
    for (const line of appletList().split('\n')) expect(line.replace('\t', '        ').length).toBeLessThan(80);
  });

  it('dispatches on argv[0] or argv[1]; unknown and unsimulated applets say so', async () => {
    const h = bbHost();
    expect((await run(h, ['/bin/cat', '/data/b.txt'])).out).toBe('hello\n');
    expect((await run(h, ['/bin/busybox', 'cat', '/nope'])).out).toBe("cat: can't open '/nope': No such file or directory\n");
    expect(await run(h, ['/bin/busybox', 'frobnicate'])).toEqual({ out: 'frobnicate: applet not found\n', status: 127 });
    expect(await run(h, ['/bin/busybox', 'vlock'])).toEqual({ out: "busybox: applet 'vlock' is not simulated in dockersim\n", status: 127 });
  });

  it('an applet run as `busybox APPLET` that execs starts the program with its own argv', async () => {
    // The argv view once outlived exec: `busybox env busybox true` ran env again, forever.
    expect(await run(bbHost(), ['/bin/busybox', 'env', '/bin/busybox', 'echo', 'hi'])).toEqual({ out: 'hi\n', status: 0 });
  });

  it('sh and ash run the shell as ash', async () => {
    shellCalls.length = 0;
    await run(bbHost(), ['/bin/sh', '-c', 'echo hi']);
    expect(shellCalls).toEqual(['ash /bin/sh -c echo hi']);
  });

  it('ps in busybox format', async () => {
    const r = await run(bbHost(), ['/bin/ps'], { cred: ROOT });
    expect(r.out).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 /sbin/init\n    2 root      0:00 /bin/ps\n');
  });

  it('id', async () => {
    const r = await run(bbHost(), ['/bin/id']);
    expect(r.out).toBe('uid=1000(user) gid=1000(user) groups=1000(user),4(adm),27(sudo)\n');
  });

  it('id: an id with no passwd or group entry is a bare number; by name it is an error', async () => {
    const h = bbHost();
    const nobody = { uid: 4242, gid: 0, groups: [0] };
    expect((await run(h, ['/bin/id'], { cred: nobody })).out).toBe('uid=4242 gid=0(root) groups=0(root)\n');
    expect((await run(h, ['/bin/id'], { cred: { uid: 4242, gid: 4343, groups: [4343] } })).out).toBe('uid=4242 gid=4343 groups=4343\n');
    const un = await run(h, ['/bin/id', '-un'], { cred: nobody });
    // stderr first: busybox's stdout is buffered until exit.
    expect([un.out, un.status]).toEqual(['id: unknown ID 4242\n4242\n', 1]);
    const u = await run(h, ['/bin/id', '-u'], { cred: nobody });
    expect([u.out, u.status]).toEqual(['4242\n', 0]);
    expect((await run(h, ['/bin/id', '-Gn'], { cred: nobody })).out).toBe('root\n');
  });

  it('ls: strcmp order, one a line when piped, busybox -l columns, errors', async () => {
    const h = bbHost();
    expect((await run(h, ['/bin/ls', '/data'], { cols: 80 })).out).toBe('Zeta   a.txt  b.txt\n');
    expect((await run(h, ['/bin/ls', '-la', '/data'])).out).toBe(
      'total 20\n' +
        'drwxr-xr-x    3 root     root          4096 Jan  1  1970 .\n' +
        'drwxr-xr-x   10 root     root          4096 Jan  1  1970 ..\n' +
        '-rw-r--r--    1 root     root             1 Jan  1  1970 .hidden\n' +
        'drwxr-xr-x    2 root     root          4096 Nov 28 08:31 Zeta\n' +
        '-rw-------    1 user     user             0 Jan  5  2025 a.txt\n' +
        '-rw-r--r--    1 root     root             6 Nov 28 08:30 b.txt\n',
    );
    expect((await run(h, ['/bin/busybox', 'ls', '/data/b.txt', '/nope'])).out).toBe('ls: /nope: No such file or directory\n/data/b.txt\n');
    // -p marks directories, -F every type: they were taken and ignored (docker-py's put_archive test lists with -p).
    expect((await run(h, ['/bin/ls', '-p', '/data'])).out).toBe('Zeta/  a.txt  b.txt\n');
    expect((await run(h, ['/bin/ls', '-F', '/'])).out).toMatch(/^bin\/ +data\//);
  });
});
