/**
 * The part of sudoers(5) a host needs: user and `%group` rules with a runas list, NOPASSWD, and `ALL`, from
 * /etc/sudoers and the files of /etc/sudoers.d (`@includedir`). Aliases and command lists beyond ALL are
 * read as "these commands" and matched by path.
 */
import type { Sys } from '../../engine/kernel/sys.js';

export interface SudoRule {
  readonly who: string;
  readonly runas: string;
  readonly nopasswd: boolean;
  readonly commands: readonly string[];
}

export interface Sudoers {
  readonly rules: readonly SudoRule[];
  readonly defaults: readonly string[];
}

function files(sys: Sys): string[] {
  const texts: string[] = [];
  const read = (p: string): string | null => {
    try {
      return sys.fs.readText(p);
    } catch {
      return null;
    }
  };
  const main = read('/etc/sudoers');
  if (main === null) return texts;
  texts.push(main);
  const dirs = [...main.matchAll(/^[@#]includedir\s+(\S+)/gm)].map((m) => m[1]);
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = sys.fs.readdir(dir).sort();
    } catch {
      continue;
    }
    // sudo skips names with a `.` or ending in `~` (editor backups, README).
    for (const n of names) if (!n.includes('.') && !n.endsWith('~')) texts.push(read(`${dir}/${n}`) ?? '');
  }
  return texts;
}

export function readSudoers(sys: Sys): Sudoers {
  const rules: SudoRule[] = [];
  const defaults: string[] = [];
  for (const text of files(sys)) {
    for (const raw of text.replace(/\\\n/g, ' ').split('\n')) {
      const line = raw.replace(/(^|\s)#(?!include).*$/, '').trim();
      if (line === '' || line.startsWith('#') || line.startsWith('@')) continue;
      if (line.startsWith('Defaults')) {
        const m = /^Defaults\s+(.*)$/.exec(line);
        if (m) defaults.push(...m[1].split(/,\s*/).map((s) => s.trim()));
        continue;
      }
      const m = /^(\S+)\s+\S+\s*=\s*(?:\(([^)]*)\)\s*)?(NOPASSWD:\s*)?(.*)$/.exec(line);
      if (!m) continue;
      rules.push({ who: m[1], runas: m[2] ?? 'root', nopasswd: m[3] !== undefined, commands: m[4].split(/\s*,\s*/) });
    }
  }
  return { rules, defaults };
}

/** Rules that apply to a user with these group names (the last matching rule wins, as in sudo). */
export function rulesFor(s: Sudoers, user: string, groupNames: readonly string[]): SudoRule[] {
  return s.rules.filter((r) => r.who === user || r.who === 'ALL' || (r.who.startsWith('%') && groupNames.includes(r.who.slice(1))));
}

export function permits(rule: SudoRule, command: string, target: string): boolean {
  const runas = rule.runas.split(':')[0].split(/\s*,\s*/);
  if (!runas.includes('ALL') && !runas.includes(target) && !(target === 'root' && rule.runas === 'root')) return false;
  return rule.commands.some((c) => c === 'ALL' || c.split(/\s+/)[0] === command);
}

/** `(ALL : ALL) NOPASSWD: ALL`, as `sudo -l` prints a rule. */
export function describeRule(rule: SudoRule): string {
  const [u, g] = rule.runas.split(':').map((x) => x.trim());
  const runas = g !== undefined ? `(${u} : ${g})` : `(${u})`;
  return `${runas} ${rule.nopasswd ? 'NOPASSWD: ' : ''}${rule.commands.join(', ')}`;
}
