/**
 * Brace expansion (`{a,b}`, `{1..5}`, `{01..10..2}`, `{a..e}`), bash's first expansion. Only unquoted text
 * takes part: a brace group must lie inside one literal part of the word.
 */
import type { Word, WordPart } from './ast.js';
import { makeWord } from './lexer.js';

/** Expands the braces of one literal string; null when it has none to expand. */
export function expandBraces(s: string): string[] | null {
  for (let i = s.indexOf('{'); i >= 0; i = s.indexOf('{', i + 1)) {
    if (i > 0 && s[i - 1] === '$') continue;
    const close = matchingBrace(s, i);
    if (close < 0) continue;
    const body = s.slice(i + 1, close);
    const alts = splitTop(body) ?? sequence(body);
    if (!alts) continue;
    const prefix = s.slice(0, i);
    const suffix = s.slice(close + 1);
    const out: string[] = [];
    for (const alt of alts) {
      const joined = prefix + alt + suffix;
      out.push(...(expandBraces(joined) ?? [joined]));
    }
    return out;
  }
  return null;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

/** `a,b,{c,d}` → ['a', 'b', '{c,d}'], or null without a top-level comma. */
function splitTop(body: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < body.length; j++) {
    const c = body[j];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, j));
      start = j + 1;
    }
  }
  if (parts.length === 0) return null;
  parts.push(body.slice(start));
  return parts;
}

function sequence(body: string): string[] | null {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
  if (!m) return null;
  const [, a, b, stepText] = m;
  const numeric = /\d/.test(a);
  if (numeric !== /\d/.test(b)) return null;
  const from = numeric ? Number(a) : a.charCodeAt(0);
  const to = numeric ? Number(b) : b.charCodeAt(0);
  let step = Math.abs(Number(stepText ?? '1')) || 1;
  if (from > to) step = -step;
  const width = numeric && (/^-?0\d/.test(a) || /^-?0\d/.test(b)) ? Math.max(a.length, b.length) : 0;
  const out: string[] = [];
  for (let v = from; step > 0 ? v <= to : v >= to; v += step) {
    if (out.length > 100000) break;
    if (!numeric) out.push(String.fromCharCode(v));
    else {
      const digits = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
      out.push(v < 0 ? `-${digits}` : digits);
    }
  }
  return out;
}

const PLACEHOLDER = 0xe000;

/**
 * The words a word becomes after brace expansion (itself when it has no braces). Quoted and expanded parts
 * stand in the text as private-use placeholders, so a group may span them (`{$x,2}`) but never looks inside.
 */
export function braceWords(w: Word): Word[] {
  if (w.parts.length > 0x1800) return [w];
  let text = '';
  w.parts.forEach((p, i) => {
    text += p.k === 'lit' ? p.v : String.fromCharCode(PLACEHOLDER + i);
  });
  const alts = expandBraces(text);
  if (!alts) return [w];
  return alts.map((alt) => {
    const parts: WordPart[] = [];
    let lit = '';
    for (const ch of alt) {
      const code = ch.charCodeAt(0);
      if (code >= PLACEHOLDER && code < PLACEHOLDER + w.parts.length) {
        if (lit) parts.push({ k: 'lit', v: lit });
        lit = '';
        parts.push(w.parts[code - PLACEHOLDER]);
      } else lit += ch;
    }
    if (lit) parts.push({ k: 'lit', v: lit });
    return makeWord(parts, w.raw);
  });
}
