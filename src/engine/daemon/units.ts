/**
 * docker/go-units HumanDuration: the daemon uses it for the Status column (`Up 5 minutes`,
 * `Exited (0) 3 seconds ago`). Thresholds mirror go-units, including its rounding of hours (`d.Hours() + 0.5`)
 * and the truncation everywhere else.
 */
export const NS_PER_SECOND = 1_000_000_000n;

/** @param ns a duration in nanoseconds; negative durations read as "Less than a second", as in Go. */
export function humanDuration(ns: bigint): string {
  const seconds = Math.trunc(Number(ns) / 1e9);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(Number(ns) / 60e9);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(Number(ns) / 3600e9 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(Number(ns) / 3600e9) / 24 / 365)} years`;
}
