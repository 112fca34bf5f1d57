/**
 * BuildKit's `--chmod` (dockerfile2llb dispatchCopy, Dockerfile frontend ≥ 1.14 as Docker 28 bundles it): an octal
 * mode up to 07777, or a symbolic one (`u+x`, `a=r,u+w`, `go-w`, `+X`) as chmod(1) reads it, applied to each copied
 * file and directory's own mode. The symbolic grammar and its application are BSD setmode(3)'s, which BuildKit
 * takes from github.com/tonistiigi/dchapes-mode (parsed with a umask of 0).
 */

export class ChmodError extends Error {}

/** What `--chmod` does to a copied entry's permission bits (07777). */
export type ModeFn = (mode: number, isDir: boolean) => number;

const SUID = 0o4000;
const SGID = 0o2000;
const STICKY = 0o1000;
const RWXU = 0o700;
const RWXG = 0o070;
const RWXO = 0o007;
const ALL = SUID | SGID | RWXU | RWXG | RWXO;
const FULL = 0xffff;

const U_BITS = 1;
const G_BITS = 2;
const O_BITS = 4;
const SET = 8;
const CLEAR = 16;

interface BitCmd {
  readonly cmd: string;
  readonly flags: number;
  readonly bits: number;
}

const syntax = (): ChmodError => new ChmodError('invalid syntax');

/** The commands one `who op perms` clause adds (setmode's addcmd). */
function addCmd(out: BitCmd[], op: string, who: number, arg: number | string): void {
  if (op === '=') {
    out.push({ cmd: '-', flags: 0, bits: who || ALL });
    op = '+';
  }
  if (op === '+' || op === '-' || op === 'X') {
    out.push({ cmd: op, flags: 0, bits: (who || FULL) & (arg as number) });
    return;
  }
  // u, g, o: copy that class's bits to the classes `who` names.
  let flags = who ? (who & 0o400 ? U_BITS : 0) | (who & 0o040 ? G_BITS : 0) | (who & 0o004 ? O_BITS : 0) : U_BITS | G_BITS | O_BITS;
  flags |= arg === '+' ? SET : arg === '-' ? CLEAR : SET | CLEAR;
  out.push({ cmd: op, flags, bits: FULL });
}

/** setmode's compress: each run of +, - and X folded into at most one of each. */
function compress(cmds: readonly BitCmd[]): BitCmd[] {
  const out: BitCmd[] = [];
  for (let i = 0; i < cmds.length; i++) {
    if (!'+-X'.includes(cmds[i].cmd)) {
      out.push(cmds[i]);
      continue;
    }
    let set = 0;
    let clr = 0;
    let x = 0;
    for (; i < cmds.length && '+-X'.includes(cmds[i].cmd); i++) {
      const c = cmds[i];
      if (c.cmd === '-') {
        clr |= c.bits;
        set &= ~c.bits;
        x &= ~c.bits;
      } else if (c.cmd === '+') {
        set |= c.bits;
        clr &= ~c.bits;
        x &= ~c.bits;
      } else x |= c.bits & ~set;
    }
    i--;
    if (clr) out.push({ cmd: '-', flags: 0, bits: clr });
    if (set) out.push({ cmd: '+', flags: 0, bits: set });
    if (x) out.push({ cmd: 'X', flags: 0, bits: x });
  }
  return out;
}

/** mode.Parse for a mode that does not start with a digit (dockerfile2llb tries octal first). */
export function parseSymbolicMode(spec: string): ModeFn {
  if (spec === '') throw syntax();
  const cmds: BitCmd[] = [];
  let s = spec;
  let equalDone = false;
  for (;;) {
    let who = 0;
    for (;;) {
      if (s === '') throw syntax();
      const w = s[0];
      if (w === 'a') who |= ALL;
      else if (w === 'u') who |= SUID | RWXU;
      else if (w === 'g') who |= SGID | RWXG;
      else if (w === 'o') who |= RWXO;
      else break;
      s = s.slice(1);
    }
    // One or more `op perms` for this `who` (`u+x-w`), until a comma starts the next clause.
    for (;;) {
      const op = s[0];
      s = s.slice(1);
      if (op === '=') equalDone = false;
      else if (op !== '+' && op !== '-') throw syntax();
      who &= ~STICKY;
      let perm = 0;
      let permX = 0;
      for (;; s = s.slice(1)) {
        const b = s[0] ?? '';
        if (b === 'r') perm |= 0o444;
        else if (b === 'w') perm |= 0o222;
        else if (b === 'x') perm |= 0o111;
        else if (b === 'X') {
          if (op !== '-') permX = 0o111;
          else perm |= 0o111;
        } else if (b === 's') {
          if (who === 0 || who & ~RWXO) perm |= SUID | SGID;
        } else if (b === 't') {
          if (who === 0 || who & ~RWXO) {
            who |= STICKY;
            perm |= STICKY;
          }
        } else if (b === 'u' || b === 'g' || b === 'o') {
          if (perm) addCmd(cmds, op, who, perm);
          perm = 0;
          if (op === '=') equalDone = true;
          if (permX) addCmd(cmds, 'X', who, permX);
          permX = 0;
          addCmd(cmds, b, who, op);
        } else {
          if (perm || (op === '=' && !equalDone)) {
            if (op === '=') equalDone = true;
            addCmd(cmds, op, who, perm);
          }
          if (permX) addCmd(cmds, 'X', who, permX);
          break;
        }
      }
      if (s === '' || s[0] === ',') break;
    }
    if (s === '') break;
    s = s.slice(1);
  }
  const program = compress(cmds);
  return (mode, isDir) => {
    const old = mode & 0o7777;
    let m = old;
    const copy = (c: BitCmd, value: number): void => {
      if (c.flags & CLEAR) {
        const clr = c.flags & SET ? RWXO : value;
        if (c.flags & U_BITS) m &= ~((clr << 6) & c.bits);
        if (c.flags & G_BITS) m &= ~((clr << 3) & c.bits);
        if (c.flags & O_BITS) m &= ~(clr & c.bits);
      }
      if (c.flags & SET) {
        if (c.flags & U_BITS) m |= (value << 6) & c.bits;
        if (c.flags & G_BITS) m |= (value << 3) & c.bits;
        if (c.flags & O_BITS) m |= value & c.bits;
      }
    };
    for (const c of program) {
      if (c.cmd === 'u') copy(c, (m & RWXU) >> 6);
      else if (c.cmd === 'g') copy(c, (m & RWXG) >> 3);
      else if (c.cmd === 'o') copy(c, m & RWXO);
      else if (c.cmd === '+') m |= c.bits;
      else if (c.cmd === '-') m &= ~c.bits;
      else if (c.cmd === 'X' && (old & 0o111 || isDir)) m |= c.bits;
    }
    return m & 0o7777;
  };
}

/**
 * dispatchCopy's `--chmod`: octal (strconv.ParseUint base 8, at most 07777) as a fixed mode, otherwise symbolic;
 * a value that starts like a number but is no octal one gets the octal error, any other bad one `invalid syntax`.
 */
export function buildkitChmod(spec: string): number | ModeFn {
  const nonOctal = (): ChmodError => new ChmodError(`invalid chmod parameter: '${spec}'. it should be octal string and between 0 and 07777`);
  if (/^[0-7]+$/.test(spec)) {
    const v = parseInt(spec, 8);
    if (v > 0o7777) throw nonOctal();
    return v;
  }
  if (/^[0-9]/.test(spec)) throw nonOctal();
  return parseSymbolicMode(spec);
}
