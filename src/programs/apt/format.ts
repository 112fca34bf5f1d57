/** apt's own number and list formatting (apt-pkg/contrib/strutl.cc, apt-private/private-output.h). */

/**
 * SizeToStr: `%'.0f`/`%'.1f` plus a unit letter. Containers run in the C locale, whose `'` flag groups
 * nothing, so 2057 kB prints without a separator.
 */
export function sizeToStr(size: number): string {
  let a = Math.abs(size);
  const ext = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
  for (let i = 0; i <= 8; i++) {
    if (a < 100 && i !== 0) return `${a.toFixed(1)} ${ext[i]}`;
    if (a < 10000) return `${a.toFixed(0)} ${ext[i]}`;
    a /= 1000;
  }
  return '';
}

/** TimeToStr */
export function timeToStr(sec: number): string {
  const s = Math.floor(sec);
  if (s > 86400) return `${Math.floor(s / 86400)}d ${Math.floor(s / 3600) % 24}h ${Math.floor(s / 60) % 60}min ${s % 60}s`;
  if (s > 3600) return `${Math.floor(s / 3600)}h ${Math.floor(s / 60) % 60}min ${s % 60}s`;
  if (s > 60) return `${Math.floor(s / 60)}min ${s % 60}s`;
  return `${s}s`;
}

/**
 * ShowList: a title line, then names after two spaces, wrapped where the next name would reach the screen
 * width less three (`screenWidth` is the terminal's columns − 1, or 79 off a terminal).
 */
export function showList(title: string, names: readonly string[], screenWidth: number): string {
  if (names.length === 0) return '';
  const width = screenWidth > 3 ? screenWidth - 3 : 0;
  let out = title;
  let used = 0;
  for (const n of names) {
    if (used === 0 || used + n.length >= width) {
      out += '\n  ';
      used = 0;
    } else {
      out += ' ';
      used++;
    }
    out += n;
    used += n.length;
  }
  return `${out}\n`;
}
