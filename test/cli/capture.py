#!/usr/bin/env python3
"""Record the goldens in testdata/real/ from the real docker 28.2.2 client (no daemon needed).

Run on purpose only: `python3 test/cli/capture.py` from the repo root; review the diff.
Help is wrapped to the width of fd 0's terminal (cli/cobra.go wrappedFlagUsages): stdin is /dev/null here,
so goldens are at the 80-column default. `--wide DIR` also writes unwrapped (1000-column) help to DIR.
"""
import fcntl, json, os, pty, struct, subprocess, sys, termios

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'testdata', 'real')
ENV = dict(os.environ, HOME='/root', DOCKER_CONFIG='', LANG='C.UTF-8')
ENV.pop('DOCKER_HOST', None)

HELP = ['', 'version', 'info', 'run', 'create', 'start', 'stop', 'kill', 'restart', 'pause', 'unpause', 'rm',
        'ps', 'logs', 'attach', 'exec', 'inspect', 'top', 'stats', 'wait', 'rename', 'diff', 'images', 'pull',
        'rmi', 'search', 'container', 'image',
        'container run', 'container create', 'container start', 'container stop', 'container kill',
        'container restart', 'container pause', 'container unpause', 'container rm', 'container ls',
        'container logs', 'container attach', 'container exec', 'container inspect', 'container top',
        'container stats', 'container wait', 'container rename', 'container diff',
        'image ls', 'image pull', 'image rm', 'image inspect']

ERRORS = {
    'run-unknown-flag': ['run', '--bogus'],
    'run-unknown-shorthand': ['run', '-z'],
    'run-combined-unknown-shorthand': ['run', '-itz', 'img'],
    'run-needs-argument-long': ['run', '--name'],
    'run-needs-argument-short': ['run', '-e'],
    'run-needs-argument-combined': ['run', '-de'],
    'run-min-args': ['run'],
    'run-min-args-with-flags': ['run', '-it', '--rm'],
    'run-bad-bool': ['run', '-d=xx', 'img'],
    'run-bad-bool-long': ['run', '--rm=maybe', 'img'],
    'run-bad-int': ['run', '-c', 'x', 'img'],
    'run-bad-uint16': ['run', '--blkio-weight', '99999', 'img'],
    'run-bad-help-value': ['run', '--help=x'],
    'unknown-command': ['frob'],
    'unknown-command-args': ['frob', '-x', 'y'],
    'root-unknown-flag': ['--bogus'],
    'root-unknown-shorthand': ['-z', 'ps'],
    'root-needs-argument': ['-H'],
    'root-needs-argument-long': ['--context'],
    'root-version-short': ['-v'],
    'root-version-long': ['--version'],
    'stop-bad-int': ['stop', '-t', 'x', 'a'],
    'stop-needs-argument': ['stop', '-t'],
    'stop-min-args': ['stop'],
    'ps-accepts-no-args': ['ps', 'extra'],
    'ps-dashdash': ['ps', '-a', '--', '-x'],
    'ps-single-dash': ['ps', '-'],
    'ps-bad-syntax-triple-dash': ['ps', '---x'],
    'ps-bad-syntax-empty-name': ['ps', '--=x'],
    'ps-shorthand-equals': ['ps', '-a='],
    'ps-empty-int': ['ps', '--last='],
    'ps-empty-bool': ['ps', '--all='],
    'ps-bad-bool': ['ps', '--no-trunc=maybe'],
    'ps-deprecated-h': ['ps', '-h'],
    'ps-unknown-flag-value': ['ps', '--bogus=3'],
    'ps-unknown-in-combined': ['ps', '-aqz'],
    'rename-exact-args': ['rename', 'a'],
    'logs-exact-args': ['logs'],
    'exec-min-args': ['exec', 'a'],
    'version-no-args': ['version', 'extra'],
    'container-unknown-sub': ['container', 'frob'],
    'container-ls-no-args': ['container', 'ls', 'extra'],
    'container-ls-unknown-flag': ['container', 'ls', '--bogus'],
    'images-needs-argument': ['images', '--filter'],
    'images-too-many-args': ['images', 'a', 'b'],
    'help-ps': ['help', 'ps'],
    'help-unknown': ['help', 'frob'],
    'no-command': [],
    'debug-no-command': ['-D'],
}

# Whole commands run with no daemon listening: the client-side checks (flags, templates, references, TTY) and the
# words it wraps a connection error in. nodaemon.test.ts runs each through main() with every API call refused.
NO_DAEMON = {
    'create-bad-pull': ['create', '--pull', 'sometimes', 'ubuntu'],
    'create-no-daemon': ['create', 'ubuntu'],
    'inspect-bad-template': ['inspect', '-f', '{{.State', 'x'],
    'inspect-no-daemon': ['inspect', 'x'],
    'stop-help': ['stop', '--help'],
    'ps-bad-template': ['ps', '--format', '{{.Names'],
    'ps-no-daemon': ['ps'],
    'pull-no-daemon': ['pull', 'ubuntu'],
    'pull-uppercase': ['pull', 'Ubuntu'],
    'run-attach-detach-conflict': ['run', '-d', '-a', 'stdout', 'ubuntu'],
    'run-bad-pull': ['run', '--pull', 'sometimes', 'ubuntu'],
    'run-it-no-tty': ['run', '-it', 'ubuntu'],
    'run-no-daemon': ['run', 'ubuntu'],
    'rm-empty-name': ['rm', '/'],
    'run-restart-rm': ['run', '--rm', '--restart', 'always', 'ubuntu'],
    'start-no-daemon': ['start', 'x', 'y'],
}


def run(argv, width=None):
    if width is None:
        with open(os.devnull) as devnull:
            p = subprocess.run(['docker', *argv], stdin=devnull, capture_output=True, env=ENV)
        return p.stdout.decode(), p.stderr.decode(), p.returncode
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 50, width, 0, 0))
    p = subprocess.run(['docker', *argv], stdin=slave, capture_output=True, env=ENV)
    os.close(slave); os.close(master)
    return p.stdout.decode(), p.stderr.decode(), p.returncode


def write(name, text):
    with open(os.path.join(OUT, name), 'w') as f:
        f.write(text)


def main():
    os.makedirs(OUT, exist_ok=True)
    wide = sys.argv[sys.argv.index('--wide') + 1] if '--wide' in sys.argv else None
    for cmd in HELP:
        argv = [*cmd.split(), '--help']
        out, err, rc = run(argv)
        assert rc == 0 and err == '', (cmd, err)
        slug = cmd.replace(' ', '-') or 'docker'
        write(f'help-{slug}.golden', out)
        if wide:
            os.makedirs(wide, exist_ok=True)
            with open(os.path.join(wide, slug + '.txt'), 'w') as f:
                f.write(run(argv, 1000)[0])
    for prefix, cases in (('errors', ERRORS), ('nodaemon', NO_DAEMON)):
        for name, argv in cases.items():
            out, err, rc = run(argv)
            write(f'{prefix}-{name}.golden',
                  f'argv: {json.dumps(argv)}\nexit: {rc}\n--- stdout\n{out}--- stderr\n{err}--- end\n')


main()
