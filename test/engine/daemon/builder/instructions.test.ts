import { describe, expect, it } from 'vitest';
import { gzip } from '../../../../src/pkg/archive/gzip.js';
import { writeTar } from '../../../../src/pkg/archive/tar.js';
import type { Image } from '../../../../src/engine/daemon/images/store.js';
import { boot } from '../harness.js';
import { build } from './buildHarness.js';

function stat(img: Image, path: string): { type: string; mode: number; uid: number; gid: number; text: string } | null {
  for (let i = img.layers.length - 1; i >= 0; i--) {
    try {
      const st = img.layers[i].lstat(path);
      const text = st.type === 'file' ? new TextDecoder().decode(img.layers[i].readFile(path)) : '';
      return { type: st.type, mode: st.mode, uid: st.uid, gid: st.gid, text };
    } catch {
      // below
    }
  }
  return null;
}

const createdBy = (img: Image, n: number): string[] => img.history.slice(-n).map((h) => h.created_by ?? '');

describe('every Dockerfile instruction, through the legacy builder', () => {
  it('applies the config instructions with variable substitution, and records moby\'s CREATED BY', async () => {
    const h = boot();
    const df = [
      'ARG BASE=busybox', 'FROM ${BASE} AS base', 'MAINTAINER James Turnbull "james@example.com"', 'ARG VERSION=1.0',
      'ENV REFRESHED_AT 2014-06-01', 'ENV APP=/opt/app DIR=$APP/bin', 'LABEL version="$VERSION" maintainer="james@example.com"',
      'EXPOSE 80 443/udp', 'VOLUME ["/data"]', 'WORKDIR /opt', 'WORKDIR app', 'USER nobody', 'STOPSIGNAL SIGQUIT',
      'ONBUILD ADD . /var/www/', 'SHELL ["/bin/sh", "-ec"]', 'ENTRYPOINT ["/bin/echo"]', 'CMD echo $HOME',
    ].join('\n');
    const r = await build(h, { Dockerfile: df }, { buildArgs: { VERSION: '2.0' } });
    expect(r.error).toBe('');
    const img = h.engine.images.get(r.id)!;
    expect(img.config).toMatchObject({
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'REFRESHED_AT=2014-06-01', 'APP=/opt/app', 'DIR=/bin'],
      Labels: { version: '2.0', maintainer: 'james@example.com' }, ExposedPorts: { '443/udp': {}, '80/tcp': {} }, Volumes: { '/data': {} },
      WorkingDir: '/opt/app', User: 'nobody', StopSignal: 'SIGQUIT', OnBuild: ['ADD . /var/www/'], Entrypoint: ['/bin/echo'],
      Cmd: ['/bin/sh', '-ec', 'echo $HOME'],
    });
    expect(img.author).toBe('James Turnbull "james@example.com"');
    expect(stat(img, '/opt/app')?.type).toBe('dir');
    expect(r.text).toContain('Step 1/17 : ARG BASE=busybox\nStep 2/17 : FROM ${BASE} AS base\n');
    expect(createdBy(img, 15)).toEqual([
      '/bin/sh -c #(nop)  MAINTAINER James Turnbull "james@example.com"', '/bin/sh -c #(nop)  ARG VERSION=1.0',
      '/bin/sh -c #(nop)  ENV REFRESHED_AT=2014-06-01', '/bin/sh -c #(nop)  ENV APP=/opt/app DIR=/bin',
      '/bin/sh -c #(nop)  LABEL version=2.0 maintainer=james@example.com', '/bin/sh -c #(nop)  EXPOSE 80 443/udp',
      '/bin/sh -c #(nop)  VOLUME [/data]', '/bin/sh -c #(nop) WORKDIR /opt', '/bin/sh -c #(nop) WORKDIR /opt/app',
      '/bin/sh -c #(nop)  USER nobody', '/bin/sh -c #(nop)  STOPSIGNAL SIGQUIT', '/bin/sh -c #(nop)  ONBUILD ADD . /var/www/',
      '/bin/sh -ec #(nop)  SHELL [/bin/sh -ec]', '/bin/sh -ec #(nop)  ENTRYPOINT ["/bin/echo"]',
      '/bin/sh -ec #(nop)  CMD ["/bin/sh" "-ec" "echo $HOME"]',
    ]);
  });

  it('runs RUN in both forms with the build args in its environment and its cache key', async () => {
    const h = boot();
    const df = 'FROM busybox\nARG WHO=world\nRUN echo "hello $WHO" > /hello\nRUN ["/bin/sh", "-c", "echo exec >> /hello"]\n';
    const r = await build(h, { Dockerfile: df }, { buildArgs: { WHO: 'you', HTTP_PROXY: 'http://p:3128' } });
    const img = h.engine.images.get(r.id)!;
    expect(stat(img, '/hello')?.text).toBe('hello you\nexec\n');
    expect(createdBy(img, 2)).toEqual(['|1 WHO=you /bin/sh -c echo "hello $WHO" > /hello', '|1 WHO=you /bin/sh -c echo exec >> /hello']);
    const unused = await build(h, { Dockerfile: 'FROM busybox\nRUN true\n' }, { buildArgs: { NOPE: 'x' } });
    expect(unused.text).toContain('[Warning] One or more build-args [NOPE] were not consumed\n');
  });

  it('copies files, directories and globs, with --chown, into WORKDIR-relative destinations; ADD unpacks a tar', async () => {
    const h = boot();
    const inner = writeTar([{ name: 'pkg/readme', type: 'file', mode: 0o600, uid: 0, gid: 0, uname: '', gname: '', mtime: 0, data: new TextEncoder().encode('inside\n') }]);
    const df = [
      'FROM busybox', 'WORKDIR /srv', 'COPY index.html .', 'COPY conf/ /etc/site/', 'COPY *.txt notes/', 'COPY --chown=33:33 index.html /owned',
      'ADD bundle.tar.gz /opt/', 'ADD index.html /plain.html',
    ].join('\n');
    const r = await build(h, {
      Dockerfile: df, 'index.html': '<h1>hi</h1>\n', 'conf/a.conf': 'a\n', 'conf/sub/b.conf': 'b\n', 'one.txt': '1', 'two.txt': '2',
      'bundle.tar.gz': gzip(inner),
    });
    expect(r.error).toBe('');
    const img = h.engine.images.get(r.id)!;
    expect(stat(img, '/srv/index.html')?.text).toBe('<h1>hi</h1>\n');
    expect(stat(img, '/etc/site/sub/b.conf')?.text).toBe('b\n');
    expect([stat(img, '/srv/notes/one.txt')?.text, stat(img, '/srv/notes/two.txt')?.text]).toEqual(['1', '2']);
    expect(stat(img, '/owned')).toMatchObject({ uid: 33, gid: 33 });
    expect(stat(img, '/opt/pkg/readme')).toMatchObject({ text: 'inside\n', mode: 0o600 });
    expect(stat(img, '/plain.html')?.text).toBe('<h1>hi</h1>\n');
    expect(createdBy(img, 1)[0]).toMatch(/^\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{64} in \/plain.html $/);
    expect(createdBy(img, 6)[1]).toMatch(/^\/bin\/sh -c #\(nop\) COPY dir:[0-9a-f]{64} in \/etc\/site\/ $/);
    expect(createdBy(img, 6)[2]).toMatch(/^\/bin\/sh -c #\(nop\) COPY multi:[0-9a-f]{64} in notes\/ $/);
  });

  it('builds multi-stage with COPY --from and --target, and ONBUILD triggers fire in a child build', async () => {
    const h = boot();
    const df = 'FROM busybox AS build\nRUN echo built > /artifact\nFROM busybox AS final\nCOPY --from=build /artifact /app/artifact\nFROM final AS extra\nRUN false\n';
    const r = await build(h, { Dockerfile: df }, { target: 'final' });
    expect(r.error).toBe('');
    expect(stat(h.engine.images.get(r.id)!, '/app/artifact')?.text).toBe('built\n');
    expect(r.text).toContain('Step 3/4 : FROM busybox AS final');
    const missing = await build(h, { Dockerfile: df }, { target: 'nope' });
    expect(missing.error).toBe('target stage "nope" could not be found');

    const parent = await build(h, { Dockerfile: 'FROM busybox\nONBUILD COPY . /app/\nONBUILD RUN ls /app > /listing\n' }, { tags: ['onb'] });
    expect(parent.error).toBe('');
    const child = await build(h, { Dockerfile: 'FROM onb\n', 'x.txt': 'x' });
    expect(child.text).toContain('Step 1/1 : FROM onb\n# Executing 2 build triggers\n');
    expect(stat(h.engine.images.get(child.id)!, '/listing')?.text).toBe('Dockerfile\nx.txt\n');
    expect(h.engine.images.get(child.id)!.config.OnBuild ?? null).toBeNull();
  });

  it('refuses what it does not model, and errs as moby does', async () => {
    const h = boot();
    const err = async (files: Record<string, string>, opts = {}): Promise<string> => (await build(h, files, opts)).error;
    expect(await err({ dockerfile: 'FROM busybox\n' }, { dockerfile: 'Other' })).toBe('Cannot locate specified Dockerfile: Other');
    expect(await err({ dockerfile: 'FROM busybox\nRUN echo lower\n' })).toBe('');
    expect(await err({ Dockerfile: '' })).toBe('the Dockerfile (Dockerfile) cannot be empty');
    expect(await err({ Dockerfile: '# nothing\n' })).toBe('failed to parse Dockerfile: file with no instructions');
    expect(await err({ Dockerfile: 'FROM busybox\nFOOO bar\n' })).toBe('dockerfile parse error on line 2: unknown instruction: FOOO');
    expect(await err({ Dockerfile: 'RUN true\n' })).toBe('no build stage in current context');
    expect(await err({ Dockerfile: 'FROM busybox\nCOPY --nope=1 a b\n' })).toBe('dockerfile parse error on line 2: unknown flag: nope');
    expect(await err({ Dockerfile: 'FROM busybox\nRUN --mount=type=cache,target=/x true\n' })).toBe(
      'the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled',
    );
    expect(await err({ Dockerfile: 'FROM busybox\nCOPY nosuch /x\n' })).toBe(
      'COPY failed: file not found in build context or excluded by .dockerignore: stat nosuch: file does not exist',
    );
    expect(await err({ Dockerfile: 'FROM busybox\nCOPY a b /x\n', a: '', b: '' })).toBe(
      'When using COPY with more than one source file, the destination must be a directory and end with a /',
    );
    expect(await err({ Dockerfile: 'FROM busybox\nADD http://example.com/x /x\n' })).toBe('dockersim: ADD from a URL (http://example.com/x) is not simulated');
    expect(await err({ Dockerfile: 'FROM --platform=linux/arm64 busybox\n' })).toBe('dockersim: the platform linux/arm64 (images here are linux/amd64) is not simulated');
    expect(await err({ Dockerfile: 'FROM busybox\n' }, { remote: 'https://github.com/jamtur01/docker-static_web.git' })).toBe(
      'dockersim: building from a git repository (https://github.com/jamtur01/docker-static_web.git) is not simulated',
    );
    expect(await err({ Dockerfile: 'FROM busybox\n' }, { platform: 'linux/arm64' })).toBe('dockersim: building for the platform linux/arm64 is not simulated');
    expect(await err({ Dockerfile: 'FROM busybox\n' }, { remote: 'client-session' })).toBe(
      'experimental session with v1 builder is no longer supported, use builder version v2 (BuildKit) instead',
    );
  });

  it('drops the build files .dockerignore lists from the context (a Dockerfile from stdin travels as .dockerfile.<id>)', async () => {
    for (const version of ['1', '2'] as const) {
      const h = boot();
      const files = {
        '.dockerfile.0123456789abcdef0123': 'FROM busybox\nCOPY . /src\n',
        '.dockerignore': '.dockerignore\n.dockerfile.0123456789abcdef0123\n',
        'a.txt': 'hi\n',
      };
      const r = await build(h, files, { version, dockerfile: '.dockerfile.0123456789abcdef0123' });
      expect(r.error).toBe('');
      const img = h.engine.images.get(r.id)!;
      expect([stat(img, '/src/a.txt')?.text, stat(img, '/src/.dockerignore'), stat(img, '/src/.dockerfile.0123456789abcdef0123')]).toEqual(['hi\n', null, null]);
    }
  });
  it.each(['1', '2'] as const)('dates the directories a COPY/ADD creates (and WORKDIR in BuildKit) at the step, as MkdirAll does; a tar\'s own keep theirs (version=%s)', async (version) => {
    const h = boot();
    const entry = { uid: 0, gid: 0, uname: '', gname: '', mtime: 1_600_000_000 };
    const tar = writeTar([
      { ...entry, name: 'd/', type: 'dir', mode: 0o755 },
      { ...entry, name: 'd/f', type: 'file', mode: 0o644, data: new TextEncoder().encode('f\n') },
    ]);
    const r = await build(h, { Dockerfile: 'FROM busybox\nADD x.tar dir/\nCOPY a /srv/sub/\nWORKDIR /app\n', 'x.tar': tar, a: 'a' }, { version });
    expect(r.error).toBe('');
    const img = h.engine.images.get(r.id)!;
    const mtime = (path: string): number => [...img.layers].reverse().flatMap((l) => {
      try {
        return [l.lstat(path).mtimeMs];
      } catch {
        return [];
      }
    })[0];
    const built = Date.parse(img.created);
    const made = version === '2' ? ['/dir', '/srv', '/srv/sub', '/app'] : ['/dir', '/srv', '/srv/sub'];
    for (const p of made) expect([p, Math.abs(mtime(p) - built) < 60_000]).toEqual([p, true]);
    expect(mtime('/dir/d')).toBe(1_600_000_000_000);
  });
});
