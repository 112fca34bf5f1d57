/**
 * Options the real tool has and the simulation does not model refuse in one line with the tool's usage status,
 * instead of GNU's "unrecognized option" (which would claim they do not exist); options no version of the tool
 * has keep GNU's text, and abbreviations resolve against the real tool's options. Expected texts and statuses
 * are GNU coreutils 9.1's, grep 3.8's and findutils 4.9's on this machine.
 */
import { describe, expect, it } from 'vitest';
import { REAL_OPTIONS } from '../../../src/programs/coreutils/realopts.js';
import { world } from './harness.js';

async function run(cmd: string): Promise<{ out: string; status: number }> {
  const w = world();
  w.file('/home/user/a', 'x\n', 0o644, 1000);
  return w.run(cmd);
}

const unknown = (tool: string, opt: string, status: number): { out: string; status: number } => ({
  out: `${tool}: unrecognized option '${opt}'\nTry '${tool} --help' for more information.\n`,
  status,
});
const lacking = (tool: string, opt: string, status: number): { out: string; status: number } => ({
  out: `${tool}: option '${opt}' is not simulated\n`,
  status,
});

/** [command, the real option it uses that the model lacks, usage status] by family. */
const FAMILIES: Record<string, [string, string, number][]> = {
  listing: [['ls --dired', '--dired', 2], ['ls -D', '-D', 2], ['du --inodes', '--inodes', 1], ['df --output', '--output', 1], ['stat --file-system a', '--file-system', 1]],
  files: [
    ['cp --attributes-only a b', '--attributes-only', 1], ['mv --debug a b', '--debug', 1], ['rm --one-file-system a', '--one-file-system', 1],
    ['mkdir --context=x d', '--context=x', 1], ['ln --relative a b', '--relative', 1],
    ['chmod --reference=a a', '--reference', 1], ['chown --from=root a', '--from', 1],
  ],
  text: [
    ['sort --parallel=2 a', '--parallel', 2], ['uniq --group a', '--group', 1], ['wc --files0-from=a', '--files0-from', 1],
    ['tail --pid=1 a', '--pid', 1], ['tee --output-error=exit', '--output-error=exit', 1], ['od --endian=big a', '--endian', 1],
    ['grep -P x a', '-P', 2],
  ],
  process: [['env --debug true', '--debug', 125], ['env -S true', '-S', 125], ['date --debug', '--debug', 1], ['xargs --max-procs=2', '--max-procs', 1]],
};

describe('GNU options the simulation does not model', () => {
  for (const [family, cases] of Object.entries(FAMILIES)) {
    it(`${family}: refuse in one line with the usage status`, async () => {
      for (const [cmd, opt, status] of cases) {
        const tool = cmd.split(' ')[0];
        expect(REAL_OPTIONS[tool], tool).toBeDefined();
        expect(await run(cmd), cmd).toEqual(lacking(tool, opt, status));
      }
    });
  }

  it('an option no version has keeps GNU\'s text and status', async () => {
    for (const [tool, status] of [['ls', 2], ['sort', 2], ['env', 125], ['timeout', 125], ['head', 1], ['cp', 1], ['wc', 1], ['od', 1]] as const) {
      expect(await run(`${tool} --foo`), tool).toEqual(unknown(tool, '--foo', status));
    }
    expect(await run('head --presume')).toEqual(unknown('head', '--presume', 1));
    expect(await run('date -Z')).toEqual({ out: "date: invalid option -- 'Z'\nTry 'date --help' for more information.\n", status: 1 });
  });

  it('an abbreviation is ambiguous as it is for the real tool, even between modelled and unmodelled options', async () => {
    expect(await run('ls --dir')).toEqual({
      out: "ls: option '--dir' is ambiguous; possibilities: '--directory' '--dired'\nTry 'ls --help' for more information.\n",
      status: 2,
    });
    expect(await run('ls --al')).toEqual({
      out: "ls: option '--al' is ambiguous; possibilities: '--all' '--almost-all'\nTry 'ls --help' for more information.\n",
      status: 2,
    });
    // glibc lists the first match and every later one that differs from it, aliases of one letter included.
    expect((await run('date --r')).out).toBe(
      "date: option '--r' is ambiguous; possibilities: '--reference' '--resolution' '--rfc-email' '--rfc-822' '--rfc-2822' '--rfc-3339'\n" +
        "Try 'date --help' for more information.\n",
    );
    // In the order of cp's long_options table, not of its --help.
    expect((await run('cp --re a b')).out).toMatch(/^cp: option '--re' is ambiguous; possibilities: '--recursive' '--remove-destination' '--reflink'\n/);
    expect((await run('cat --s')).out).toMatch(/^cat: option '--s' is ambiguous; possibilities: '--squeeze-blank' '--show-nonprinting' '--show-ends' '--show-tabs' '--show-all'\n/);
    // An unambiguous abbreviation of an unmodelled option names it in full.
    expect(await run('ls --hyper')).toEqual(lacking('ls', '--hyperlink', 2));
  });

  it('a real long option works as the modelled letter it stands for, when it takes the same argument', async () => {
    expect(await run('grep --text x a')).toEqual({ out: 'x\n', status: 0 });
    expect(await run('head --zero-terminated -c 1 a')).toEqual({ out: 'x', status: 0 });
    // sort's --check is an option of its own in sort's table (CHECK_OPTION, with a value), not -c: refused.
    expect(await run('sort --check a')).toEqual(lacking('sort', '--check', 2));
  });

  it('a modelled flag the real tool lets take a value works without one and refuses one', async () => {
    expect(await run('ls --cla a')).toEqual({ out: 'a\n', status: 0 });
    expect(await run('ls --classify=always a')).toEqual({ out: "ls: option '--classify=always' is not simulated\n", status: 2 });
  });

  it('--help still wins when it comes first, or after an unmodelled option (getopt order)', async () => {
    expect((await run('ls --dired --help')).out).toMatch(/^Usage: ls /);
    expect((await run('ls --help --dired')).status).toBe(0);
  });
});
