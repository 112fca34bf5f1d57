import { describe, expect, it } from 'vitest';
import { isDaemonError } from '../../src/pkg/errdefs.js';
import {
  familiarName, familiarString, fullName, isNameOnly, parseAnyReference, parseNormalizedNamed, referenceString, tagNameOnly,
} from '../../src/pkg/reference.js';

const hex = (n: number, c = 'a'): string => c.repeat(n);
const errorOf = (s: string): string => {
  try {
    parseNormalizedNamed(s);
  } catch (e) {
    return isDaemonError(e, 'InvalidParameter') ? e.message : `not InvalidParameter: ${String(e)}`;
  }
  return 'no error';
};

describe('distribution/reference', () => {
  it('normalises like ParseNormalizedNamed', () => {
    expect(parseNormalizedNamed('ubuntu')).toEqual({ domain: 'docker.io', path: 'library/ubuntu', tag: undefined, digest: undefined });
    expect(referenceString(tagNameOnly(parseNormalizedNamed('ubuntu')))).toBe('docker.io/library/ubuntu:latest');
    expect(referenceString(parseNormalizedNamed('localhost:5000/app:v1'))).toBe('localhost:5000/app:v1');
    expect(fullName(parseNormalizedNamed('index.docker.io/ubuntu'))).toBe('docker.io/library/ubuntu');
    expect(familiarString(parseNormalizedNamed('docker.io/library/ubuntu:22.04'))).toBe('ubuntu:22.04');
    expect(familiarString(parseNormalizedNamed('docker.io/library/nginx:1.27'))).toBe('nginx:1.27');
    expect(familiarString(parseNormalizedNamed('user/repo'))).toBe('user/repo');
    expect(familiarString(parseNormalizedNamed('bitnami/redis'))).toBe('bitnami/redis');
    expect(familiarName(parseNormalizedNamed('quay.io/x/y:1'))).toBe('quay.io/x/y');
    expect(familiarName(parseNormalizedNamed('library/a/b'))).toBe('library/a/b');
  });

  it('TagNameOnly and IsNameOnly look at both tag and digest', () => {
    const digested = parseNormalizedNamed(`busybox@sha256:${hex(64)}`);
    expect(isNameOnly(parseNormalizedNamed('busybox'))).toBe(true);
    expect(isNameOnly(digested)).toBe(false);
    expect(tagNameOnly(digested)).toBe(digested);
  });

  it('ParseAnyReference takes an image ID for an ID', () => {
    expect(parseAnyReference(hex(64))).toBeNull();
    expect(parseAnyReference(`sha256:${hex(64)}`)).toBeNull();
    expect(familiarString(parseAnyReference('busybox:1')!)).toBe('busybox:1');
  });

  // Each text as docker 28.2.2's `docker pull` prints it; the daemon sends the same ones with a 400.
  it.each([
    ['Ubuntu', 'invalid reference format: repository name (library/Ubuntu) must be lowercase'],
    [`foo@SHA256:${hex(64)}`, 'invalid reference format: repository name (library/foo@SHA256) must be lowercase'],
    ['ubuntu:', 'invalid reference format'],
    ['a b', 'invalid reference format'],
    ['busybox@sha256:abc', 'invalid reference format'],
    [`busybox@sha256:${hex(63)}`, 'invalid checksum digest length'],
    [`busybox@sha384:${hex(95)}`, 'invalid checksum digest length'],
    [`busybox@sha256:${hex(64, 'A')}`, 'invalid checksum digest format'],
    [`busybox@md5:${hex(64)}`, 'unsupported digest algorithm'],
    [hex(64), `invalid repository name (${hex(64)}), cannot specify 64-byte hexadecimal strings`],
    [`x/${hex(260)}`, 'repository name must not be more than 255 characters'],
  ])('%s → %s', (ref, text) => {
    expect(errorOf(ref)).toBe(text);
  });
});
