import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesSize, humanDuration, humanSize, humanSize3, humanSizeWithPrecision, ramInBytes } from '../../src/pkg/units.js';

const s = (n: number): bigint => BigInt(Math.round(n * 1e9));
const MS = 1e6;

describe('HumanDuration', () => {
  it.each([
    [0, 'Less than a second'], [0.999, 'Less than a second'], [-5, 'Less than a second'], [1, '1 second'],
    [1.9, '1 second'], [2, '2 seconds'], [59, '59 seconds'], [60, 'About a minute'], [119, 'About a minute'],
    [120, '2 minutes'], [59 * 60 + 59, '59 minutes'], [3600, 'About an hour'], [3600 * 1.49, 'About an hour'],
    [3600 * 1.5, '2 hours'], [3600 * 47.4, '47 hours'], [3600 * 47.5, '2 days'], [86400 * 13, '13 days'],
    [86400 * 14, '2 weeks'], [86400 * 59, '8 weeks'], [86400 * 60, '2 months'], [86400 * 729, '24 months'],
    [86400 * 730, '2 years'], [86400 * 365 * 5.5, '5 years'],
  ])('%d s → %s', (secs, text) => {
    expect(humanDuration(s(secs))).toBe(text);
  });

  it('reads a number of nanoseconds as the bigint does', () => {
    const sec = 1000 * MS;
    const h = 3600 * sec;
    expect([0, 999 * MS, 1 * sec, 59 * sec, 60 * sec, 119 * sec, 59 * 60 * sec, 1.4 * h, 3 * h, 47 * h, 13 * 24 * h, 59 * 24 * h, 700 * 24 * h, 800 * 24 * h].map((d) => humanDuration(d))).toEqual([
      'Less than a second', 'Less than a second', '1 second', '59 seconds', 'About a minute', 'About a minute', '59 minutes',
      'About an hour', '3 hours', '47 hours', '13 days', '8 weeks', '23 months', '2 years',
    ]);
  });

  it('is monotone', () => {
    const order = (t: string): number => {
      const units = ['Less', 'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'days', 'weeks', 'months', 'years'];
      const n = /^\d+/.exec(t);
      const u = t.startsWith('Less') ? 'Less' : t.startsWith('About a minute') ? 'minute' : t.startsWith('About an hour') ? 'hour' : t.split(' ')[1];
      return units.indexOf(u) * 1e6 + (n ? Number(n[0]) : 1);
    };
    fc.assert(fc.property(fc.nat(2e11), fc.nat(2e11), (a, b) => {
      const [x, y] = a <= b ? [a, b] : [b, a];
      expect(order(humanDuration(x * MS))).toBeLessThanOrEqual(order(humanDuration(y * MS)));
    }));
  });
});

describe('HumanSize and BytesSize', () => {
  it('three digits in docker/cli size columns, four in HumanSize, binary in BytesSize', () => {
    expect([0, 999, 1000, 4_260_000, 78_100_000, 77_860_000, 999_999].map(humanSize3)).toEqual(['0B', '999B', '1kB', '4.26MB', '78.1MB', '77.9MB', '1e+03kB']);
    expect([0, 999, 29_750_000, 1_234_567, 45_670_000].map(humanSize)).toEqual(['0B', '999B', '29.75MB', '1.235MB', '45.67MB']);
    expect(humanSizeWithPrecision(1_234_567, 2)).toBe('1.2MB');
    expect(bytesSize(8_184_000_000)).toBe('7.622GiB');
    expect(bytesSize(1024)).toBe('1KiB');
  });
});

describe('RAMInBytes', () => {
  it('takes binary suffixes in any case and says what it could not read', () => {
    expect(['512m', '1g', '1KiB', '10b', '2.5k', '7'].map(ramInBytes)).toEqual([512 * 1024 ** 2, 1024 ** 3, 1024, 10, 2560, 7]);
    expect(ramInBytes('12x')).toBe("invalid suffix: 'x'");
    expect(ramInBytes('m')).toBe("invalid size: 'm'");
    expect(ramInBytes('1.2.3m')).toBe('strconv.ParseFloat: parsing "1.2.3": invalid syntax');
  });
});
