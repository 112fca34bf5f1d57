/**
 * `DOCKER_BUILDKIT=0 docker build` with the real docker CLI 28.2.2 against the HTTP daemon: the book's static_web
 * Dockerfile cold (the base image pulled by the build), cached, and failing on `ngin`, as moby's legacy builder
 * streams it and the CLI prints it (B1.2 of the ch4-5 reference); `-q`; and the failed step's image runs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveDockerCli, realDockerRun, testDaemon, type Result, type TestDaemon } from './helpers.js';

const HAVE_DOCKER = await haveDockerCli();
const LEGACY = { DOCKER_BUILDKIT: '0' };
const DEPRECATED = [
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.',
  '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0',
  '            environment-variable.', '', '',
].join('\n');
const STATIC_WEB = "FROM ubuntu:24.04\nRUN apt-get update\nRUN apt-get install -y nginx\nRUN echo 'Hi, I am in your container' \\\n    >/var/www/html/index.html\nEXPOSE 80\n";

let d: TestDaemon;

function contextDir(dockerfile: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockersim-build-'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  return dir;
}

const docker = (args: string[]): Promise<Result> => realDockerRun(d, args, { drive: true, stepMs: 1000, env: LEGACY });
/** The builder's own lines (steps, arrows, results), RUN and pull output left out. */
const frame = (out: string): string[] => out.split('\n').filter((l) => /^(Step \d| ---> |Successfully )/.test(l));
const short = (id: string): string => id.slice(7, 19);

