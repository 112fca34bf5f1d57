import { describe, expect, it } from 'vitest';
import { showList, sizeToStr, timeToStr } from '../../../src/programs/apt/format.js';
import { compareVersions } from '../../../src/programs/apt/version.js';
import { crc32, gzipStore } from '../../../src/programs/apt/gzip.js';
import { gunzipSync } from 'node:zlib';

describe('apt number formats (strutl.cc, C locale)', () => {
  it('SizeToStr', () => {
    expect(sizeToStr(8094)).toBe('8094 ');
    expect(sizeToStr(12_281)).toBe('12.3 k');
    expect(sizeToStr(520_644)).toBe('521 k');
    expect(sizeToStr(2_776_000)).toBe('2776 k');
    expect(sizeToStr(19_300_000)).toBe('19.3 M');
  });

  it('TimeToStr', () => {
    expect(timeToStr(0)).toBe('0s');
    expect(timeToStr(61)).toBe('1min 1s');
  });
});

describe('ShowList', () => {
  it('wraps where the next name would reach the width less three', () => {
    const out = showList('T:', ['apache2-bin', 'apache2-data', 'apache2-utils', 'libapr1', 'libaprutil1', 'libaprutil1-dbd-sqlite3', 'libaprutil1-ldap', 'liblua5.3-0'], 79);
    // The same list as Debian 12's apt-get prints it off a terminal.
    expect(out).toBe('T:\n  apache2-bin apache2-data apache2-utils libapr1 libaprutil1\n  libaprutil1-dbd-sqlite3 libaprutil1-ldap liblua5.3-0\n');
  });
});

describe('Debian version order', () => {
  it('orders epochs, tildes and revisions as dpkg does', () => {
    expect(compareVersions('1:1.0', '2.0')).toBeGreaterThan(0);
    expect(compareVersions('1.0~rc1', '1.0')).toBeLessThan(0);
    expect(compareVersions('1.24.0-2ubuntu7.1', '1.24.0-2ubuntu7')).toBeGreaterThan(0);
    expect(compareVersions('2.9.14+dfsg-1.3ubuntu3', '2.9.14+dfsg-1.3ubuntu3')).toBe(0);
    expect(compareVersions('5.38.2-3.2build2', '5.38.2-3.2build2.1')).toBeLessThan(0);
  });
});

describe('stored gzip', () => {
  it('is a gzip file zlib reads back', () => {
    const text = 'Package: nginx\n'.repeat(10_000);
    const gz = gzipStore(new TextEncoder().encode(text));
    expect(gunzipSync(gz).toString()).toBe(text);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
