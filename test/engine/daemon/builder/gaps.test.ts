/** What the builders used to leave out or refuse (issue 16's list), on both paths. */
import { describe, expect, it } from 'vitest';
import { boot, inDaemon } from '../harness.js';
import { build } from './buildHarness.js';

const SHELL_DF = 'FROM busybox\nSHELL ["/bin/sh", "-xc"]\nRUN echo hi\n';

describe.each(['1', '2'] as const)('SHELL (version=%s)', (version) => {
  it('is recorded in the image config, and a build FROM that image runs with it', async () => {
    const h = boot();
    const r = await build(h, { Dockerfile: SHELL_DF }, { version, tags: ['shelled'] });
    expect(r.error).toBe('');
    const inspect = await inDaemon(h, async (d) => d.imageInspect('shelled'));
    expect((inspect.Config as { Shell?: string[] }).Shell).toEqual(['/bin/sh', '-xc']);
    expect(JSON.parse(h.engine.images.recordedConfig(r.id)!).config.Shell).toEqual(['/bin/sh', '-xc']);
    const child = await build(h, { Dockerfile: 'FROM shelled\nRUN echo there\nCMD echo run\n' }, { version, tags: ['child'] });
    expect(child.error).toBe('');
    const img = h.engine.images.resolve('child');
    expect(img.config.Cmd).toEqual(['/bin/sh', '-xc', 'echo run']);
    expect(img.history.at(-2)?.created_by).toMatch(/^(RUN )?\/bin\/sh -xc echo there/);
    // A container made from it does not inherit Shell (moby's merge leaves it out).
    const c = await inDaemon(h, async (d) => d.containerInspect(d.containerCreate({ Image: 'shelled', Cmd: ['true'] }).Id));
    expect((c.Config as { Shell?: string[] }).Shell).toBeUndefined();
  });
});

/** The vertex names of a BuildKit build, in order. */
const vertexNames = (traces: readonly { vertexes: readonly { digest: string; name: string }[] }[]): string[] => {
  const seen = new Map<string, string>();
  for (const t of traces) for (const v of t.vertexes) if (!seen.has(v.digest)) seen.set(v.digest, v.name);
  return [...seen.values()];
};

const STAGES = [
  'FROM alpine AS unrelated', 'RUN echo unrelated > /u',
  'FROM busybox AS base', 'RUN echo base > /b',
  'FROM busybox AS other', 'RUN echo other > /o',
  'FROM base AS final', 'COPY --from=other /o /o', 'COPY --from=1 /b /b2', '',
].join('\n');

