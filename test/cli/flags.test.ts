import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FlagError, getBool, getInt, getList, getString, parseFlags, unsimulatedFlags } from '../../src/cli/flags.js';
import { runCommand } from '../../src/cli/command/container/run.js';
import { psCommand } from '../../src/cli/command/container/list.js';
import { commandFlags } from '../../src/cli/help.js';
import { dispatch } from '../../src/cli/dispatch.js';
import { ROOT } from '../../src/cli/command/commands.js';
import { findChild } from '../../src/cli/spec.js';

const runFlags = commandFlags(findChild(ROOT, 'run')!);

describe('pflag grammar', () => {
  it('run stops at the image: the command keeps its own flags', () => {
    const p = parseFlags(runFlags, ['-it', '--rm', '-eFOO=bar', '-e', 'X=1', '-p80:80', '--name=web', 'ubuntu', 'ls', '-la', '--', '-x'], false);
    expect(p.args).toEqual(['ubuntu', 'ls', '-la', '--', '-x']);
    expect(getBool(p, 'interactive') && getBool(p, 'tty') && getBool(p, 'rm')).toBe(true);
    expect(getList(p, 'env')).toEqual(['FOO=bar', 'X=1']);
    expect(getList(p, 'publish')).toEqual(['80:80']);
    expect(getString(p, 'name')).toBe('web');
    expect(getString(p, 'restart')).toBe('no');
    expect(getInt(p, 'memory-swappiness')).toBe(-1);
  });
  it('booleans take =value only; -e=X keeps the value after =', () => {
    const p = parseFlags(runFlags, ['--rm=false', '-d=1', '-e=A', 'img'], false);
    expect(getBool(p, 'rm')).toBe(false);
    expect(getBool(p, 'detach')).toBe(true);
    expect(getList(p, 'env')).toEqual(['A']);
  });
  it('interspersed commands collect positionals around flags; -- ends flags', () => {
    const p = parseFlags(commandFlags(findChild(ROOT, 'stop')!), ['a', '-t', '5', 'b', '--', '-c'], true);
    expect(p.args).toEqual(['a', 'b', '-c']);
    expect(p.argsLenAtDash).toBe(2);
    expect(getInt(p, 'timeout')).toBe(5);
  });
  it('reports flags the simulation does not model', () => {
    const p = parseFlags(runFlags, ['--cpu-shares', '0x10', '--rm', '--cidfile', '/id', '--privileged', 'img'], false);
    expect(unsimulatedFlags(p).map((f) => f.name)).toEqual(['cidfile']);
    expect(getInt(p, 'cpu-shares')).toBe(16);
  });
  it('Go value errors', () => {
    const err = (argv: string[]): string => {
      try {
        parseFlags(runFlags, argv, false);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    expect(err(['-m', 'xyz', 'i'])).toBe('invalid argument "xyz" for "-m, --memory" flag: invalid size: \'xyz\'');
    expect(err(['--health-interval', '5', 'i'])).toBe('invalid argument "5" for "--health-interval" flag: time: missing unit in duration "5"');
    expect(err(['--health-interval', '5q', 'i'])).toBe('invalid argument "5q" for "--health-interval" flag: time: unknown unit "q" in duration "5q"');
    expect(err(['--sysctl', 'a', 'i'])).toBe('invalid argument "a" for "--sysctl" flag: sysctl \'a\' is not allowed');
    expect(err(['--cpus', 'abc', 'i'])).toBe('invalid argument "abc" for "--cpus" flag: failed to parse abc as a rational number');
    expect(err(['--stop-timeout', '99999999999999999999', 'i'])).toBe('invalid argument "99999999999999999999" for "--stop-timeout" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range');
  });
  it('random argv never throws anything but FlagError', () => {
    const word = fc.oneof(fc.constantFrom('-', '--', '-it', '--rm', '-e', '--name', '-p80:80', '--=x', '---', '-h', '--help', '-d=x', '--bogus', 'img'), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.array(word, { maxLength: 8 }), fc.boolean(), (argv, inter) => {
      try {
        parseFlags(runFlags, argv, inter);
        parseFlags(commandFlags(findChild(ROOT, 'ps')!), argv, inter);
      } catch (e) {
        expect(e).toBeInstanceOf(FlagError);
      }
      const d = dispatch(argv, { configDir: '/root/.docker' });
      expect(['output', 'command', 'unsimulated']).toContain(d.kind);
    }));
  });
  it('specs are what docker defines', () => {
    expect(runCommand.interspersed).toBe(false);
    expect(psCommand.args).toEqual({ none: true });
    const d = dispatch(['container', 'ls', '-a'], { configDir: '/x' });
    expect(d.kind === 'command' && d.node.path).toEqual(['container', 'ls']);
    expect(dispatch(['plugin', 'ls'], { configDir: '/x' }).kind).toBe('unsimulated');
  });
});
