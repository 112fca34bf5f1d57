import { describe, expect, it } from 'vitest';
import { deb822Sources, parseSourceLine } from '../../../src/programs/apt/state.js';

describe('sources.list one-line entries', () => {
  it('read the [ key=value ] options block Docker’s install guide writes', () => {
    expect(parseSourceLine('deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/ubuntu noble stable')).toEqual({
      uri: 'https://download.docker.com/linux/ubuntu', host: 'download.docker.com', suite: 'noble', components: ['stable'],
      signedBy: '/etc/apt/keyrings/docker.asc',
    });
  });

  it('take options with spaces inside the brackets, several architectures, and trusted=', () => {
    const s = parseSourceLine('deb [ arch=arm64,amd64  trusted=yes ] http://archive.ubuntu.com/ubuntu/ noble main universe # comment');
    expect(s).toEqual({ uri: 'http://archive.ubuntu.com/ubuntu', host: 'archive.ubuntu.com', suite: 'noble', components: ['main', 'universe'], trusted: true });
  });

  it('leave out an entry that is not for amd64 (arch= without it, or arch-= removing it)', () => {
    expect(parseSourceLine('deb [arch=arm64] http://ports.ubuntu.com/ubuntu-ports noble main')).toBeNull();
    expect(parseSourceLine('deb [arch-=amd64] http://archive.ubuntu.com/ubuntu noble main')).toBeNull();
    expect(parseSourceLine('deb [arch+=i386] http://archive.ubuntu.com/ubuntu noble main')?.suite).toBe('noble');
  });

  it('are plain entries without options, and nothing for deb-src, comments or a short line', () => {
    expect(parseSourceLine('deb http://archive.ubuntu.com/ubuntu noble main')).toEqual({
      uri: 'http://archive.ubuntu.com/ubuntu', host: 'archive.ubuntu.com', suite: 'noble', components: ['main'],
    });
    expect(parseSourceLine('deb-src http://archive.ubuntu.com/ubuntu noble main')).toBeNull();
    expect(parseSourceLine('# deb http://archive.ubuntu.com/ubuntu noble main')).toBeNull();
    expect(parseSourceLine('deb [arch=amd64] http://archive.ubuntu.com/ubuntu')).toBeNull();
    expect(parseSourceLine('deb [arch=amd64 http://archive.ubuntu.com/ubuntu noble main')).toBeNull();
  });
});

describe('deb822 .sources stanzas', () => {
  it('keep Signed-By and leave out disabled stanzas and other architectures', () => {
    const text = [
      'Types: deb', 'URIs: https://download.docker.com/linux/ubuntu', 'Suites: noble', 'Components: stable',
      'Signed-By: /etc/apt/keyrings/docker.asc', '',
      'Types: deb', 'URIs: http://archive.ubuntu.com/ubuntu/', 'Suites: noble', 'Components: main', 'Enabled: no', '',
      'Types: deb', 'URIs: http://ports.ubuntu.com/ubuntu-ports/', 'Suites: noble', 'Components: main', 'Architectures: arm64', '',
    ].join('\n');
    expect(deb822Sources(text)).toEqual([{
      uri: 'https://download.docker.com/linux/ubuntu', host: 'download.docker.com', suite: 'noble', components: ['stable'],
      signedBy: '/etc/apt/keyrings/docker.asc',
    }]);
  });
});
