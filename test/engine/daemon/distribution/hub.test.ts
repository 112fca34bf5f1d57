/**
 * The simulated Docker Hub's accounts (the first login for a Docker ID registers it; later logins must give its
 * password) and what its search lists of the repositories the learner pushed.
 */
import { describe, expect, it } from 'vitest';
import type { Kernel } from '../../../../src/engine/kernel/kernel.js';
import type { DaemonStore } from '../../../../src/engine/daemon/store.js';
import type { Sys } from '../../../../src/engine/kernel/sys.js';
import { hubLogin, hubOf, hubPushedRepos, hubRefuses, hubRepository, isDockerID } from '../../../../src/engine/daemon/distribution/hub.js';
import { registryLogin } from '../../../../src/engine/daemon/distribution/auth.js';
import { imageSearch, searchOptions } from '../../../../src/engine/daemon/images/search.js';
import { errOf } from '../harness.js';

// The Hub is keyed by its machine's kernel; a fresh object stands for a fresh machine.
const machine = (): Kernel => ({}) as Kernel;

describe('Docker Hub accounts', () => {
  it('registers a Docker ID at its first login and then wants the same password', () => {
    const k = machine();
    expect(hubLogin(k, 'alice1', 'first')).toBe(true);
    expect(hubLogin(k, 'alice1', 'second')).toBe(false);
    expect(hubLogin(k, 'alice1', 'first')).toBe(true);
    expect([...hubOf(k).accounts]).toEqual([['alice1', 'first']]);
    // another machine's Hub knows nothing of it
    expect(hubLogin(machine(), 'alice1', 'second')).toBe(true);
  });

  it('refuses names Hub never gives out, names it shows as taken, and an empty password', () => {
    const k = machine();
    for (const name of ['Alice1', 'bob', 'a'.repeat(31), 'al-ice', 'al_ice', 'me@example.com', '']) {
      expect(isDockerID(name), name).toBe(false);
      expect(hubLogin(k, name, 'pw'), name).toBe(false);
    }
    for (const name of ['ubuntu', 'library', 'radial', 'alpine']) expect(hubLogin(k, name, 'pw'), name).toBe(false);
    expect(hubLogin(k, 'abcd', '')).toBe(false);
    expect(hubLogin(k, 'abcd', 'pw')).toBe(true);
    expect(hubLogin(k, 'a'.repeat(30), 'pw')).toBe(true);
    expect([...hubOf(k).accounts.keys()]).toEqual(['abcd', 'a'.repeat(30)]);
  });

  it("answers POST /auth as dockerd does: Login Succeeded, or Unauthorized with loginV2's error", async () => {
    const engine = { kernel: machine() } as unknown as DaemonStore;
    const sys = {} as Sys;
    expect(await registryLogin(engine, sys, { username: 'alice1', password: 'first' })).toEqual({ Status: 'Login Succeeded', IdentityToken: '' });
    expect(await registryLogin(engine, sys, { username: 'alice1', password: 'first', serveraddress: 'https://index.docker.io/v1/' })).toEqual({
      Status: 'Login Succeeded', IdentityToken: '',
    });
    expect(await errOf(() => registryLogin(engine, sys, { username: 'alice1', password: 'second' }))).toBe(
      'Unauthorized: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password',
    );
    expect(await errOf(() => registryLogin(engine, sys, { username: 'Alice1', password: 'first' }))).toBe(
      'Unauthorized: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password',
    );
  });
});

describe('a push to the Hub', () => {
  it('checks the credentials against the account before the namespace', async () => {
    const k = machine();
    hubLogin(k, 'alice1', 'first');
    const open = (path: string, username?: string, password?: string): Promise<string> =>
      errOf(() => hubRepository(k, path, 'push', { username, password }));
    expect(await open('alice1/web', 'alice1', 'first')).toBe('no error');
    expect(await open('alice1/web', 'alice1', 'wrong')).toBe('System: unauthorized: incorrect username or password');
    expect(await open('bob1/web', 'alice1', 'wrong')).toBe('System: unauthorized: incorrect username or password');
    expect(await open('zed1/web', 'zed1', 'never-logged-in')).toBe('System: unauthorized: incorrect username or password');
    expect(await open('bob1/web', 'alice1', 'first')).toBe('System: denied: requested access to the resource is denied');
    expect(await open('alice1/web')).toBe('System: denied: requested access to the resource is denied');
  });

  it('refuses, for a pull too, credentials no account has; none at all is an anonymous pull', () => {
    const k = machine();
    hubLogin(k, 'alice1', 'first');
    expect(hubRefuses(k, {})).toBe(false);
    expect(hubRefuses(k, { username: 'alice1', password: 'first' })).toBe(false);
    expect(hubRefuses(k, { username: 'alice1', password: 'wrong' })).toBe(true);
    expect(hubRefuses(k, { username: 'zed1', password: 'x' })).toBe(true);
  });
});

describe("Docker Hub's search of pushed repositories", () => {
  it('lists only repositories a push gave a tag, by name', () => {
    const k = machine();
    const repos = hubOf(k).repos;
    repos.set('zed1/web', { tags: new Map([['latest', 'sha256:1']]), blobs: new Set() });
    repos.set('alice1/blobs-only', { tags: new Map(), blobs: new Set(['sha256:2']) });
    repos.set('alice1/web', { tags: new Map([['v1', 'sha256:3']]), blobs: new Set() });
    expect(hubPushedRepos(k)).toEqual(['alice1/web', 'zed1/web']);
  });

  it('answers a pushed repository as Hub does a new public one, after the catalogue, within the limit and filters', () => {
    const pushed = ['alice1/hello', 'alice1/ubuntu-notes'];
    const search = (term: string, limit: number, f: Record<string, string[]>): string[] => imageSearch(term, searchOptions(limit, f), pushed).map((r) => r.name);
    expect(imageSearch('alice1', searchOptions(0, {}), pushed)).toEqual([
      { star_count: 0, is_official: false, name: 'alice1/hello', is_automated: false, description: '' },
      { star_count: 0, is_official: false, name: 'alice1/ubuntu-notes', is_automated: false, description: '' },
    ]);
    expect(search('hello', 0, {})).toEqual(['hello-world', 'alice1/hello']);
    expect(search('ubuntu', 0, { 'is-official': ['false'] })).toEqual(['ubuntu/nginx', 'ubuntu/squid', 'ubuntu/bind9', 'ubuntu/mysql', 'alice1/ubuntu-notes']);
    expect(search('ubuntu', 5, {})).toEqual(['ubuntu', 'ubuntu/nginx', 'ubuntu/squid', 'ubuntu/bind9', 'ubuntu/mysql']);
    expect(search('HELLO', 0, { stars: ['1'] })).toEqual(['hello-world']);
    expect(search('notes', 0, { 'is-official': ['true'] })).toEqual([]);
  });
});