describe.skipIf(!HAVE_DOCKER)('docker build (legacy builder) through the real docker CLI', () => {
  beforeAll(async () => {
    d = await testDaemon({ clock: { kind: 'manual' }, seed: 16 });
  });
  afterAll(async () => {
    await d?.close();
  });

  it('builds static_web cold, then from the cache, and fails on ngin leaving the step for debugging', async () => {
    const dir = contextDir(STATIC_WEB);
    const cold = await docker(['build', '-t', 'static_web', dir]);
    expect(cold.stderr).toBe(DEPRECATED);
    expect(cold.code).toBe(0);
    expect(cold.stdout.startsWith('Sending build context to Docker daemon  2.048kB\r\r\nStep 1/5 : FROM ubuntu:24.04\n24.04: Pulling from library/ubuntu\n')).toBe(true);
    const images = (await docker(['images', '-a', '--no-trunc', '--format', '{{.ID}} {{.Repository}}'])).stdout.trim().split('\n');
    const idOf = (repo: string): string => short(images.find((l) => l.endsWith(` ${repo}`))!.split(' ')[0]);
    const history = (await docker(['history', '-q', '--no-trunc', 'static_web'])).stdout.trim().split('\n').map(short);
    // history -q: the image, then its parents (EXPOSE, echo, install, update, ubuntu), newest first.
    const [expose, echo, install, update, ubuntu] = history;
    expect(ubuntu).toBe(idOf('ubuntu'));
    expect(expose).toBe(idOf('static_web'));
    const running = (out: string): string[] => [...out.matchAll(/ ---> Running in ([0-9a-f]{12})\n/g)].map((m) => m[1]);
    const ctrs = running(cold.stdout);
    expect(ctrs).toHaveLength(4);
    expect(frame(cold.stdout)).toEqual([
      'Step 1/5 : FROM ubuntu:24.04', ` ---> ${ubuntu}`,
      'Step 2/5 : RUN apt-get update', ` ---> Running in ${ctrs[0]}`, ` ---> Removed intermediate container ${ctrs[0]}`, ` ---> ${update}`,
      'Step 3/5 : RUN apt-get install -y nginx', ` ---> Running in ${ctrs[1]}`, ` ---> Removed intermediate container ${ctrs[1]}`, ` ---> ${install}`,
      "Step 4/5 : RUN echo 'Hi, I am in your container'     >/var/www/html/index.html", ` ---> Running in ${ctrs[2]}`,
      ` ---> Removed intermediate container ${ctrs[2]}`, ` ---> ${echo}`,
      'Step 5/5 : EXPOSE 80', ` ---> Running in ${ctrs[3]}`, ` ---> Removed intermediate container ${ctrs[3]}`, ` ---> ${expose}`,
      `Successfully built ${expose}`, 'Successfully tagged static_web:latest',
    ]);
    expect(cold.stdout).toContain(` ---> Running in ${ctrs[1]}\nReading package lists...\nBuilding dependency tree...\n`);
    expect(cold.stdout).toContain(` ---> Running in ${ctrs[2]}\n ---> Removed intermediate container ${ctrs[2]}\n`);

    const cached = await docker(['build', '-t', 'static_web', dir]);
    expect(cached).toEqual({
      stdout: [
        'Sending build context to Docker daemon  2.048kB\r\r', 'Step 1/5 : FROM ubuntu:24.04', ` ---> ${ubuntu}`,
        'Step 2/5 : RUN apt-get update', ' ---> Using cache', ` ---> ${update}`,
        'Step 3/5 : RUN apt-get install -y nginx', ' ---> Using cache', ` ---> ${install}`,
        "Step 4/5 : RUN echo 'Hi, I am in your container'     >/var/www/html/index.html", ' ---> Using cache', ` ---> ${echo}`,
        'Step 5/5 : EXPOSE 80', ' ---> Using cache', ` ---> ${expose}`,
        `Successfully built ${expose}`, 'Successfully tagged static_web:latest', '',
      ].join('\n'),
      stderr: DEPRECATED,
      code: 0,
    });
    expect((await docker(['build', '-q', dir])).stdout).toMatch(new RegExp(`^sha256:${expose}[0-9a-f]{52}\\n$`));

    const failing = await docker(['build', '-t', 'static_web', contextDir(STATIC_WEB.replace('nginx', 'ngin'))]);
    const [failed] = running(failing.stdout);
    expect(failing).toEqual({
      stdout: [
        'Sending build context to Docker daemon  2.048kB\r\r', 'Step 1/5 : FROM ubuntu:24.04', ` ---> ${ubuntu}`,
        'Step 2/5 : RUN apt-get update', ' ---> Using cache', ` ---> ${update}`,
        'Step 3/5 : RUN apt-get install -y ngin', ` ---> Running in ${failed}`,
        'Reading package lists...', 'Building dependency tree...', 'Reading state information...',
        '\x1b[91mE: Unable to locate package ngin', '\x1b[0m',
      ].join('\n'),
      stderr: `${DEPRECATED}The command '/bin/sh -c apt-get install -y ngin' returned a non-zero code: 100\n`,
      code: 100,
    });
    const left = await docker(['ps', '-a', '--format', '{{.ID}} {{.Image}} {{.Status}}']);
    expect(left.stdout).toMatch(new RegExp(`^${failed} ${update} Exited \\(100\\) .* ago\\n$`));
    const debug = await docker(['run', '--rm', update, 'sh', '-c', 'ls /var/lib/apt/lists | wc -l']);
    expect(Number(debug.stdout.trim())).toBeGreaterThan(0);
  }, 240_000);

  it('answers /session as a daemon without BuildKit\'s gRPC, and /grpc not at all', async () => {
    const post = (path: string, headers: Record<string, string>): Promise<string> =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: d.tcp.port, path, method: 'POST', headers }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve(`${res.statusCode} ${body.trim()}`));
        });
        req.on('error', reject);
        req.end();
      });
    expect(await post('/session', { Upgrade: 'h2c', Connection: 'Upgrade' })).toBe(
      '501 {"message":"dockersim: a BuildKit session (HTTP/2 gRPC over /session) is not simulated"}',
    );
    expect(await post('/session', {})).toBe('400 {"message":"no upgrade proto in request"}');
    expect(await post('/grpc', { Upgrade: 'h2c', Connection: 'Upgrade' })).toBe('404 {"message":"page not found"}');
  });

  it('refuses the build options it does not model instead of ignoring them, and takes the zeros the CLI always sends', async () => {
    const dir = contextDir('FROM ubuntu:24.04\nRUN true\n');
    const refused = await docker(['build', '--memory', '64m', dir]);
    expect([refused.code, refused.stderr.split('\n').filter(Boolean).pop()]).toEqual([
      1, 'Error response from daemon: dockersim: the build option memory=67108864 is not simulated',
    ]);
    const network = await docker(['build', '--network', 'host', dir]);
    expect(network.stderr).toContain('Error response from daemon: dockersim: --network=host for a build is not simulated');
    const plain = await docker(['build', '-q', dir]);
    expect([plain.code, plain.stdout]).toEqual([0, expect.stringMatching(/^sha256:[0-9a-f]{64}\n$/)]);
  }, 120_000);

  it('pulls a missing base with the stored credentials it sends as X-Registry-Config, and fails as Hub refuses wrong ones', async () => {
    const dir = contextDir('FROM alpine\nRUN true\n');
    const config = mkdtempSync(join(tmpdir(), 'dockersim-config-'));
    const as = (args: string[]): Promise<Result> => realDockerRun(d, args, { drive: true, stepMs: 1000, env: { ...LEGACY, DOCKER_CONFIG: config } });
    expect((await as(['login', '-u', 'alice1', '-p', 'first'])).code).toBe(0);
    // alice1:wrong
    writeFileSync(join(config, 'config.json'), '{"auths":{"https://index.docker.io/v1/":{"auth":"YWxpY2UxOndyb25n"}}}');
    const refused = await as(['build', dir]);
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      1, 'Sending build context to Docker daemon  2.048kB\r\r\nStep 1/2 : FROM alpine\n',
      `${DEPRECATED}Head "https://registry-1.docker.io/v2/library/alpine/manifests/latest": unauthorized: incorrect username or password\n`,
    ]);
    expect((await as(['login', '-u', 'alice1', '-p', 'first'])).code).toBe(0);
    const built = await as(['build', '-q', dir]);
    expect([built.code, built.stdout]).toEqual([0, expect.stringMatching(/^sha256:[0-9a-f]{64}\n$/)]);
  }, 120_000);
});
