/**
 * `.dockerignore` as the docker CLI and the daemon read and apply it: moby/patternmatcher's ignorefile.ReadAll (comments,
 * trimming, `!` exceptions, paths cleaned and made relative) and its PatternMatcher (`*`, `?`, `[…]`, `**`,
 * exact/prefix/suffix shortcuts; the last matching pattern decides; a pattern also matches a file under a
 * directory it matches).
 */

/** Go's path.Clean. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

/** ignorefile.ReadAll. */
export function readDockerignore(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((raw, i) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (i === 0 && line.startsWith('\ufeff')) line = line.slice(1);
    if (line.startsWith('#')) return;
    let pattern = line.trim();
    if (pattern === '') return;
    const invert = pattern[0] === '!';
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern[0] === '/') pattern = pattern.slice(1);
    }
    out.push(invert ? '!' + pattern : pattern);
  });
  return out;
}

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

interface Pattern {
  readonly exclusion: boolean;
  readonly cleaned: string;
  readonly dirs: number;
  readonly type: MatchType;
  readonly re?: RegExp;
}

export class PatternError extends Error {}

function compile(p: string): { type: MatchType; re?: RegExp } {
  let re = '^';
  let type: MatchType = 'exact';
  const chars = [...p];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        const atStart = i === 0;
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) {
          if (type === 'exact') type = 'prefix';
          else {
            re += '.*';
            type = 'regexp';
          }
        } else {
          re += '(.*/)?';
          type = 'regexp';
        }
        if (atStart) type = 'suffix';
      } else {
        re += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      type = 'regexp';
    } else if ('.+()|{}$^'.includes(ch)) {
      re += '\\' + ch;
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        re += '\\' + chars[++i];
        type = 'regexp';
      } else re += '\\\\';
    } else if (ch === '[' || ch === ']') {
      re += ch;
      type = 'regexp';
    } else {
      re += ch;
    }
  }
  if (type !== 'regexp') return { type };
  try {
    return { type, re: new RegExp(re + '$', 's') };
  } catch {
    throw new PatternError('syntax error in pattern');
  }
}

function matchOne(p: Pattern, path: string): boolean {
  switch (p.type) {
    case 'exact': return path === p.cleaned;
    case 'prefix': return path.startsWith(p.cleaned.slice(0, -2));
    case 'suffix': {
      const suffix = p.cleaned.slice(2);
      return path.endsWith(suffix) || (suffix[0] === '/' && path === suffix.slice(1));
    }
    case 'regexp': return p.re!.test(path);
  }
}

export class PatternMatcher {
  private readonly patterns: Pattern[] = [];
  readonly exclusions: boolean;

  constructor(patterns: readonly string[]) {
    let exclusions = false;
    for (const raw of patterns) {
      let p = raw.trim();
      if (p === '') continue;
      p = cleanPath(p);
      let exclusion = false;
      if (p[0] === '!') {
        if (p.length === 1) throw new PatternError('illegal exclusion pattern: "!"');
        exclusion = true;
        exclusions = true;
        p = p.slice(1);
      }
      const c = compile(p);
      this.patterns.push({ exclusion, cleaned: p, dirs: p.split('/').length, ...c });
    }
    this.exclusions = exclusions;
  }

  /** The exception patterns as written (a skipped directory is still walked when one may match inside). */
  exceptionPatterns(): string[] {
    return this.patterns.filter((p) => p.exclusion).map((p) => p.cleaned);
  }

  /** MatchesOrParentMatches: excluded, by a pattern on the file or on one of its parent directories. */
  excluded(file: string): boolean {
    let matched = false;
    const slash = file.lastIndexOf('/');
    const parentDirs = slash < 0 ? [] : file.slice(0, slash).split('/');
    for (const p of this.patterns) {
      if (p.exclusion !== matched) continue;
      let match = matchOne(p, file);
      if (!match) {
        for (let i = 0; i < parentDirs.length && !match; i++) match = matchOne(p, parentDirs.slice(0, i + 1).join('/'));
      }
      if (match) matched = !p.exclusion;
    }
    return matched;
  }

  /** Matches (TrimBuildFilesFromExcludes): only parents as deep as the pattern. */
  matches(file: string): boolean {
    let matched = false;
    const slash = file.lastIndexOf('/');
    const parentDirs = slash < 0 ? ['.'] : file.slice(0, slash).split('/');
    for (const p of this.patterns) {
      if (p.exclusion !== matched) continue;
      let match = matchOne(p, file);
      if (!match && slash >= 0 && p.dirs <= parentDirs.length) match = matchOne(p, parentDirs.slice(0, p.dirs).join('/'));
      if (match) matched = !p.exclusion;
    }
    return matched;
  }
}

/** TrimBuildFilesFromExcludes: the Dockerfile and .dockerignore are always sent. */
export function keepBuildFiles(excludes: readonly string[], dockerfile: string, dockerfileFromStdin: boolean): string[] {
  const out = [...excludes];
  if (new PatternMatcher(out).matches('.dockerignore')) out.push('!.dockerignore');
  if (!dockerfileFromStdin && new PatternMatcher(out).matches(dockerfile)) out.push('!' + dockerfile);
  return out;
}
