/** docker search's filters as moby's registry.Service.Search validates and applies them (limit first, then filters). */
import { describe, expect, it } from 'vitest';
import { imageSearch, searchOptions } from '../../../src/engine/daemon/images/search.js';
import { errOf } from './harness.js';

describe('image search', () => {
  it('filters what Docker Hub answered within the limit', () => {
    const names = (term: string, limit: number, f: Record<string, string[]>): string[] => imageSearch(term, searchOptions(limit, f)).map((r) => r.name);
    expect(names('ubuntu', 0, { 'is-official': ['true'] })).toEqual(['ubuntu']);
    expect(names('ubuntu', 0, { 'is-official': ['false'], stars: ['100', '111'] })).toEqual(['ubuntu/nginx', 'ubuntu/bind9']);
    expect(names('ubuntu', 2, { 'is-official': ['false'] })).toEqual(['ubuntu/nginx']);
    expect(names('ubuntu', 0, { 'is-automated': ['true'] })).toEqual([]);
  });

  it("words bad filters as moby's filters package does", async () => {
    expect(await errOf(() => searchOptions(0, { bogus: ['x'] }))).toBe("InvalidParameter: invalid filter 'bogus'");
    expect(await errOf(() => searchOptions(0, { 'is-official': ['maybe'] }))).toBe("InvalidParameter: invalid filter 'is-official=maybe'");
    expect(await errOf(() => searchOptions(0, { stars: ['many'] }))).toBe(`InvalidParameter: invalid filter 'stars=many': strconv.Atoi: parsing "many": invalid syntax`);
  });
});
