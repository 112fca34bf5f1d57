/**
 * `--since`/`--until` as the daemon receives them: the CLI sends Unix seconds with optional nanoseconds
 * (`1732780800.000000000`), having converted durations and timestamps itself (moby's timetypes).
 */
export function parseLogTime(value: string, _nowNs: bigint): bigint | undefined {
  if (value === '' || value === '0') return undefined;
  const m = /^(\d+)(?:\.(\d{1,9}))?$/.exec(value);
  if (!m) return undefined;
  return BigInt(m[1]) * 1_000_000_000n + BigInt((m[2] ?? '').padEnd(9, '0') || '0');
}
