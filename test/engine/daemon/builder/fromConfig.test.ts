import { describe, expect, it } from 'vitest';
import { buildFromConfig } from '../../../../src/engine/daemon/builder/dockerfile/fromConfig.js';
import { parseDockerfile } from '../../../../src/engine/daemon/builder/dockerfile/parser.js';
import type { ContainerConfig } from '../../../../src/engine/daemon/container.js';

const base = (): ContainerConfig => ({
  Hostname: 'eb46b8c2a352', Domainname: '', User: '', AttachStdin: true, AttachStdout: true, AttachStderr: true,
  Tty: true, OpenStdin: true, StdinOnce: true, Env: ['PATH=/usr/bin:/bin'], Cmd: ['/bin/bash'], Image: 'ubuntu',
  Volumes: null, WorkingDir: '', Entrypoint: null, OnBuild: null, Labels: { a: '1' },
});

const err = (changes: string[]): string => {
  try {
    buildFromConfig(base(), changes);
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('docker commit --change (BuildFromConfig)', () => {
  it('applies ENV and LABEL in both forms, quotes removed, variables from before the instruction', () => {
    const c = buildFromConfig(base(), ['ENV A="b c" D=$A', 'ENV E ${A:-x} y', 'LABEL x=y "k 2"=\'v 2\'', 'ENV PATH=/opt:$PATH']);
    expect(c.Env).toEqual(['PATH=/opt:/usr/bin:/bin', 'A=b c', 'D=', 'E=b c y']);
    expect(c.Labels).toEqual({ a: '1', x: 'y', 'k 2': 'v 2' });
  });

  it('reads CMD and ENTRYPOINT as Docker does: exec form as is, shell form after /bin/sh -c', () => {
    expect(buildFromConfig(base(), ['CMD ["nginx", "-g", "daemon off;"]']).Cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(buildFromConfig(base(), ['CMD echo "$HOME"']).Cmd).toEqual(['/bin/sh', '-c', 'echo "$HOME"']);
    // An ENTRYPOINT drops the container's CMD unless this change set gave one.
    const e = buildFromConfig(base(), ['ENTRYPOINT ["/usr/sbin/apache2"]']);
    expect([e.Entrypoint, e.Cmd]).toEqual([['/usr/sbin/apache2'], null]);
    const both = buildFromConfig(base(), ['CMD ["-D", "FOREGROUND"]', 'ENTRYPOINT ["/usr/sbin/apache2"]']);
    expect([both.Entrypoint, both.Cmd]).toEqual([['/usr/sbin/apache2'], ['-D', 'FOREGROUND']]);
  });

  it('reads EXPOSE, VOLUME, USER, WORKDIR, STOPSIGNAL and ONBUILD', () => {
    const c = buildFromConfig(base(), [
      'EXPOSE 80 8000-8001/udp', 'VOLUME ["/data", "/logs"]', 'VOLUME /cache', 'USER www-data', 'WORKDIR /var',
      'WORKDIR www/../www/html', 'STOPSIGNAL SIGQUIT', 'ONBUILD ADD . /var/www/',
    ]);
    expect(c.ExposedPorts).toEqual({ '80/tcp': {}, '8000/udp': {}, '8001/udp': {} });
    expect(c.Volumes).toEqual({ '/data': {}, '/logs': {}, '/cache': {} });
    expect([c.User, c.WorkingDir, c.StopSignal, c.OnBuild]).toEqual(['www-data', '/var/www/html', 'SIGQUIT', ['ADD . /var/www/']]);
  });

  it('reads HEALTHCHECK, as docker commit --change does', () => {
    expect(buildFromConfig(base(), ['HEALTHCHECK --interval=5s CMD curl -f localhost']).Healthcheck).toEqual({
      Test: ['CMD-SHELL', 'curl -f localhost'], Interval: 5e9, Timeout: 0, StartPeriod: 0, StartInterval: 0, Retries: 0,
    });
    expect(buildFromConfig(base(), ['HEALTHCHECK NONE']).Healthcheck).toEqual({ Test: ['NONE'] });
  });

  it('leaves the container\'s config untouched', () => {
    const b = base();
    buildFromConfig(b, ['ENV X=1', 'LABEL b=2']);
    expect([b.Env, b.Labels]).toEqual([['PATH=/usr/bin:/bin'], { a: '1' }]);
  });

  it('refuses with moby\'s words', () => {
    expect(err(['RUN apt-get update'])).toBe('run is not a valid change command');
    expect(err(['FROM ubuntu'])).toBe('from is not a valid change command');
    expect(err(['ENV'])).toBe('ENV requires at least one argument');
    expect(err(['ENV a'])).toBe('ENV must have two arguments');
    expect(err(['ENV a=1 b'])).toBe('Syntax error - can\'t find = in "b". Must be of the form: name=value');
    expect(err(['LABEL =x'])).toBe('LABEL names can not be blank');
    expect(err(['USER'])).toBe('USER requires exactly one argument');
    expect(err(['EXPOSE'])).toBe('EXPOSE requires at least one argument');
    expect(err(['EXPOSE 80/ftp'])).toBe('invalid proto: ftp');
    expect(err(['EXPOSE http'])).toBe('invalid containerPort: http');
    expect(err(['STOPSIGNAL SIGNOPE'])).toBe('invalid signal: SIGNOPE');
    expect(err(['ONBUILD ONBUILD RUN x'])).toBe('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
    expect(err(['ONBUILD FROM x'])).toBe('FROM isn\'t allowed as an ONBUILD trigger');
    expect(err(['CMD [1, 2]'])).toBe('when using JSON array syntax, arrays must be comprised of strings only');
    expect(err(['# only a comment'])).toBe('file with no instructions');
    expect(err(['HEALTHCHECK FOO x'])).toBe('Unknown type "FOO" in HEALTHCHECK (try CMD)');
    expect(err(['HEALTHCHECK --retries=x CMD true'])).toBe('strconv.ParseInt: parsing "x": invalid syntax');
  });
});

describe('parseDockerfile', () => {
  // A continuation keeps its indentation, as BuildKit's parser does (the step is named
  // `RUN echo 'Hi, I am in your container'     >/var/www/html/index.html`).
  it('joins continuation lines, skips comments, lower-cases the instruction', () => {
    const nodes = parseDockerfile('# Version: 0.0.1\nFROM ubuntu:14.04\nRUN echo \'Hi, I am in your container\' \\\n    >/usr/share/nginx/html/index.html\n\nexpose 80\n');
    expect(nodes.map((n) => [n.cmd, n.args, n.startLine])).toEqual([
      ['from', ['ubuntu:14.04'], 2],
      ['run', ["echo 'Hi, I am in your container'     >/usr/share/nginx/html/index.html"], 3],
      ['expose', ['80'], 6],
    ]);
  });

  it('takes the builder flags off the arguments', () => {
    const [copy, run] = parseDockerfile('COPY --from=build --chown="1:2" /a /b\nRUN --mount=type=cache,target=/x -- echo hi\n');
    expect([copy.flags, copy.args, run.flags, run.args]).toEqual([['--from=build', '--chown=1:2'], ['/a', '/b'], ['--mount=type=cache,target=/x'], ['echo hi']]);
  });
});
