import { describe, expect, it } from 'vitest';
import { BUSYBOX_APPLETS, busyboxTree } from '../../../src/engine/rootfs/busybox.js';
import { executables, modeOf, orphanEntries, programAt, text } from './tree-check.js';

const t = busyboxTree();

describe('busybox:1.37', () => {
  it('lists the applets sorted, unique, with the image-specific ones', () => {
    expect([...BUSYBOX_APPLETS].sort()).toEqual(BUSYBOX_APPLETS);
    expect(new Set(BUSYBOX_APPLETS).size).toBe(BUSYBOX_APPLETS.length);
    expect(BUSYBOX_APPLETS.length).toBe(406);
    for (const a of ['[', '[[', 'ar', 'inotifyd', 'getfattr', 'sha384sum', 'sh', 'ash', 'ls', 'ps', 'httpd', 'wget', 'nc', 'vi']) {
      expect(BUSYBOX_APPLETS, a).toContain(a);
    }
    expect(BUSYBOX_APPLETS).not.toContain('bash');
    expect(BUSYBOX_APPLETS).not.toContain('getconf');
  });

  it('installs every applet in /bin as a copy of the multi-call binary', () => {
    expect(programAt(t, '/bin/busybox')).toBe('busybox');
    for (const a of BUSYBOX_APPLETS) expect(programAt(t, `/bin/${a}`), a).toBe('busybox');
    expect(programAt(t, '/bin/getconf')).toBe('getconf');
    expect(t['/usr/bin/env']).toMatchObject({ type: 'symlink', target: '../../bin/env' });
    expect(programAt(t, '/usr/bin/env')).toBe('busybox');
    for (const [path, prog] of executables(t)) expect(prog, path).toBe(path === '/bin/getconf' ? 'getconf' : 'busybox');
  });

  it('has buildroot’s account files with root locked', () => {
    expect(text(t, '/etc/passwd')).toBe(
      'root:x:0:0:root:/root:/bin/sh\n' +
        'daemon:x:1:1:daemon:/usr/sbin:/bin/false\n' +
        'bin:x:2:2:bin:/bin:/bin/false\n' +
        'sys:x:3:3:sys:/dev:/bin/false\n' +
        'sync:x:4:100:sync:/bin:/bin/sync\n' +
        'mail:x:8:8:mail:/var/spool/mail:/bin/false\n' +
        'www-data:x:33:33:www-data:/var/www:/bin/false\n' +
        'operator:x:37:37:Operator:/var:/bin/false\n' +
        'nobody:x:65534:65534:nobody:/home:/bin/false\n',
    );
    expect(text(t, '/etc/group').split('\n')).toContain('wheel:x:10:root');
    expect(text(t, '/etc/shadow').split('\n')[0]).toBe('root:*:10933:0:99999:7:::');
    expect(modeOf(t, '/etc/shadow')).toBe(0o600);
  });

  it('has the real layout: no os-release, /home owned by nobody, lib64 → lib', () => {
    expect(t['/etc/os-release']).toBeUndefined();
    expect(t['/usr/lib/os-release']).toBeUndefined();
    expect(modeOf(t, '/tmp')).toBe(0o1777);
    expect(modeOf(t, '/root')).toBe(0o700);
    expect(t['/home']).toMatchObject({ type: 'dir', uid: 65534, gid: 65534 });
    expect(t['/var/www']).toMatchObject({ type: 'dir', uid: 33, gid: 33 });
    expect(t['/lib64']).toMatchObject({ type: 'symlink', target: 'lib' });
    expect(t['/etc/localtime']?.type).toBe('file');
  });

  it('is well formed and small', () => {
    expect(orphanEntries(t)).toEqual([]);
    expect(Object.keys(t).length).toBeLessThan(500);
  });
});
