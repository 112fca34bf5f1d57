import { describe, expect, it } from 'vitest';
import { formatRFC3339Nano, formatRFC3339NanoFixed, unixSeconds, ZERO_TIME } from '../../../src/engine/daemon/timefmt.js';

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
