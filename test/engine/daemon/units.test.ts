import { describe, expect, it } from 'vitest';
import { humanDuration } from '../../../src/engine/daemon/units.js';
import { formatRFC3339Nano, formatRFC3339NanoFixed, unixSeconds, ZERO_TIME } from '../../../src/engine/daemon/timefmt.js';

const s = (n: number): bigint => BigInt(Math.round(n * 1e9));

describe('humanDuration (go-units)', () => {
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
});

describe('API time formats', () => {
  it('RFC3339Nano trims trailing zeros; the zero time is year 1', () => {
    expect(formatRFC3339Nano(null)).toBe(ZERO_TIME);
    expect(formatRFC3339Nano(1_704_164_646_000_000_001n)).toBe('2024-01-02T03:04:06.000000001Z');
    expect(formatRFC3339Nano(1_704_164_646_500_000_000n)).toBe('2024-01-02T03:04:06.5Z');
    expect(formatRFC3339Nano(1_704_164_646_000_000_000n)).toBe('2024-01-02T03:04:06Z');
  });

  it('RFC3339NanoFixed always has nine digits', () => {
    expect(formatRFC3339NanoFixed(1_704_164_646_000_000_001n)).toBe('2024-01-02T03:04:06.000000001Z');
    expect(formatRFC3339NanoFixed(1_704_164_646_000_000_000n)).toBe('2024-01-02T03:04:06.000000000Z');
    expect(formatRFC3339NanoFixed(1_704_164_646_120_000_000n)).toBe('2024-01-02T03:04:06.120000000Z');
  });

  it('unixSeconds floors', () => {
    expect(unixSeconds(1_704_164_646_999_999_999n)).toBe(1_704_164_646);
  });
});
