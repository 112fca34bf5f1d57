/**
 * Tools that read as they go hold only the line in hand, so an endless producer cannot exhaust memory; a tool
 * that must hold all its input is bounded and fails as GNU's xalloc_die does.
 */
import { describe, expect, it } from 'vitest';
import { bashC } from '../shell/harness.js';

describe('reading endless input', () => {
  it('grep passes lines on as they come, so yes | grep y | head ends', async () => {
    const r = await bashC('yes | grep y | head -3; yes | grep -m2 -n y; yes | grep -q y; echo "q=$?"');
    expect(r.out).toBe('y\ny\ny\n1:y\n2:y\nq=0\n');
  });

  it('grep still finds a last line without a newline and counts across reads', async () => {
    const r = await bashC('head -c 3000000 /dev/zero | tr "\\0" x | grep -c x; printf "a\\nb" | grep b; printf "a\\nb" | grep -c ""');
    expect(r.out).toBe('1\nb\n2\n');
  });

  it('cut and uniq pass lines on as they come', async () => {
    const r = await bashC('yes abc | cut -c2 | head -2; printf "a\\na\\nb" | uniq -c');
    expect(r.out).toBe('b\nb\n      2 a\n      1 b\n');
  });

  it('wc counts a stream far larger than it keeps', async () => {
    const r = await bashC('yes hello | head -c 30000000 | wc; printf "a b\\nc d" | wc', { ms: 600_000 });
    expect(r.out).toBe('5000000 5000000 30000000\n      1       4       7\n');
  });

  it('sort holds its input up to a bound, then says memory exhausted', async () => {
    const r = await bashC('yes | sort | head -1; echo "${PIPESTATUS[@]}"', { ms: 600_000 });
    expect(r.out).toBe('sort: memory exhausted\n141 1 0\n');
  });
});
