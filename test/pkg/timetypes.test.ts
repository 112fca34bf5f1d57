import { describe, expect, it } from 'vitest';
import { isDaemonError } from '../../src/pkg/errdefs.js';
import {
  filterTimestamp, formatRFC3339Nano, formatRFC3339NanoFixed, getTimestamp, parseGoDuration, unixSeconds, ZERO_TIME,
} from '../../src/pkg/timetypes.js';

/** 2024-01-02T03:04:05Z, the CLI fake's clock. */
const NOW = 1_704_164_645_000;

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

describe('time.ParseDuration', () => {
  it('reads Go durations and says what it could not read', () => {
    expect(parseGoDuration('1h30m')).toBe(5400e9);
    expect(parseGoDuration('-1.5s')).toBe(-1.5e9);
    expect(parseGoDuration('+0')).toBe(0);
    expect(parseGoDuration('.5us')).toBe(500);
    expect(parseGoDuration('5')).toBe('time: missing unit in duration "5"');
    expect(parseGoDuration('5d')).toBe('time: unknown unit "d" in duration "5d"');
    expect(parseGoDuration('')).toBe('time: invalid duration ""');
  });
});

describe('timetypes.GetTimestamp', () => {
  it('turns durations into seconds and dates into seconds.nanoseconds', () => {
    expect(getTimestamp('10s', NOW)).toBe('1704164635');
    expect(getTimestamp('2024-01-02T03:04:05.5Z', NOW)).toBe('1704164645.500000000');
    expect(getTimestamp('2024-01-02', NOW)).toBe('1704153600.000000000');
    expect(getTimestamp('1704164645', NOW)).toBe('1704164645');
    expect((getTimestamp('soon', NOW) as Error).message).toBe('failed to parse value as time or duration: "soon"');
  });

  it('a zone offset moves the instant; `0` is the epoch, not a zero duration', () => {
    expect(getTimestamp('2024-01-02T05:04:05+02:00', NOW)).toBe('1704164645.000000000');
    expect(getTimestamp('0', NOW)).toBe('0');
    expect(getTimestamp('-10s', NOW)).toBe('1704164655');
  });
});

describe('an until filter on the daemon (GetTimestamp + ParseTimestamps)', () => {
  const nowNs = BigInt(NOW) * 1_000_000n + 999_999n;
  it('is epoch nanoseconds', () => {
    expect(filterTimestamp('10s', nowNs)).toBe(1_704_164_635_000_000_000n);
    expect(filterTimestamp('2024-01-02T03:04:05.000000001Z', nowNs)).toBe(1_704_164_645_000_000_001n);
    expect(filterTimestamp('1969-12-31T23:59:55.5Z', nowNs)).toBe(-4_500_000_000n);
    expect(filterTimestamp('1704164645.25', nowNs)).toBe(1_704_164_645_250_000_000n);
  });
  it('fails unclassified (a System error), with GetTimestamp\'s text', () => {
    let err: unknown;
    try {
      filterTimestamp('soon', nowNs);
    } catch (e) {
      err = e;
    }
    expect(isDaemonError(err, 'System')).toBe(true);
    expect((err as Error).message).toBe('failed to parse value as time or duration: "soon"');
    expect(() => filterTimestamp('2024-99', nowNs)).toThrow('parsing time "2024-99": cannot parse "2024-99" as a date');
  });
});
