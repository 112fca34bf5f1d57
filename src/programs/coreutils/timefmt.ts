/** strftime(3) in the C locale, on UTC (the simulation's only time zone). */

export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number): string => String(n).padStart(2, '0');

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1;
}

/** Formats `ms` (epoch milliseconds); `nanos` gives %N's digits beyond the milliseconds. */
export function strftime(fmt: string, ms: number, zone = 'UTC'): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const dir = (c: string, pad: string | undefined): string => {
    const num = (n: number, w: number): string =>
      pad === '-' ? String(n) : pad === '_' ? String(n).padStart(w, ' ') : String(n).padStart(w, '0');
    switch (c) {
      case 'a': return DAYS[d.getUTCDay()].slice(0, 3);
      case 'A': return DAYS[d.getUTCDay()];
      case 'b': case 'h': return MONTHS[d.getUTCMonth()].slice(0, 3);
      case 'B': return MONTHS[d.getUTCMonth()];
      case 'c': return strftime('%a %b %e %H:%M:%S %Y', ms, zone);
      case 'C': return num(Math.floor(Y / 100), 2);
      case 'd': return num(d.getUTCDate(), 2);
      case 'D': return strftime('%m/%d/%y', ms, zone);
      case 'e': return pad === '-' ? String(d.getUTCDate()) : String(d.getUTCDate()).padStart(2, pad === '0' ? '0' : ' ');
      case 'F': return `${Y}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'H': return num(d.getUTCHours(), 2);
      case 'I': return num(d.getUTCHours() % 12 || 12, 2);
      case 'j': return num(dayOfYear(d), 3);
      case 'k': return String(d.getUTCHours()).padStart(2, pad === '0' ? '0' : ' ');
      case 'l': return String(d.getUTCHours() % 12 || 12).padStart(2, pad === '0' ? '0' : ' ');
      case 'm': return num(d.getUTCMonth() + 1, 2);
      case 'M': return num(d.getUTCMinutes(), 2);
      case 'n': return '\n';
      // Virtual time has sub-millisecond precision: %N shows it to the nanosecond.
      case 'N': return String(Math.floor((((ms % 1000) + 1000) % 1000) * 1e6)).padStart(9, '0');
      case 'p': return d.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'P': return d.getUTCHours() < 12 ? 'am' : 'pm';
      case 'r': return strftime('%I:%M:%S %p', ms, zone);
      case 'R': return strftime('%H:%M', ms, zone);
      case 's': return String(Math.floor(ms / 1000));
      case 'S': return num(d.getUTCSeconds(), 2);
      case 't': return '\t';
      case 'T': return strftime('%H:%M:%S', ms, zone);
      case 'u': return String(d.getUTCDay() || 7);
      case 'w': return String(d.getUTCDay());
      case 'x': return strftime('%m/%d/%y', ms, zone);
      case 'X': return strftime('%H:%M:%S', ms, zone);
      case 'y': return num(Y % 100, 2);
      case 'Y': return String(Y);
      case 'z': return '+0000';
      case ':z': return '+00:00';
      case 'Z': return zone;
      case '%': return '%';
      default: return `%${pad ?? ''}${c}`;
    }
  };
  return fmt.replace(/%([-_0^#]?)(:?[a-zA-Z%])/g, (_m, pad: string, c: string) => {
    const s = dir(c, pad || undefined);
    return pad === '^' ? s.toUpperCase() : s;
  });
}
