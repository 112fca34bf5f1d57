/**
 * The date strings `date -d` and `touch -d` understand here: `@EPOCH`, ISO-like `YYYY-MM-DD[ T]HH:MM[:SS]`,
 * `now`, `today`, `yesterday`, `tomorrow`, and `N unit(s) [ago]` relative forms. All UTC.
 */
const UNIT_MS: Record<string, number> = {
  sec: 1000, second: 1000, min: 60000, minute: 60000, hour: 3600000, day: 86400000, week: 604800000,
  fortnight: 1209600000,
};

export function parseDate(s: string, now: number): number | null {
  const str = s.trim().toLowerCase();
  if (str === '' || str === 'now' || str === 'today') return now;
  if (str === 'yesterday') return now - 86400000;
  if (str === 'tomorrow') return now + 86400000;
  let m = /^@(-?\d+(?:\.\d+)?)$/.exec(str);
  if (m) return Math.floor(Number(m[1]) * 1000);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?$/.exec(str);
  if (m) {
    const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0));
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return null;
    let ms = Date.UTC(y, mo - 1, d, h, mi, sec);
    const tz = m[8];
    if (tz && tz !== 'z' && tz !== 'utc') {
      const sign = tz[0] === '-' ? -1 : 1;
      const digits = tz.slice(1).replace(':', '');
      ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
    }
    return ms;
  }
  m = /^([+-]?\d+)?\s*(sec|second|min|minute|hour|day|week|fortnight|month|year)s?(\s+ago)?$/.exec(str);
  if (m) {
    let n = m[1] === undefined ? 1 : Number(m[1]);
    if (m[3]) n = -n;
    const unit = m[2];
    if (unit === 'month' || unit === 'year') {
      const d = new Date(now);
      if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
      else d.setUTCFullYear(d.getUTCFullYear() + n);
      return d.getTime();
    }
    return now + n * UNIT_MS[unit];
  }
  return null;
}
