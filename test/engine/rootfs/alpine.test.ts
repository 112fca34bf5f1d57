import { describe, expect, it } from 'vitest';
import { ALPINE_BUSYBOX_LINKS, alpineTree } from '../../../src/engine/rootfs/alpine.js';
import { executables, modeOf, orphanEntries, programAt, text } from './tree-check.js';

const t = alpineTree();

describe('alpine:3.21', () => {
  it('has the exact os-release and alpine-release', () => {
    expect(text(t, '/etc/os-release')).toBe(
      'NAME="Alpine Linux"\n' +
        'ID=alpine\n' +
        'VERSION_ID=3.21.3\n' +
        'PRETTY_NAME="Alpine Linux v3.21"\n' +
        'HOME_URL="https://alpinelinux.org/"\n' +
        'BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
    );
    expect(text(t, '/etc/alpine-release')).toBe('3.21.3\n');
  });

  it('links applets to /bin/busybox in alpine’s directories', () => {
    expect(t['/bin/sh']).toMatchObject({ type: 'symlink', target: '/bin/busybox' });
    expect(programAt(t, '/bin/sh')).toBe('busybox');
    expect(t['/usr/bin/env']).toMatchObject({ type: 'symlink', target: '/bin/busybox' });
    expect(t['/sbin/ip']).toMatchObject({ type: 'symlink', target: '/bin/busybox' });
    expect(t['/usr/sbin/adduser']).toMatchObject({ type: 'symlink', target: '/bin/busybox' });
    const all = Object.values(ALPINE_BUSYBOX_LINKS).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const [dir, applets] of Object.entries(ALPINE_BUSYBOX_LINKS)) {
      for (const a of applets) expect(programAt(t, `${dir}/${a}`), `${dir}/${a}`).toBe('busybox');
    }
  });

  it('has apk and the musl loader', () => {
    expect(programAt(t, '/sbin/apk')).toBe('apk');
    expect(t['/lib/ld-musl-x86_64.so.1']?.type).toBe('file');
    expect(t['/lib/libc.musl-x86_64.so.1']).toMatchObject({ type: 'symlink', target: 'ld-musl-x86_64.so.1' });
    expect(text(t, '/lib/apk/db/installed')).toContain('P:busybox\nV:1.37.0-r12\n');
    expect(text(t, '/etc/apk/repositories')).toBe(
      'https://dl-cdn.alpinelinux.org/alpine/v3.21/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.21/community\n',
    );
  });

  it('has alpine’s default accounts', () => {
    const passwd = text(t, '/etc/passwd').split('\n');
    expect(passwd[0]).toBe('root:x:0:0:root:/root:/bin/sh');
    expect(passwd).toContain('nobody:x:65534:65534:nobody:/:/sbin/nologin');
    expect(passwd).toContain('guest:x:405:100:guest:/dev/null:/sbin/nologin');
    expect(passwd.length).toBe(18);
    expect(text(t, '/etc/group').split('\n')).toContain('wheel:x:10:root');
    expect(text(t, '/etc/shadow').split('\n')[0]).toBe('root:*::0:::::');
    expect(text(t, '/etc/shells')).toBe('# valid login shells\n/bin/sh\n/bin/ash\n');
    expect(text(t, '/etc/profile')).toContain("\tPS1='\\h:\\w\\$ '\n");
  });

  it('is well formed, with the usual modes', () => {
    expect(orphanEntries(t)).toEqual([]);
    expect(modeOf(t, '/tmp')).toBe(0o1777);
    expect(modeOf(t, '/root')).toBe(0o700);
    expect(Object.keys(t).length).toBeLessThan(600);
    for (const [path, prog] of executables(t)) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      expect(prog, path).toBe(name === 'ldconfig' ? 'script:/bin/sh' : name);
    }
  });
});
