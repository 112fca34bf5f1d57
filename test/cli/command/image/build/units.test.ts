import { describe, expect, it } from 'vitest';
import { cleanPath, keepBuildFiles, PatternMatcher, readDockerignore } from '../../../../../src/pkg/patternmatcher.js';
import { printSource, stepRange } from '../../../../../src/cli/command/image/build/source.js';
import { goFixed, unitsBytes } from '../../../../../src/cli/command/image/build/progressui.js';
import { base64Decode as decodeBase64, base64Encode as encodeBase64 } from '../../../../../src/pkg/base64.js';

describe('.dockerignore (moby/patternmatcher)', () => {
  it('reads patterns as ignorefile.ReadAll: comments, BOM, trimming, exceptions, cleaned and relative', () => {
    expect(readDockerignore('\ufeff# c\n*.log  \n\n ! keep.log\n/secret/\n./a/../b\n  #not a comment\r\n')).toEqual(['*.log', '!keep.log', 'secret', 'b', '#not a comment']);
    expect(cleanPath('a//b/./c/..')).toBe('a/b');
  });

  it('excludes as the CLI walks: the last matching pattern decides, a directory takes its files along', () => {
    const pm = new PatternMatcher(['*.log', '!keep.log', 'node_modules', 'src/**', '**/*.tmp', 'doc?', '[ab].txt']);
    const ex = (f: string): boolean => pm.excluded(f);
    expect(['a.log', 'node_modules', 'node_modules/x/y.js', 'src/x', 'src/d/e', 'x/y/z.tmp', 'z.tmp', 'docs', 'a.txt'].filter(ex)).toHaveLength(9);
    expect(['keep.log', 'd/a.log', 'srcx', 'doc', 'c.txt', 'Dockerfile'].filter(ex)).toEqual([]);
  });

  it('always sends the Dockerfile and .dockerignore unless the Dockerfile comes from stdin', () => {
    expect(keepBuildFiles(['*'], 'Dockerfile', false)).toEqual(['*', '!.dockerignore', '!Dockerfile']);
    expect(keepBuildFiles(['*'], '-', true)).toEqual(['*', '!.dockerignore']);
    expect(keepBuildFiles(['*.log'], 'Dockerfile', false)).toEqual(['*.log']);
  });

  it('refuses a lone "!" with patternmatcher\'s error', () => {
    expect(() => new PatternMatcher(['!'])).toThrow('illegal exclusion pattern: "!"');
  });
});

describe('the Dockerfile excerpt (errdefs Source.Print)', () => {
  const text = 'FROM a\nRUN b\nRUN c \\\n  d\nRUN e\nRUN f\n';
  it('finds step [k/N] among FROM/RUN/COPY/ADD/WORKDIR, stage names and padding included', () => {
    expect(stepRange(text, '[3/5] RUN c   d')).toEqual({ start: 3, end: 4 });
    expect(stepRange(text, '[builder  2/12] RUN b')).toEqual({ start: 2, end: 2 });
    expect(stepRange(text, '[internal] load build definition from Dockerfile')).toBeNull();
  });

  it('takes a here-document\'s body into its RUN\'s range and counts no step in it; a backtick escape continues', () => {
    const heredoc = 'FROM a\nRUN <<EOF\nRUN not a step\nEOF\nRUN f\n';
    expect(stepRange(heredoc, '[2/3] RUN <<EOF (RUN not a step)')).toEqual({ start: 2, end: 4 });
    expect(stepRange(heredoc, '[3/3] RUN f')).toEqual({ start: 5, end: 5 });
    expect(stepRange('# escape=`\nFROM a\nRUN b `\n  c\nRUN d\n', '[3/3] RUN d')).toEqual({ start: 5, end: 5 });
  });

  it('shows two lines around one line, one around several, fewer at the edges, the trailing empty line kept', () => {
    expect(printSource('Dockerfile', text, { start: 1, end: 1 })).toBe('Dockerfile:1\n--------------------\n' +
      '   1 | >>> FROM a\n   2 |     RUN b\n   3 |     RUN c \\\n--------------------\n');
    expect(printSource('Dockerfile', text, { start: 3, end: 4 })).toBe('Dockerfile:3\n--------------------\n' +
      '   2 |     RUN b\n   3 | >>> RUN c \\\n   4 | >>>   d\n   5 |     RUN e\n--------------------\n');
    expect(printSource('Dockerfile.web', text, { start: 6, end: 6 })).toBe('Dockerfile.web:6\n--------------------\n' +
      '   4 |       d\n   5 |     RUN e\n   6 | >>> RUN f\n   7 |     \n--------------------\n');
  });
});

describe('progressui number formats', () => {
  it('rounds as Go\'s strconv does: exact value, ties to even', () => {
    expect([0.25, 0.35, 0.75, 7.45, 0.05, 12.25].map((x) => goFixed(x, 1))).toEqual(['0.2', '0.3', '0.8', '7.5', '0.1', '12.2']);
    expect([1.8505, 2.5].map((x) => goFixed(x, x < 2 ? 3 : 0))).toEqual(['1.851', '2']);
  });

  it('prints sizes as tonistiigi/units %.2f', () => {
    expect([0, 2, 217, 999, 1000, 1234, 1125, 1135, 1_050_000, 3_380_000, 2_500_000_000].map(unitsBytes)).toEqual([
      '0B', '2B', '217B', '999B', '1.00kB', '1.23kB', '1.12kB', '1.14kB', '1.05MB', '3.38MB', '2.50GB',
    ]);
  });

  it('base64 round-trips', () => {
    const b = Uint8Array.from([0, 1, 2, 250, 251, 252, 253]);
    for (let n = 0; n <= b.length; n++) expect(decodeBase64(encodeBase64(b.subarray(0, n)))).toEqual(b.subarray(0, n));
    expect(encodeBase64(Uint8Array.from([0x4d, 0x61]))).toBe('TWE=');
  });
});
