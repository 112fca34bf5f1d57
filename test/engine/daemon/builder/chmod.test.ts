/** `--chmod` modes as BuildKit's dchapes-mode (BSD setmode, umask 0) reads and applies them. */
import { describe, expect, it } from 'vitest';
import { buildkitChmod, parseSymbolicMode } from '../../../../src/engine/daemon/builder/chmod.js';

const apply = (spec: string, mode: number, dir = false): string => parseSymbolicMode(spec)(mode, dir).toString(8);

describe('symbolic --chmod', () => {
  it('agrees with chmod(1) under umask 0 on the permission bits (checked against GNU chmod 9.4)', () => {
    expect(apply('u+x', 0o644)).toBe('744');
    expect(apply('a=r', 0o755)).toBe('444');
    expect(apply('go-w', 0o666)).toBe('644');
    expect(apply('+x', 0o600)).toBe('711');
    expect(apply('u=rwx,g=rx,o=', 0o644)).toBe('750');
    expect(apply('a-w,u+w', 0o777)).toBe('755');
    expect(apply('u=g', 0o640)).toBe('440');
    expect(apply('o=u', 0o750)).toBe('757');
    expect(apply('ug=rw', 0o755)).toBe('665');
    expect(apply('u+x-w', 0o644)).toBe('544');
    expect(apply('=r', 0o755)).toBe('444');
  });

  it('gives X only to directories and already executable files; s for u/g, t not for o alone (BSD)', () => {
    expect([apply('a+rX', 0o600), apply('a+rX', 0o700), apply('a+rX', 0o600, true)]).toEqual(['644', '755', '755']);
    expect([apply('u+s', 0o755), apply('g+s', 0o755), apply('+t', 0o755), apply('o+t', 0o755)]).toEqual(['4755', '2755', '1755', '755']);
    // `a` is setmode's standard bits, which leave the sticky bit alone (GNU clears it).
    expect(apply('a=r', 0o1777)).toBe('1444');
  });

  it('errors as dockerfile2llb does: octal-looking values get the octal message, anything else invalid syntax', () => {
    expect(buildkitChmod('0640')).toBe(0o640);
    expect(() => buildkitChmod('64a')).toThrow("invalid chmod parameter: '64a'. it should be octal string and between 0 and 07777");
    expect(() => buildkitChmod('10000')).toThrow("invalid chmod parameter: '10000'. it should be octal string and between 0 and 07777");
    expect(() => buildkitChmod('u+q')).toThrow(/^invalid syntax$/);
    expect(() => buildkitChmod('z')).toThrow(/^invalid syntax$/);
    expect(() => buildkitChmod('u')).toThrow(/^invalid syntax$/);
  });
});
