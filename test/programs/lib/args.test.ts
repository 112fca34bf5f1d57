import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgs, type OptSpec } from '../../../src/programs/lib/args.js';

const spec: OptSpec = {
  short: 'lan:c::',
  long: [
    { name: 'all', key: 'a' },
    { name: 'lines', key: 'n', arg: 'required' },
    { name: 'color', arg: 'optional' },
    { name: 'colour', key: 'color', arg: 'optional' },
    { name: 'context' },
  ],
};

describe('parseArgs (getopt_long semantics)', () => {
  it('clusters, attached and separate arguments, long forms and prefixes', () => {
    const r = parseArgs(['-la', '-n5', 'x', '-n', '6', '--lines=7', '--lines', '8', '--lin=9', '--all'], spec);
    expect(r).toEqual({
      ok: true,
      opts: [
        { key: 'l', value: undefined },
        { key: 'a', value: undefined },
        { key: 'n', value: '5' },
        { key: 'n', value: '6' },
        { key: 'n', value: '7' },
        { key: 'n', value: '8' },
        { key: 'n', value: '9' },
        { key: 'a', value: undefined },
      ],
      operands: ['x'],
    });
  });

  it('permutes operands, stops at --, treats - as an operand', () => {
    expect(parseArgs(['a', '-l', 'b', '--', '-a', '-'], spec)).toEqual({
      ok: true,
      opts: [{ key: 'l', value: undefined }],
      operands: ['a', 'b', '-a', '-'],
    });
    expect(parseArgs(['a', '-l'], { short: '+l' })).toEqual({ ok: true, opts: [], operands: ['a', '-l'] });
  });

  it('optional arguments attach only', () => {
    expect(parseArgs(['-c', 'x', '--color', 'y', '--color=auto'], spec)).toEqual({
      ok: true,
      opts: [
        { key: 'c', value: undefined },
        { key: 'color', value: undefined },
        { key: 'color', value: 'auto' },
      ],
      operands: ['x', 'y'],
    });
  });

  it("glibc's error messages", () => {
    expect(parseArgs(['-z'], spec)).toEqual({ ok: false, error: "invalid option -- 'z'" });
    expect(parseArgs(['--foo'], spec)).toEqual({ ok: false, error: "unrecognized option '--foo'" });
    expect(parseArgs(['-n'], spec)).toEqual({ ok: false, error: "option requires an argument -- 'n'" });
    expect(parseArgs(['--lines'], spec)).toEqual({ ok: false, error: "option '--lines' requires an argument" });
    expect(parseArgs(['--all=1'], spec)).toEqual({ ok: false, error: "option '--all' doesn't allow an argument" });
    expect(parseArgs(['--co'], spec)).toEqual({ ok: false, error: "option '--co' is ambiguous; possibilities: '--color' '--context'" });
    expect(parseArgs(['--col'], spec)).toEqual({ ok: true, opts: [{ key: 'color', value: undefined }], operands: [] });
  });

  it('an abbreviation is ambiguous as glibc decides: later matches are compared with the first', () => {
    // date's table: --rfc-email, --rfc-822 and --rfc-2822 are all -R, yet listed once --reference came first.
    const date = { short: 'R', long: [{ name: 'reference', arg: 'required' as const }, { name: 'rfc-email', key: 'R' }, { name: 'rfc-822', key: 'R' }] };
    expect(parseArgs(['--r'], date)).toEqual({ ok: false, error: "option '--r' is ambiguous; possibilities: '--reference' '--rfc-email' '--rfc-822'" });
    // Aliases alone are one option.
    expect(parseArgs(['--rfc'], date)).toEqual({ ok: true, opts: [{ key: 'R', value: undefined }], operands: [] });
  });

  it('never throws, and keeps every operand in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('-l', '-a', '-n', '3', '--', '-', '--all', '--x'), fc.string())), (args) => {
        const r = parseArgs(args, spec);
        if (r.ok) {
          const plain = args.filter((a) => !a.startsWith('-') || a === '-');
          for (const op of r.operands) expect(args).toContain(op);
          expect(r.operands.length).toBeGreaterThanOrEqual(plain.length - args.filter((a) => a === '-n').length);
        }
      }),
    );
  });
});
