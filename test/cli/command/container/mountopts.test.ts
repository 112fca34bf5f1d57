/**
 * The volume flags' request fields, against what the real docker 28.2.2 client sent for
 * `docker create -v website:/a -v /h:/b:ro -v ./rel:/c -v /anon --mount type=bind,src=/x,dst=/y,readonly
 *  --mount type=tmpfs,dst=/t,tmpfs-size=64m,tmpfs-mode=1770 --mount type=volume,src=v2,dst=/v,volume-opt=type=tmpfs,volume-nocopy
 *  --tmpfs /run:size=1m --volumes-from abc:ro busybox` run in /work/main (captured from a logging HTTP server).
 */
import { describe, expect, it } from 'vitest';
import { mountError, mountOptions, parseMount } from '../../../../src/cli/command/container/mountopts.js';

const flags = (m: Record<string, string[]>): { get(n: string): readonly string[] } => ({ get: (n) => m[n] ?? [] });

describe('run/create volume flags', () => {
  it('build the bodies the real client sends', () => {
    const out = mountOptions(flags({
      volume: ['website:/a', '/h:/b:ro', './rel:/c', '/anon'],
      mount: ['type=bind,src=/x,dst=/y,readonly', 'type=tmpfs,dst=/t,tmpfs-size=64m,tmpfs-mode=1770',
        'type=volume,src=v2,dst=/v,volume-opt=type=tmpfs,volume-nocopy'],
      tmpfs: ['/run:size=1m'],
      'volumes-from': ['abc:ro'],
    }), () => '/work/main');
    expect(out.volumes).toEqual({ '/anon': {} });
    expect(JSON.stringify(out.host)).toBe(JSON.stringify({
      Binds: ['website:/a', '/h:/b:ro', '/work/main/rel:/c'],
      VolumesFrom: ['abc:ro'],
      Tmpfs: { '/run': 'size=1m' },
      Mounts: [
        { Type: 'bind', Source: '/x', Target: '/y', ReadOnly: true },
        { Type: 'tmpfs', Target: '/t', TmpfsOptions: { SizeBytes: 67108864, Mode: 1016 } },
        { Type: 'volume', Source: 'v2', Target: '/v', VolumeOptions: { NoCopy: true, DriverConfig: { Options: { type: 'tmpfs' } } } },
      ],
    }));
  });

  it('read a one-letter source as a drive letter, as compose\'s ParseVolume does', () => {
    expect(mountOptions(flags({ volume: ['a:/b'] })).volumes).toEqual({ 'a:/b': {} });
  });

  it('fail with the client\'s texts', () => {
    expect(() => mountOptions(flags({ volume: ['/a:/b:/c:/d'] }))).toThrow('invalid spec: /a:/b:/c:/d: too many colons');
    expect(() => mountOptions(flags({ volume: [':/x'] }))).toThrow('invalid spec: :/x: empty section between colons');
    expect(mountError('source=/x')).toBe('target is required');
    expect(mountError('type=tmpfs,dst=/x,volume-nocopy')).toBe("cannot mix 'volume-*' options with mount type 'tmpfs'");
    expect(mountError('dst=/x,ro=maybe')).toBe('invalid value for ro: maybe');
    expect(mountError('dst=/x,bogus')).toBe("invalid field 'bogus' must be a key=value pair");
    expect(mountError('dst=/x,color=red')).toBe("unexpected key 'color' in 'color=red'");
    expect(parseMount('"type=bind",src=/a,dst=/b')).toEqual({ Type: 'bind', Source: '/a', Target: '/b' });
  });
});