describe('BuildKit builds only the stages the target depends on', () => {
  it('leaves out an unrelated stage, its base image\'s metadata included, for the last stage and for --target', async () => {
    const h = boot();
    const r = await build(h, { Dockerfile: STAGES }, { version: '2', tags: ['final'] });
    expect(r.error).toBe('');
    const names = vertexNames(r.traces);
    expect(names.filter((n) => /alpine|unrelated/.test(n))).toEqual([]);
    expect(names.filter((n) => /^\[(base|other|final) /.test(n))).toEqual([
      expect.stringMatching(/^\[base 1\/2\] FROM docker\.io\/library\/busybox:latest@sha256:/), '[base 2/2] RUN echo base > /b',
      expect.stringMatching(/^\[other 1\/2\] FROM docker\.io\/library\/busybox:latest@sha256:/), '[other 2/2] RUN echo other > /o',
      // FROM base is no step of its own (convert.go counts a FROM only of an image): 1/2 and 2/2.
      '[final 1/2] COPY --from=other /o /o', '[final 2/2] COPY --from=1 /b /b2',
    ]);
    expect(h.engine.images.all().some((i) => h.engine.images.repoTags(i.id).includes('alpine:latest'))).toBe(false);
    const base = await build(h, { Dockerfile: STAGES }, { version: '2', target: 'base' });
    expect(vertexNames(base.traces).filter((n) => /^\[(?!internal)/.test(n))).toEqual([
      expect.stringMatching(/^\[base 1\/2\] FROM /), '[base 2/2] RUN echo base > /b',
    ]);
  });
});

describe('BuildKit pulls a missing base under its FROM vertex', () => {
  it('with the puller\'s statuses: resolve, the layer blob\'s bytes until done, extracting', async () => {
    const h = boot();
    const r = await build(h, { Dockerfile: 'FROM alpine\nRUN true\n' }, { version: '2' });
    expect(r.error).toBe('');
    const img = h.engine.images.resolve('alpine');
    const from = `[1/2] FROM docker.io/library/alpine:latest@${img.repoDigest}`;
    const digest = r.traces.flatMap((t) => t.vertexes).find((v) => v.name === from)!.digest;
    const statuses = r.traces.flatMap((t) => t.statuses).filter((s) => s.vertex === digest)
      .map((s) => `${s.id}${s.total ? ` ${s.current}/${s.total}` : ''}${s.completed ? ' done' : ''}`);
    const blob = statuses[1].split(' ')[0];
    expect(blob).toMatch(/^sha256:[0-9a-f]{64}$/);
    const total = Number(statuses[1].split('/')[1]);
    expect(total).toBeGreaterThan(1_000_000);
    expect(statuses[0]).toBe(`resolve docker.io/library/alpine:latest@${img.repoDigest} done`);
    expect(statuses.slice(1)).toEqual([
      `${blob} 0/${total}`, `${blob} ${Math.round(total / 3)}/${total}`, `${blob} ${Math.round((2 * total) / 3)}/${total}`, `${blob} ${total}/${total}`,
      `${blob} ${total}/${total} done`,
      `extracting ${blob}`, `extracting ${blob}`, `extracting ${blob}`, `extracting ${blob} done`,
    ]);
    // The base the daemon already has: no statuses, as before.
    const again = await build(h, { Dockerfile: 'FROM alpine\nRUN echo again\n' }, { version: '2' });
    const d2 = again.traces.flatMap((t) => t.vertexes).find((v) => v.name === from)!.digest;
    expect(again.traces.flatMap((t) => t.statuses).filter((s) => s.vertex === d2)).toEqual([]);
  });
});

describe('BuildKit\'s load build definition', () => {
  it('names a Dockerfile from outside the context by its base name, one from stdin Dockerfile', async () => {
    const h = boot();
    const first = async (hidden: string): Promise<string> => {
      const r = await build(h, { [hidden]: 'FROM busybox\n', '.dockerignore': `.dockerignore\n${hidden}\n` }, { version: '2', dockerfile: hidden });
      expect(r.error).toBe('');
      return vertexNames(r.traces)[0];
    };
    expect(await first('.dockerfile.0123456789abcdef0123.Dockerfile.dev')).toBe('[internal] load build definition from Dockerfile.dev');
    expect(await first('.dockerfile.0123456789abcdef0123')).toBe('[internal] load build definition from Dockerfile');
  });
});

describe('BuildKit COPY --chown by name and --chmod', () => {
  it('looks names up in the stage\'s /etc/passwd and /etc/group, sets the mode on files and directories', async () => {
    const h = boot();
    const df = 'FROM ubuntu\nCOPY --chown=www-data --chmod=640 f /f\nCOPY --chown=nobody:www-data --chmod=0750 d /d\nCOPY --chown=ghost:7 f /g\n';
    const r = await build(h, { Dockerfile: df, f: 'x\n', 'd/inner': 'y\n' }, { version: '2', tags: ['owned'] });
    expect(r.error).toBe('');
    const layers = h.engine.images.resolve('owned').layers.slice(-3);
    const st = (i: number, p: string): string => {
      const s = layers[i].lstat(p);
      return `${s.uid}:${s.gid} ${(s.mode & 0o7777).toString(8)}`;
    };
    // (The directory /d itself, which the copy creates, is left out: how BuildKit owns it is not checked here.)
    expect([st(0, '/f'), st(1, '/d/inner'), st(2, '/g')]).toEqual(['33:33 640', '65534:33 750', '0:7 644']);
  });

  it('refuses a bad mode with BuildKit\'s error, and applies a symbolic one to each file and directory', async () => {
    const h = boot();
    const bad = await build(h, { Dockerfile: 'FROM busybox\nCOPY --chmod=64a f /f\n', f: 'x' }, { version: '2' });
    expect(bad.error).toBe("invalid chmod parameter: '64a'. it should be octal string and between 0 and 07777");
    const big = await build(h, { Dockerfile: 'FROM busybox\nCOPY --chmod=10000 f /f\n', f: 'x' }, { version: '2' });
    expect(big.error).toBe("invalid chmod parameter: '10000'. it should be octal string and between 0 and 07777");
    const bad2 = await build(h, { Dockerfile: 'FROM busybox\nCOPY --chmod=u+q f /f\n', f: 'x' }, { version: '2' });
    expect(bad2.error).toBe('invalid syntax');
    const sym = await build(h, { Dockerfile: 'FROM busybox\nCOPY --chmod=u+x,go-r f /f\nADD --chmod=a+X d /d\n', f: 'x', 'd/g': 'y' }, { version: '2', tags: ['sym'] });
    expect(sym.error).toBe('');
    const [f, d] = h.engine.images.resolve('sym').layers.slice(-2);
    const mode = (l: typeof f, p: string): string => (l.lstat(p).mode & 0o7777).toString(8);
    // The context's files are 0644 and its directories 0755 here.
    expect([mode(f, '/f'), mode(d, '/d/g')]).toEqual(['700', '644']);
  });
});

describe.each(['1', '2'] as const)('parser directives (version=%s)', (version) => {
  const err = async (df: string): Promise<string> => (await build(boot(), { Dockerfile: df }, { version })).error;
  it('refuses what the builders do not act on instead of reading it as a comment, and checks the escape token', async () => {
    expect(await err('# escape=x\nFROM busybox\n')).toMatch(/invalid escape token 'x' does not match ` or \\$/);
    expect(await err('# escape=\\\n# escape=\\\nFROM busybox\n')).toMatch(/only one escape parser directive can be used$/);
    // After the first other line directives are comments; `\` is the default.
    expect(await err('# escape=\\\nFROM busybox\n# escape=`\nRUN true\n')).toBe('');
    const syntax = await err('# syntax=docker/dockerfile:1\nFROM busybox\n');
    expect(syntax).toBe(version === '2' ? 'dockersim: the syntax parser directive (the frontend image docker/dockerfile:1) is not simulated' : '');
  });
});


describe.each(['1', '2'] as const)('a backtick escape directive (version=%s)', (version) => {
  it('continues lines with a backtick, escapes with it in words, and leaves backslashes as they are', async () => {
    const h = boot();
    const df = '# escape=`\nFROM busybox\nENV P=c:\\dir\\ Q=x`$y\nRUN echo "$P $Q" `\n  > /o\nCOPY f c:\\f\n';
    const r = await build(h, { Dockerfile: df, 'c:\\f': 'file\n', f: 'other\n' }, { version, tags: ['esc'] });
    expect(r.error).toBe('');
    const img = h.engine.images.resolve('esc');
    expect(img.config.Env).toContain('P=c:\\dir\\');
    expect(img.config.Env).toContain('Q=x$y');
    const top = img.layers.at(-1)!;
    expect(new TextDecoder().decode(top.readFile('/c:\\f'))).toBe('other\n');
    expect(new TextDecoder().decode(img.layers.at(-2)!.readFile('/o'))).toBe('c:\\dir\\ x$y\n');
  });
});

describe('BuildKit step names (processCmdEnv)', () => {
  it('expand COPY/ADD/WORKDIR lines and take their quotes off', async () => {
    const r = await build(boot(), { Dockerfile: 'FROM busybox\nENV D=/srv\nWORKDIR $D/x\nCOPY "f" ${D}/\n', f: '' }, { version: '2' });
    expect(r.error).toBe('');
    expect(vertexNames(r.traces).filter((n) => /^\[[2-3]/.test(n))).toEqual(['[2/3] WORKDIR /srv/x', '[3/3] COPY f /srv/']);
  });

  it('expand a RUN line\'s set variables, keeping its quotes and the variables the stage does not set', async () => {
    const df = 'FROM busybox\nARG V=1\nENV D=/srv\nrun echo $PATH "$D" \'$D\' ${D:-x} $NOPE ${NOPE} ${NOPE:-d} \\$D $V $1 $$\n';
    const r = await build(boot(), { Dockerfile: df }, { version: '2' });
    expect(r.error).toBe('');
    expect(vertexNames(r.traces).filter((n) => n.startsWith('[2/2]'))).toEqual([
      '[2/2] RUN echo /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "/srv" \'$D\' /srv $NOPE ${NOPE} ${NOPE:-d} $D 1 $1 $$',
    ]);
  });
});

describe('legacy COPY --chown by name', () => {
  it('reads the image\'s /etc/passwd and /etc/group; a lone user is looked up as a group too, with moby\'s errors', async () => {
    const h = boot();
    const df = 'FROM ubuntu\nCOPY --chown=www-data f /f\nCOPY --chown=nobody:nogroup f /g\nCOPY --chown=1001:www-data f /h\n';
    const r = await build(h, { Dockerfile: df, f: 'x\n' }, { version: '1', tags: ['owned1'] });
    expect(r.error).toBe('');
    const own = h.engine.images.resolve('owned1').layers.slice(-3).map((l, i) => {
      const s = l.lstat(['/f', '/g', '/h'][i]);
      return `${s.uid}:${s.gid}`;
    });
    expect(own).toEqual(['33:33', '65534:65534', '1001:33']);
    const err = async (chown: string): Promise<string> => (await build(h, { Dockerfile: `FROM ubuntu\nCOPY --chown=${chown} f /f\n`, f: 'x' }, { version: '1' })).error;
    const pfx = 'unable to convert uid/gid chown string to host mapping: ';
    // Ubuntu's nobody has the group nogroup: no group of its own name.
    expect(await err('nobody')).toBe(`${pfx}can't find gid for group nobody: no such group: nobody`);
    expect(await err('ghost:root')).toBe(`${pfx}can't find uid for user ghost: no such user: ghost`);
    expect(await err('a:b:c')).toBe(`${pfx}invalid chown string format: a:b:c`);
  });
});

describe('history CREATED BY for COPY/ADD and CMD', () => {
  it('BuildKit writes dispatchCopy\'s commitMessage (expanded, no --from) and %q of CMD/ENTRYPOINT', async () => {
    const h = boot();
    const df = 'FROM busybox AS a\nRUN echo x > /x\nFROM busybox\nENV D=/srv U=1\nCOPY --chown=$U:$U "f" ${D}/\nCOPY --from=a /x $D/y\nADD --chmod=644 f g /z/\n'
      + 'ENTRYPOINT ["/bin/echo", "a b"]\nCMD echo "$D"\n';
    const r = await build(h, { Dockerfile: df, f: 'f\n', g: 'g\n' }, { version: '2', tags: ['hist'] });
    expect(r.error).toBe('');
    expect(h.engine.images.resolve('hist').history.slice(-5).map((e) => e.created_by)).toEqual([
      'COPY --chown=1:1 f /srv/ # buildkit', 'COPY /x /srv/y # buildkit', 'ADD --chmod=644 f g /z/ # buildkit',
      'ENTRYPOINT ["/bin/echo" "a b"]', 'CMD ["/bin/sh" "-c" "echo \\"$D\\""]',
    ]);
  });

  it('the legacy builder names a source by its tarsum: file:<tarsum v1 of the upload\'s entry>, dir:<sha256 of the sorted sums>', async () => {
    const h = boot();
    const r = await build(h, { Dockerfile: 'FROM busybox\nCOPY f /f\nCOPY d /d\n', f: 'hi\n', 'd/a': 'a\n' }, { version: '1', tags: ['lhist'] });
    expect(r.error).toBe('');
    // sha256("name" "f" "mode" "420" "uid" "0" "gid" "0" "size" "3" "typeflag" "0" "linkname" "uname" "gname" "devmajor" "0" "devminor" "0" + "hi\n");
    // the directory: its own entry is implied (no header in the upload), so archiveContext.Hash gives its path.
    expect(h.engine.images.resolve('lhist').history.slice(-2).map((e) => e.created_by)).toEqual([
      '/bin/sh -c #(nop) COPY file:8582af4daeaf0680f84231b3cb3c1b3f178576b5a6a8982837583d5676f28428 in /f ',
      '/bin/sh -c #(nop) COPY dir:869877e075145a309be18509395bbadc45b02077297abf11d50630a79685a42f in /d ',
    ]);
  });
});
