/**
 * Time as the Engine API prints it. Go marshals time.Time as RFC3339Nano: fractional seconds with trailing
 * zeros dropped (and no dot at all for whole seconds); the zero time.Time is `0001-01-01T00:00:00Z`, which is
 * what StartedAt/FinishedAt show before they are set. `docker logs -t` uses the fixed 9-digit variant instead.
 * All instants here are bigint nanoseconds since the Unix epoch, from the kernel clock's epochNs().
 */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

function splitNs(ns: bigint): { base: string; frac: string } {
  let secs = ns / 1_000_000_000n;
  let rem = ns % 1_000_000_000n;
  if (rem < 0n) {
    rem += 1_000_000_000n;
    secs -= 1n;
  }
  const iso = new Date(Number(secs) * 1000).toISOString(); // 2024-01-02T03:04:05.000Z
  return { base: iso.slice(0, 19), frac: rem.toString().padStart(9, '0') };
}

/** Go's time.RFC3339Nano; `null` is the zero time. */
export function formatRFC3339Nano(ns: bigint | null): string {
  if (ns === null) return ZERO_TIME;
  const { base, frac } = splitNs(ns);
  const trimmed = frac.replace(/0+$/, '');
  return trimmed === '' ? `${base}Z` : `${base}.${trimmed}Z`;
}

/** moby's jsonmessage.RFC3339NanoFixed, used by `docker logs -t` and `docker events`: always 9 digits. */
export function formatRFC3339NanoFixed(ns: bigint): string {
  const { base, frac } = splitNs(ns);
  return `${base}.${frac}Z`;
}

/** Whole seconds since the epoch (Go's t.Unix(), flooring toward the past). */
export function unixSeconds(ns: bigint): number {
  let s = ns / 1_000_000_000n;
  if (ns < 0n && ns % 1_000_000_000n !== 0n) s -= 1n;
  return Number(s);
}
