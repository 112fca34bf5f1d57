/** ls --color: LS_COLORS parsing and the class each file is painted with. */
import type { Stat } from '../../engine/kernel/fsTypes.js';

/** ls.c's built-in colours, used when LS_COLORS is unset. */
const BUILTIN: Record<string, string> = {
  rs: '0', di: '01;34', ln: '01;36', pi: '33', so: '01;35', bd: '01;33', cd: '01;33', ex: '01;32',
  do: '01;35', su: '37;41', sg: '30;43', st: '37;44', ow: '34;42', tw: '30;42', ca: '', mh: '',
};

export class LsColors {
  readonly codes: Record<string, string>;
  readonly exts: [string, string][] = [];
  /** ls colours a link's target only when LS_COLORS came from dircolors (it sets `mi`). */
  readonly fromEnv: boolean;
  private started = false;

  constructor(env: string | undefined) {
    this.fromEnv = env !== undefined;
    this.codes = env === undefined ? { ...BUILTIN } : {};
    for (const item of (env ?? '').split(':')) {
      const eq = item.indexOf('=');
      if (eq < 0) continue;
      const k = item.slice(0, eq);
      const v = item.slice(eq + 1);
      if (k.startsWith('*')) this.exts.push([k.slice(1), v]);
      else this.codes[k] = v;
    }
  }

  /** The SGR code for a file, or '' to print it plain. `missing`: a symlink whose target does not exist. */
  classify(name: string, st: Stat | null, target: Stat | null | undefined): string {
    const c = this.codes;
    if (st === null) return c.mi && c.mi !== '00' ? c.mi : (c.or ?? '');
    switch (st.type) {
      case 'dir':
        if (st.mode & 0o1000 && st.mode & 0o002) return c.tw ?? c.di ?? '';
        if (st.mode & 0o002) return c.ow ?? c.di ?? '';
        if (st.mode & 0o1000) return c.st ?? c.di ?? '';
        return c.di ?? '';
      case 'symlink':
        return target === null ? (c.or ?? c.ln ?? '') : (c.ln ?? '');
      case 'fifo': return c.pi ?? '';
      case 'socket': return c.so ?? '';
      case 'chardev': return c.cd ?? '';
      case 'blockdev': return c.bd ?? '';
      default:
        if (st.mode & 0o4000 && c.su) return c.su;
        if (st.mode & 0o2000 && c.sg) return c.sg;
        if (st.mode & 0o111 && c.ex) return c.ex;
        for (const [ext, code] of this.exts) if (name.endsWith(ext)) return code;
        return c.fi && c.fi !== '0' && c.fi !== '00' ? c.fi : '';
    }
  }

  /** Wraps `name`; the first coloured name of the run is preceded by a reset, as GNU ls does. */
  paint(name: string, code: string): string {
    if (code === '') return name;
    const lead = this.started ? '' : `\x1b[${this.codes.rs ?? '0'}m`;
    this.started = true;
    return `${lead}\x1b[${code}m${name}\x1b[0m`;
  }
}
