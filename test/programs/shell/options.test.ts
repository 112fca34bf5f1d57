/**
 * What the simulated bash does not model it refuses in one line (never accepts and ignores): the `set -o` and
 * `shopt` options whose effect is not simulated, and the builtins that are not. What it does model is checked
 * against real bash in testdata-bash-c.json (set -a/-B/-h/-n/-v, hash, type, shopt's glob options, pushd).
 */
import { describe, expect, it } from 'vitest';
import { bashC } from './harness.js';

describe('options and builtins the simulator does not model', () => {
  it('refuses to change them, in one line each, and keeps what is already so', async () => {
    const r = await bashC('set -b; echo $?; set -o vi; echo $?; set +o vi; echo $?; shopt -s globstar; echo $?; shopt -u extglob; echo $?; help cd; echo $?; type help');
    expect(r.out).toBe(
      'bash: line 1: set: -b: the notify option is not simulated in dockersim\n1\n' +
        'bash: line 1: set: vi: the vi option is not simulated in dockersim\n1\n0\n' +
        'bash: line 1: shopt: globstar: changing this option is not simulated in dockersim\n1\n0\n' +
        'bash: line 1: help: this builtin is not simulated in dockersim\n2\nhelp is a shell builtin\n',
    );
  });

  it('refuses declare attributes it does not model rather than storing the plain value', async () => {
    const r = await bashC('declare -i n=1+2; echo "[$n]" $?; declare -u up=x; declare -z');
    expect(r.out).toBe(
      'bash: line 1: declare: -i: this attribute is not simulated in dockersim\n[] 2\n' +
        'bash: line 1: declare: -u: this attribute is not simulated in dockersim\n' +
        'bash: line 1: declare: -z: invalid option\ndeclare: usage: declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]\n',
    );
  });

  it('dash and busybox ash remember no commands: only `hash -r` is accepted', async () => {
    const { dashC } = await import('./harness.js');
    const r = await dashC('hash -r; echo $?; hash; echo $?');
    expect(r.out).toBe('0\nsh: 1: hash: only `hash -r` is simulated in dockersim for this shell\n1\n');
  });
});
