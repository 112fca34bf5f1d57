import { describe, expect, it } from 'vitest';
import xterm from '@xterm/headless';
import { readTar } from '../../../../src/pkg/archive/tar.js';
import { runBuild } from './buildHarness.js';
import {
  cachedBuild, coldBuild, failedBuild, IMAGE_ID, STATIC_WEB, trace, warning, type Step,
} from './buildStreams.js';

const DIR = '/home/user/static_web';
const files = { [`${DIR}/Dockerfile`]: { data: STATIC_WEB } };
const TAG = ['-t', 'jamtur01/static_web'];

const HEAD = `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile:
#1 transferring dockerfile: 217B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/ubuntu:18.04
#2 DONE 0.6s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/4] FROM docker.io/library/ubuntu:18.04@sha256:152dc042452c496007f07ca9127571cb9c29697f42acbfad72324b2bb2e43c98
#4 DONE 0.0s
`;

/**
 * What a terminal shows after `raw` (onlcr on, as the pty does), from a prompt line; `cols` wider than the
 * frame keeps the long ERROR line on one row. Rows are compared without trailing blanks (a shorter last
 * frame blanks the rows it no longer uses with spaces, as progressui does).
 */
async function screen(raw: string, cols: number): Promise<string[]> {
  const term = new xterm.Terminal({ cols: cols + 40, rows: 60, allowProposedApi: true, convertEol: true });
  await new Promise<void>((res) => term.write('$ docker build\n' + raw, res));
  const b = term.buffer.active;
  const lines: string[] = [];
  for (let i = 1; i < b.length; i++) lines.push(b.getLine(i)!.translateToString(true).trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  term.dispose();
  return lines;
}

describe('docker build with BuildKit: plain progress', () => {
  it('draws a cold build of static_web as buildx does, on stderr', async () => {
    const r = await runBuild(['build', '--progress=plain', ...TAG, '.'], { steps: coldBuild(), files });
    expect(r.exit).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(HEAD + `
#5 [2/4] RUN apt-get update
#5 1.850 Get:1 http://archive.ubuntu.com/ubuntu bionic InRelease [242 kB]
#5 5.550 Reading package lists...
#5 DONE 7.4s

#6 [3/4] RUN apt-get install -y nginx
#6 6.825 Setting up nginx (1.14.0-0ubuntu1.11) ...
#6 DONE 9.1s

#7 [4/4] RUN echo 'Hi, I am in your container'     >/var/www/html/index.html
#7 DONE 0.3s

#8 exporting to image
#8 exporting layers
#8 exporting layers 0.6s done
#8 writing image ${IMAGE_ID} done
#8 naming to docker.io/jamtur01/static_web done
#8 DONE 0.6s
`);
  });

  it('marks every step CACHED on a rebuild, and is the default without a terminal', async () => {
    const r = await runBuild(['build', ...TAG, '.'], { steps: cachedBuild(), files });
    expect(r.exit).toBe(0);
    expect(r.stderr).toBe(HEAD + `
#5 [2/4] RUN apt-get update
#5 CACHED

#6 [3/4] RUN apt-get install -y nginx
#6 CACHED

#7 [4/4] RUN echo 'Hi, I am in your container'     >/var/www/html/index.html
#7 CACHED

#8 exporting to image
#8 exporting layers done
#8 writing image ${IMAGE_ID} done
#8 naming to docker.io/jamtur01/static_web done
#8 DONE 0.0s
`);
  });

  it('ends a failed build with the step\'s output, the Dockerfile excerpt and failed to solve, exit 1', async () => {
    const df = STATIC_WEB.replace('nginx\n', 'ngin\n');
    const r = await runBuild(['build', '--progress=plain', ...TAG, '.'], { steps: failedBuild(), files: { [`${DIR}/Dockerfile`]: { data: df } } });
    expect(r.exit).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(HEAD + `
#5 [2/4] RUN apt-get update
#5 CACHED

#6 [3/4] RUN apt-get install -y ngin
#6 0.220 Reading package lists...
#6 0.880 E: Unable to locate package ngin
#6 ERROR: process "/bin/sh -c apt-get install -y ngin" did not complete successfully: exit code: 100
------
 > [3/4] RUN apt-get install -y ngin:
0.220 Reading package lists...
0.880 E: Unable to locate package ngin
------
Dockerfile:4
--------------------
   2 |     LABEL maintainer="james@example.com"
   3 |     RUN apt-get update
   4 | >>> RUN apt-get install -y ngin
   5 |     RUN echo 'Hi, I am in your container' \\
   6 |         >/var/www/html/index.html
--------------------
ERROR: failed to solve: process "/bin/sh -c apt-get install -y ngin" did not complete successfully: exit code: 100
`);
  });

  it('shows lint warnings under their step and counts them after the build, in yellow', async () => {
    const book = 'FROM ubuntu:14.04\nMAINTAINER James Turnbull "james@example.com"\nENV REFRESHED_AT 2014-07-01\n';
    const steps: Step[] = cachedBuild();
    steps.splice(3, 0, trace(25, {
      warnings: [
        warning('d1', 'MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 2)', 2, 'Dockerfile', book),
        warning('d1', 'LegacyKeyValueFormat: "ENV key=value" should be used instead of legacy "ENV key value" format (line 3)', 3, 'Dockerfile', book),
      ],
    }));
    const r = await runBuild(['build', '--progress=plain', ...TAG, '.'], { steps, files: { [`${DIR}/Dockerfile`]: { data: book } } });
    expect(r.exit).toBe(0);
    // printVtx: statuses, then warnings, then logs, then DONE
    expect(r.stderr).toContain('#1 transferring dockerfile: 217B done\n' +
      '#1 WARN: MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 2)\n' +
      '#1 WARN: LegacyKeyValueFormat: "ENV key=value" should be used instead of legacy "ENV key value" format (line 3)\n#1 DONE 0.0s\n');
    expect(r.stderr.endsWith('#8 DONE 0.0s\n\n \x1b[33m2 warnings found (use docker --debug to expand):\n\x1b[0m' +
      ' - MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 2)\n' +
      ' - LegacyKeyValueFormat: "ENV key=value" should be used instead of legacy "ENV key value" format (line 3)\n')).toBe(true);
  });

  it('-q prints only the image ID, on stdout', async () => {
    const r = await runBuild(['build', '-q', ...TAG, '.'], { steps: coldBuild(), files });
    expect([r.exit, r.stdout, r.stderr]).toEqual([0, IMAGE_ID + '\n', '']);
    const p = await runBuild(['build', '--progress=quiet', '.'], { steps: coldBuild(), files });
    expect([p.exit, p.stdout, p.stderr]).toEqual([0, IMAGE_ID + '\n', '']);
  });

  it('writes --iidfile', async () => {
    const r = await runBuild(['build', '-q', '--iidfile', 'id.txt', '.'], { steps: coldBuild(), files });
    expect(r.exit).toBe(0);
    expect(r.fs.files[`${DIR}/id.txt`]?.data).toBe(IMAGE_ID);
  });
});

describe('docker build with BuildKit: tty progress', () => {
  it('leaves the final frame on screen: FINISHED, docker:default at the right, rows cut at the width, done rows blue', async () => {
    const r = await runBuild(['build', ...TAG, '.'], { steps: cachedBuild(), files, tty: true, size: { width: 100, height: 40 } });
    expect(r.exit).toBe(0);
    expect(await screen(r.stderr, 100)).toEqual([
      '[+] Building 0.7s (8/8) FINISHED                                                     docker:default',
      ' => [internal] load build definition from Dockerfile                                           0.0s',
      ' => => transferring dockerfile: 217B                                                           0.0s',
      ' => [internal] load metadata for docker.io/library/ubuntu:18.04                                0.6s',
      ' => [internal] load .dockerignore                                                              0.0s',
      ' => => transferring context: 2B                                                                0.0s',
      ' => [1/4] FROM docker.io/library/ubuntu:18.04@sha256:152dc042452c496007f07ca9127571cb9c29697f  0.0s',
      ' => CACHED [2/4] RUN apt-get update                                                            0.0s',
      ' => CACHED [3/4] RUN apt-get install -y nginx                                                  0.0s',
      " => CACHED [4/4] RUN echo 'Hi, I am in your container'     >/var/www/html/index.html           0.0s",
      ' => exporting to image                                                                         0.0s',
      ' => => exporting layers                                                                        0.0s',
      ` => => writing image ${IMAGE_ID}   0.0s`,
      ' => => naming to docker.io/jamtur01/static_web                                                 0.0s',
    ]);
    const last = r.stderr.slice(r.stderr.lastIndexOf('\x1b[?25l'));
    expect(last).toContain('\x1b[34m => [internal] load build definition from Dockerfile');
    expect(last.endsWith(' => => naming to docker.io/jamtur01/static_web                                                 0.0s\n\x1b[0m\x1b[?25h')).toBe(true);
  });

  it('redraws in place on the clock\'s ticks while a step runs, with its last output lines faint', async () => {
    const r = await runBuild(['build', ...TAG, '.'], { steps: coldBuild(), files, tty: true, size: { width: 80, height: 40 } });
    const frames = r.stderr.split('\x1b[?25l').slice(1);
    // one frame per 150 ms of a quiet build at most, each over the last: the cursor goes up one row per row drawn
    expect(frames.length).toBeGreaterThan(100);
    const running = frames.find((f) => f.includes('[2/4] RUN apt-get update') && f.includes('# Get:1'))!;
    expect(running).toMatch(/^\[\+\] Building \d+\.\ds \(4\/5\) {2,}docker:default\n/);
    expect(running).toContain(' => [2/4] RUN apt-get update                                               ');
    expect(running).toContain('\x1b[2m => => # Get:1 http://archive.ubuntu.com/ubuntu bionic InRelease [242 kB]      \n\x1b[0m');
    const fin = await screen(r.stderr, 80);
    expect(fin[0]).toBe('[+] Building 18.1s (8/8) FINISHED                                docker:default');
    expect(fin).toContain(' => [2/4] RUN apt-get update                                               7.4s');
    expect(fin).toHaveLength(14);
  });

  it('shows the failure under the frame, the step in red', async () => {
    const df = STATIC_WEB.replace('nginx\n', 'ngin\n');
    const r = await runBuild(['build', ...TAG, '.'], { steps: failedBuild(), files: { [`${DIR}/Dockerfile`]: { data: df } }, tty: true, size: { width: 100, height: 40 } });
    expect(r.exit).toBe(1);
    expect(r.stderr).toContain('\x1b[31m => ERROR [3/4] RUN apt-get install -y ngin ');
    const s = await screen(r.stderr, 100);
    expect(s.slice(s.indexOf('------'))).toEqual([
      '------', ' > [3/4] RUN apt-get install -y ngin:', '0.220 Reading package lists...', '0.880 E: Unable to locate package ngin',
      '------', 'Dockerfile:4', '--------------------', '   2 |     LABEL maintainer="james@example.com"',
      '   3 |     RUN apt-get update', '   4 | >>> RUN apt-get install -y ngin', "   5 |     RUN echo 'Hi, I am in your container' \\",
      '   6 |         >/var/www/html/index.html', '--------------------',
      'ERROR: failed to solve: process "/bin/sh -c apt-get install -y ngin" did not complete successfully: exit code: 100',
    ]);
  });
});

describe('docker build: the request', () => {
  it('sends the context tar to /build?version=2 with the query moby\'s client builds', async () => {
    const r = await runBuild(['build', ...TAG, '-t', 'x:v1', '--build-arg', 'A=1', '--build-arg', 'HOME', '--build-arg', 'NOPE',
      '--label', 'k=v', '--target', 'web', '--no-cache', '--pull', '--platform', 'linux/amd64', '.'], { steps: coldBuild(), files, env: { HOME: '/home/user' } });
    expect(r.exit).toBe(0);
    expect(r.requests).toHaveLength(1);
    const q = r.requests[0];
    expect(q.query).toEqual({
      t: ['jamtur01/static_web', 'x:v1'], nocache: '1', pull: '1', dockerfile: 'Dockerfile',
      buildargs: '{"A":"1","HOME":"/home/user"}', labels: '{"k":"v"}', target: 'web', platform: 'linux/amd64', version: '2',
    });
    expect(q.headers).toEqual({ 'Content-Type': 'application/x-tar', 'X-Registry-Config': 'e30=' });
    expect(readTar(q.body).entries.map((e) => e.name)).toEqual(['Dockerfile']);
    expect(q.body.length).toBe(2048);
  });

  it('keeps a key without value as null for the legacy builder when the environment has none', async () => {
    const r = await runBuild(['build', '-q', '--build-arg', 'NOPE', '.'], {
      env: { DOCKER_BUILDKIT: '0' }, files, steps: [{ at: 0, msg: { stream: 'sha256:abc\n' } }],
    });
    expect(r.requests[0].query).toEqual({ q: '1', dockerfile: 'Dockerfile', buildargs: '{"NOPE":null}', version: '1' });
    expect(r.stdout).toBe('sha256:abc\n');
  });

  it('tars the directory as the CLI does: .dockerignore applied, the Dockerfile and .dockerignore always sent', async () => {
    const r = await runBuild(['build', '.'], {
      steps: coldBuild(),
      files: {
        [`${DIR}/Dockerfile`]: { data: 'FROM ubuntu\nCOPY . /app\n' },
        [`${DIR}/.dockerignore`]: { data: '# comment\n*.log\n/secret\nnode_modules\n!keep.log\nDockerfile\n.dockerignore\n**/*.tmp\n' },
        [`${DIR}/a.log`]: { data: 'x' },
        [`${DIR}/keep.log`]: { data: 'k' },
        [`${DIR}/secret/key`]: { data: 's' },
        [`${DIR}/node_modules/m/index.js`]: { data: 'm' },
        [`${DIR}/src/main.c`]: { data: 'int main;' },
        [`${DIR}/src/deep/x.tmp`]: { data: 't' },
        [`${DIR}/link`]: { link: 'src/main.c' },
      },
    });
    const tar = readTar(r.requests[0].body).entries;
    expect(tar.map((e) => `${e.name} ${e.type} ${e.uid}:${e.gid}`)).toEqual([
      '.dockerignore file 0:0', 'Dockerfile file 0:0', 'keep.log file 0:0', 'link symlink 0:0', 'src/ dir 0:0', 'src/deep/ dir 0:0', 'src/main.c file 0:0',
    ]);
    expect(tar.find((e) => e.name === 'link')?.linkname).toBe('src/main.c');
  });

  it('takes -f from the current directory, and a Dockerfile outside the context or on stdin under a hidden name', async () => {
    const web = { ...files, '/home/user/other/Dockerfile.web': { data: 'FROM busybox\n' } };
    // docker/cli's own name for the legacy builder; buildx's stand-in adds the base name the build definition shows.
    const legacy = await runBuild(['build', '-f', '../other/Dockerfile.web', '.'], { steps: coldBuild(), files: web, env: { DOCKER_BUILDKIT: '0' } });
    expect(legacy.requests[0].query.dockerfile).toMatch(/^\.dockerfile\.[0-9a-f]{20}$/);
    const outside = await runBuild(['build', '-f', '../other/Dockerfile.web', '.'], { steps: coldBuild(), files: web });
    const q = outside.requests[0];
    expect(q.query.dockerfile).toMatch(/^\.dockerfile\.[0-9a-f]{20}\.Dockerfile\.web$/);
    const entries = readTar(q.body).entries;
    expect(entries.map((e) => e.name)).toEqual(['Dockerfile', '.dockerignore', q.query.dockerfile]);
    // AddDockerfileToBuildContext: with no .dockerignore of its own, the one sent lists itself and the hidden file.
    expect(new TextDecoder().decode(entries[1].data)).toBe(`.dockerignore\n${q.query.dockerfile as string}\n`);
    const stdin = await runBuild(['build', '-'], { steps: coldBuild(), stdin: ['FROM busybox\n', null] });
    expect(readTar(stdin.requests[0].body).entries.map((e) => [e.name, new TextDecoder().decode(e.data)])).toEqual([['Dockerfile', 'FROM busybox\n']]);
    expect(stdin.requests[0].query.dockerfile).toBe('Dockerfile');
  });
});

describe('docker build: what the real client sent for the same directory', () => {
  // DOCKER_BUILDKIT=0 docker build -t jamtur01/static_web --build-arg A=1 --build-arg NOPE --label k=v . (28.2.2)
  // against a logging server, for Dockerfile, .dockerignore `*.log`, a.log, sub/f.txt and link -> sub/f.txt:
  // POST /v1.50/build?buildargs=%7B%22A%22%3A%221%22%2C%22NOPE%22%3Anull%7D&dockerfile=Dockerfile&labels=…&t=…&version=1,
  // a 5120-byte tar (.dockerignore, Dockerfile, link, sub/, sub/f.txt; uid/gid 0, no user names) and on stdout
  // `Sending build context to Docker daemon   5.12kB\r\r\n`.
  it('sends the same entries, size, query and progress line', async () => {
    const d = '/home/user/static_web';
    const r = await runBuild(['build', '-t', 'jamtur01/static_web', '--build-arg', 'A=1', '--build-arg', 'NOPE', '--label', 'k=v', '.'], {
      env: { DOCKER_BUILDKIT: '0' },
      steps: [{ at: 0, msg: { stream: 'Step 1/1 : FROM x\n' } }, { at: 0, msg: { aux: { ID: 'sha256:abc' } } }],
      files: {
        [`${d}/Dockerfile`]: { data: 'FROM ubuntu:18.04\nRUN apt-get update\nEXPOSE 80\n' }, [`${d}/.dockerignore`]: { data: '*.log\n' },
        [`${d}/a.log`]: { data: 'hi\n' }, [`${d}/sub/f.txt`]: { data: 'x\n' }, [`${d}/link`]: { link: 'sub/f.txt', mode: 0o777 },
      },
    });
    const req = r.requests[0];
    expect(req.body.length).toBe(5120);
    expect(readTar(req.body).entries.map((e) => [e.name, e.type, e.uid, e.gid, e.uname, e.gname])).toEqual([
      ['.dockerignore', 'file', 0, 0, '', ''], ['Dockerfile', 'file', 0, 0, '', ''], ['link', 'symlink', 0, 0, '', ''],
      ['sub/', 'dir', 0, 0, '', ''], ['sub/f.txt', 'file', 0, 0, '', ''],
    ]);
    expect(req.query).toEqual({ t: ['jamtur01/static_web'], dockerfile: 'Dockerfile', buildargs: '{"A":"1","NOPE":null}', labels: '{"k":"v"}', version: '1' });
    expect(r.stdout).toBe('Sending build context to Docker daemon   5.12kB\r\r\nStep 1/1 : FROM x\n');
  });
});

describe('docker build with the legacy builder', () => {
  const v1: Step[] = [
    { at: 0, msg: { stream: 'Step 1/3 : FROM ubuntu:18.04\n' } },
    { at: 0, msg: { stream: ' ---> 8dbd9e392a96\n' } },
    { at: 0, msg: { stream: 'Step 2/3 : RUN apt-get update\n' } },
    { at: 0, msg: { stream: ' ---> Using cache\n' } },
    { at: 0, msg: { stream: ' ---> 997485f46ec4\n' } },
    { at: 0, msg: { stream: 'Step 3/3 : EXPOSE 80\n' } },
    { at: 0, msg: { stream: ' ---> Running in 0123456789ab\n' } },
    { at: 0, msg: { stream: ' ---> Removed intermediate container 0123456789ab\n' } },
    { at: 0, msg: { stream: ' ---> 22d47c8cb6e5\n' } },
    { at: 0, msg: { aux: { ID: IMAGE_ID } } },
    { at: 0, msg: { stream: 'Successfully built 22d47c8cb6e5\n' } },
    { at: 0, msg: { stream: 'Successfully tagged jamtur01/static_web:latest\n' } },
  ];
  const legacyFiles = { [`${DIR}/Dockerfile`]: { data: 'FROM ubuntu:18.04\nRUN apt-get update\nEXPOSE 80\n' } };

  it('says it is deprecated, sends the context and prints the daemon\'s stream as jsonmessage does', async () => {
    const r = await runBuild(['build', ...TAG, '--iidfile', '/tmp/iid', '.'], { steps: v1, files: legacyFiles, env: { DOCKER_BUILDKIT: '0' } });
    expect(r.exit).toBe(0);
    expect(r.stderr).toBe('DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
      '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n            environment-variable.\n\n');
    expect(r.stdout).toBe('Sending build context to Docker daemon  2.048kB\r\r\n' + v1.filter((s) => s.msg.stream).map((s) => s.msg.stream).join(''));
    expect(r.requests[0].query).toEqual({ t: ['jamtur01/static_web'], dockerfile: 'Dockerfile', version: '1' });
    expect(r.fs.files['/tmp/iid']?.data).toBe(IMAGE_ID);
  });

  it('exits with the errorDetail code and prints its message', async () => {
    const msg = "The command '/bin/sh -c apt-get install -y ngin' returned a non-zero code: 100";
    const r = await runBuild(['image', 'build', '.'], {
      files: legacyFiles, env: { DOCKER_BUILDKIT: 'false' },
      steps: [...v1.slice(0, 5), { at: 0, msg: { errorDetail: { code: 100, message: msg }, error: msg } }],
    });
    expect(r.exit).toBe(100);
    expect(r.stderr.endsWith(`\n\n${msg}\n`)).toBe(true);
  });
});

describe('docker build: errors before any request', () => {
  const cases: Array<[string, string[], Record<string, string>, number, string]> = [
    ['DOCKER_BUILDKIT not a boolean, for any command', ['ps'], { DOCKER_BUILDKIT: 'maybe' }, 1,
      'DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing "maybe": invalid syntax\n'],
    ['buildx without PATH', ['build'], {}, 1,
      "ERROR: docker: 'docker buildx build' requires 1 argument\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nRun 'docker buildx build --help' for more information\n"],
    ['legacy without PATH', ['build'], { DOCKER_BUILDKIT: '0' }, 1,
      "docker: 'docker build' requires 1 argument\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nRun 'docker build --help' for more information\n"],
    ['legacy invalid tag', ['build', '-t', 'Bad', '.'], { DOCKER_BUILDKIT: '0' }, 125,
      'invalid argument "Bad" for "-t, --tag" flag: invalid reference format: repository name (library/Bad) must be lowercase\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nRun \'docker build --help\' for more information\n'],
    ['buildx invalid tag', ['build', '--progress=plain', '-t', 'Bad', '.'], {}, 1,
      'ERROR: invalid tag "Bad": invalid reference format: repository name (library/Bad) must be lowercase\n'],
    ['a missing context', ['build', '--progress=plain', 'nosuch'], {}, 1, 'ERROR: unable to prepare context: path "nosuch" not found\n'],
    ['rawjson', ['build', '--progress', 'rawjson', '.'], {}, 1, 'dockersim: --progress=rawjson is not simulated: use plain, tty or quiet\n'],
    ['quiet with plain', ['build', '-q', '--progress=plain', '.'], {}, 1, 'ERROR: progress=plain and quiet cannot be used together\n'],
    ['tty without a terminal', ['build', '--progress=tty', '.'], {}, 1, 'ERROR: failed to get console: provided file is not a console\n'],
    ['an unknown progress mode', ['build', '--progress=fancy', '.'], {}, 1, 'ERROR: invalid progress mode fancy\n'],
    ['a flag not simulated', ['build', '--ssh', 'default', '.'], {}, 125, 'dockersim: --ssh is not simulated\n'],
    ['docker builder goes to the plugin', ['builder', 'prune'], {}, 1,
      "docker: 'docker buildx prune' is a real docker command that dockersim does not simulate yet (of the buildx plugin only 'docker buildx build' is)\n"],
    ['other buildx commands', ['buildx', 'ls'], {}, 1,
      "docker: 'docker buildx ls' is a real docker command that dockersim does not simulate yet (of the buildx plugin only 'docker buildx build' is)\n"],
    ['a missing Dockerfile (legacy)', ['build', '.'], { DOCKER_BUILDKIT: '0' }, 1,
      `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${DIR}/Dockerfile: no such file or directory\n`],
  ];
  it.each(cases)('%s', async (_name, argv, env, exit, stderr) => {
    const r = await runBuild(argv, { env, files: argv.includes('.') && !argv.includes('-t') && env.DOCKER_BUILDKIT === '0' ? { [`${DIR}/x`]: { data: '' } } : files });
    expect(r.requests).toEqual([]);
    expect(r.stderr.replace(/^DEPRECATED:[\s\S]*?\n\n/, '')).toBe(stderr);
    expect(r.exit).toBe(exit);
  });

  it('prints buildx\'s help for docker build, and the legacy builder\'s with DOCKER_BUILDKIT=0', async () => {
    const wide = { tty: true, size: { width: 300, height: 40 } };
    const bx = await runBuild(['build', '--help'], wide);
    expect(bx.stdout).toMatch(/^Usage: {2}docker buildx build \[OPTIONS\] PATH \| URL \| -\n\nStart a build\n\nAliases:\n {2}docker build, docker builder build, docker image build, docker buildx b\n\nOptions:\n/);
    expect(bx.stdout).toContain('      --builder string                Override the configured builder instance (default "default")\n');
    expect(bx.stdout).toContain('      --progress string               Set type of progress output ("auto", "quiet", "plain", "tty", "rawjson").');
    expect(bx.stdout).not.toContain('--squash');
    const direct = await runBuild(['buildx', 'build', '--help'], wide);
    expect((await runBuild(['builder', 'build', '--help'], wide)).stdout).toBe(bx.stdout);
    expect(direct.stdout).toContain('      --builder string                Override the configured builder instance\n');
    const legacy = await runBuild(['build', '--help'], { ...wide, env: { DOCKER_BUILDKIT: '0' } });
    expect(legacy.stdout).toMatch(/^Usage: {2}docker build \[OPTIONS\] PATH \| URL \| -\n\nBuild an image from a Dockerfile\n\nAliases:\n {2}docker image build, docker build, docker builder build\n/);
  });
});

describe('docker build --help (legacy) against the real client', () => {
  it('is byte for byte what `DOCKER_BUILDKIT=0 docker build --help </dev/null` printed (28.2.2, 80 columns)', async () => {
    const { readFileSync } = await import('node:fs');
    const real = readFileSync(new URL('./testdata/real-build-help.txt', import.meta.url), 'utf8');
    // Captured with no daemon to ask: the client then assumes an experimental one and hides nothing.
    const r = await runBuild(['build', '--help'], { env: { DOCKER_BUILDKIT: '0' }, server: { hasExperimental: true, osType: '' } });
    expect(r.stdout).toBe(real);
    expect(r.exit).toBe(0);
    // Against a daemon without experimental features, --squash (experimental) is hidden.
    const reachable = await runBuild(['build', '--help'], { env: { DOCKER_BUILDKIT: '0' } });
    expect(reachable.stdout).toBe(real.replace('      --squash                  Squash newly built layers into a single\n                                new layer\n', ''));
  });
});
