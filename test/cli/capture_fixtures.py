#!/usr/bin/env python3
"""Record testdata/real/fixture-*.golden: the real docker 28.2.2 client run against a tiny HTTP daemon that
answers with the fixtures commands.test.ts feeds its fake client (fixtures.ts, dumped by fixtures-dump.ts).

Run on purpose only: `python3 test/cli/capture_fixtures.py` from the repo root; review the diff. Each case
below must answer as the same-named case in commands.test.ts does; commands.test.ts then checks the simulator's
stdout, stderr and exit code against the capture. The tests' clock stands at 2024-01-02T03:04:05Z (fake.ts NOW)
while the real client reads the wall clock, so list answers are moved forward in time (`aged`) to be as old,
when asked, as the fixtures are at NOW; absolute times (ps --format json's CreatedAt) can still never agree.
"""
import fcntl, json, os, pty, re, select, struct, subprocess, termios, threading, time, tty
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'testdata', 'real')
ENV = dict(os.environ, HOME='/root', DOCKER_CONFIG='', LANG='C.UTF-8', TZ='UTC')
FX = json.loads(subprocess.run(['npx', 'tsx', os.path.join(HERE, 'fixtures-dump.ts')], capture_output=True, check=True).stdout)
D, H, W = FX['DAVE'], FX['HOPPER'], FX['WEB']
DAVE_ID, HOPPER_ID, WEB_ID = D['Id'], H['Id'], W['Id']
SCENE = []  # (method, path regex, (status, body)) for the case being captured; first match answers
def frame(s, p): b = p.encode(); return struct.pack('>BxxxI', s, len(b)) + b
def inspect(id_, name='daemon_dave', running=True, paused=False, tty=False, open_stdin=False):
    v = json.loads(FX['inspectDave']); v['Id'] = id_; v['Name'] = '/' + name
    v['State'].update(Status='running' if running else 'exited', Running=running, Paused=paused)
    v['Config'].update(Tty=tty, OpenStdin=open_stdin)
    return json.dumps(v, separators=(',', ':')).replace('"<b>"', '"\\u003cb\\u003e"')
def err(status, msg): return (status, json.dumps({'message': msg}))
def gone(n): return err(404, f'No such container: {n}')
class Daemon(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def log_message(self, *a): pass
    def handle_one(self):
        n = int(self.headers.get('Content-Length') or 0)
        if n: self.rfile.read(n)
        path = re.sub(r'^/v1\.\d+', '', self.path)
        if path.startswith('/_ping'):
            return self.send(200, 'OK', 'text/plain')
        for m, rx, resp in SCENE:
            if m == self.command and re.fullmatch(rx, path.split('?')[0]):
                st, body = resp(path) if callable(resp) else resp
                if st == 101:
                    return self.hijack(body)
                ct = 'application/json'
                if isinstance(body, bytes): ct = 'application/vnd.docker.multiplexed-stream'
                return self.send(st, body, ct)
        # docker inspect without --type tries every object kind in turn: the ones dockersim lacks are simply absent.
        if self.command == 'GET' and re.match(r'/(networks|volumes|plugins|services|tasks|nodes|secrets|configs)/', path):
            return self.send(404, json.dumps({'message': f'{path.split("/")[1]} nope not found'}), 'application/json')
        return self.send(500, json.dumps({'message': f'unexpected {self.command} {path}'}), 'application/json')
    do_GET = do_POST = do_DELETE = do_HEAD = handle_one
    def hijack(self, payload):
        # attach and exec start upgrade the connection, then the stream runs until the daemon closes it.
        self.wfile.write(b'HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n'
                         b'Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n' + payload)
        self.wfile.flush()
        self.close_connection = True

    def send(self, st, body, ct):
        b = body if isinstance(body, bytes) else body.encode()
        self.send_response(st)
        self.send_header('Api-Version', '1.50'); self.send_header('Docker-Experimental', 'false'); self.send_header('Ostype', 'linux')
        self.send_header('Server', 'Docker/28.2.2 (linux)')
        if st == 204: self.end_headers(); return
        self.send_header('Content-Type', ct); self.send_header('Content-Length', str(len(b))); self.end_headers()
        if self.command != 'HEAD': self.wfile.write(b)

J = lambda o: (200, json.dumps(o))
OK = (204, '')
def wait(code): return J({'StatusCode': code, 'Error': None})
PULL = '\n'.join(json.dumps(m) for m in FX['PULL_UBUNTU']) + '\n'
SEARCH = [{'name': 'ubuntu', 'description': 'Ubuntu is a Debian-based Linux operating system based on free software.', 'star_count': 17421, 'is_official': True, 'is_automated': False},
          {'name': 'ubuntu/nginx', 'description': 'Nginx, a high-performance reverse proxy & web server', 'star_count': 131, 'is_official': False, 'is_automated': False}]
C = r'/containers/[^/]+'
def aged(items):
    # Created as many seconds before the real now (when asked) as the fixture is before the tests' NOW; answered
    # early in a second, so the client's own now, a few milliseconds later, falls in the same second.
    def answer(_path):
        while time.time() % 1 > 0.5:
            time.sleep(0.05)
        return J([dict(i, Created=i['Created'] + int(time.time()) - FX['NOW'] // 1000) for i in items])
    return answer
def hijacked(*frames): return (101, b''.join(frames))
def missing_then(ok):
    # The first create finds no image; the CLI pulls and creates again.
    calls = []
    def answer(_path):
        calls.append(1)
        return err(404, 'No such image: ubuntu:latest') if len(calls) == 1 else ok
    return answer
CREATED = (201, json.dumps({'Id': DAVE_ID, 'Warnings': []}))
UP_TO_DATE = '\n'.join(json.dumps(m) for m in [{'status': 'Pulling from library/ubuntu', 'id': 'latest'},
    {'status': 'Digest: sha256:2e863c44b718727c860746568e1d54afd13b2fa71b160f5cd9058fc436217b30'},
    {'status': 'Status: Image is up to date for ubuntu:latest'}]) + '\n'
OCI = 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: '
# Not here, on purpose: pull-denied and run-pull-denied (dockersim adds a line naming its offline registry's
# images), version-ok and info-ok (the static binary is no docker-ce .deb), anything printing a relative time.
CASES = {
  'version-format': (['version', '--format', '{{.Server.Version}} {{.Client.Version}}'], [('GET', '/version', J(FX['SERVER_VERSION']))]),
  'info-format': (['info', '--format', '{{.ServerVersion}} {{.NCPU}}'], [('GET', '/info', J(FX['INFO']))]),
  'ps-quiet': (['ps', '-aq'], [('GET', '/containers/json', J([H, W, D]))]),
  'ps-format-quiet': (['ps', '-q', '--format', '{{.Names}}'], [('GET', '/containers/json', J([W, D]))]),
  'images-quiet': (['images', '-q'], [('GET', '/images/json', J(FX['IMAGES']))]),
  'inspect-container': (['inspect', 'daemon_dave'], [('GET', C + '/json', (200, inspect(DAVE_ID)))]),
  'inspect-format': (['inspect', '-f', '{{.State.Running}} {{.Name}} {{json .Config.Labels}}', 'daemon_dave'], [('GET', C + '/json', (200, inspect(DAVE_ID)))]),
  'inspect-missing': (['inspect', 'nope'], [('GET', '/info', J(FX['INFO'])), ('GET', C + '/json', gone('nope')), ('GET', '/images/.*/json', err(404, 'No such image: nope:latest'))]),
  'inspect-mixed': (['inspect', 'daemon_dave', 'nope'], [('GET', '/info', J(FX['INFO'])), ('GET', '/containers/nope/json', gone('nope')), ('GET', C + '/json', (200, inspect(DAVE_ID))), ('GET', '/images/.*/json', err(404, 'No such image: nope:latest'))]),
  'inspect-image': (['inspect', '--format', '{{.Id}} {{.Os}}', 'ubuntu'], [('GET', C + '/json', gone('ubuntu')), ('GET', '/images/.*/json', J({'Id': 'sha256:bf3d', 'Os': 'linux'}))]),
  'container-inspect-missing': (['container', 'inspect', 'nope'], [('GET', C + '/json', gone('nope'))]),
  'search-ok': (['search', 'ubuntu'], [('GET', '/images/search', J(SEARCH))]),
  'diff-ok': (['diff', 'daemon_dave'], [('GET', C + '/changes', J([{'Path': '/etc', 'Kind': 0}, {'Path': '/etc/motd', 'Kind': 1}, {'Path': '/tmp/x', 'Kind': 2}]))]),
  'top-ok': (['top', 'daemon_dave'], [('GET', C + '/top', J({'Titles': ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], 'Processes': [['root', '4242', '4221', '0', '03:02', '?', '00:00:00', '/bin/sh -c while true; do echo hello; sleep 1; done'], ['root', '4300', '4242', '0', '03:04', '?', '00:00:00', 'sleep 1']]}))]),
  'top-ps-args': (['top', 'daemon_dave', 'aux'], [('GET', C + '/top', J({'Titles': ['USER', 'PID'], 'Processes': [['root', '1']]}))]),
  'stats-no-stream': (['stats', '--no-stream'], [('GET', '/containers/json', J([D])), ('GET', C + '/stats', J(FX['STATS_DAVE']))]),
  'stats-missing': (['stats', '--no-stream', 'nope'], [('GET', C + '/stats', gone('nope'))]),
  'start-ok': (['start', 'hungry_hopper', 'daemon_dave'], [('POST', C + '/start', OK)]),
  'start-missing': (['start', 'x', 'y'], [('POST', '/containers/x/start', gone('x')), ('POST', '/containers/y/start', gone('y'))]),
  'start-paused': (['start', 'daemon_dave'], [('POST', C + '/start', err(409, 'cannot start a paused container, try unpause instead'))]),
  'stop-ok': (['stop', 'daemon_dave', 'web'], [('POST', C + '/stop', OK)]),
  'stop-timeout': (['stop', '-t', '3', '-s', 'SIGINT', 'daemon_dave'], [('POST', C + '/stop', OK)]),
  'stop-mixed': (['stop', 'nope', 'daemon_dave', 'nada'], [('POST', '/containers/n[^/]*/stop', lambda p: gone(p.split('/')[2])), ('POST', C + '/stop', OK)]),
  'stop-deprecated-time': (['stop', '--time', '5', 'daemon_dave'], [('POST', C + '/stop', OK)]),
  'kill-ok': (['kill', '-s', 'HUP', 'daemon_dave'], [('POST', C + '/kill', OK)]),
  'kill-not-running': (['kill', 'hungry_hopper'], [('POST', C + '/kill', err(409, f'cannot kill container: hungry_hopper: container {HOPPER_ID} is not running'))]),
  'restart-ok': (['restart', '-t', '0', 'daemon_dave'], [('POST', C + '/restart', OK)]),
  'pause-ok': (['pause', 'daemon_dave'], [('POST', C + '/pause', OK)]),
  'unpause-missing': (['unpause', 'x'], [('POST', C + '/unpause', gone('x'))]),
  'rm-ok': (['rm', 'hungry_hopper'], [('DELETE', C, OK)]),
  'rm-running': (['rm', 'daemon_dave'], [('DELETE', C, err(409, 'cannot remove container "daemon_dave": container is running: stop the container before removing or force remove'))]),
  'rm-force-missing': (['rm', '-f', 'nope', 'daemon_dave'], [('DELETE', '/containers/nope', gone('nope')), ('DELETE', C, OK)]),
  'wait-ok': (['wait', 'hungry_hopper', 'daemon_dave'], [('POST', '/containers/daemon_dave/wait', wait(137)), ('POST', C + '/wait', wait(0))]),
  'wait-missing': (['wait', 'nope'], [('POST', C + '/wait', gone('nope'))]),
  'rename-ok': (['rename', 'daemon_dave', 'dave'], [('POST', C + '/rename', OK)]),
  'rename-conflict': (['rename', 'daemon_dave', 'web'], [('POST', C + '/rename', err(409, f'Error when allocating new name: Conflict. The container name "/web" is already in use by container "{WEB_ID}". You have to remove (or rename) that container to be able to reuse that name.'))]),
  'rmi-ok': (['rmi', 'ubuntu'], [('DELETE', '/images/.*', J([{'Untagged': 'ubuntu:latest'}, {'Untagged': 'ubuntu@sha256:2e863c44b718727c860746568e1d54afd13b2fa71b160f5cd9058fc436217b30'}, {'Deleted': 'sha256:bf3dc08bfed031182827888bb15977e316ad797ee2ccb63b4c7a57fdfe7eb31d'}]))]),
  'rmi-missing': (['rmi', 'nope'], [('DELETE', '/images/.*', err(404, 'No such image: nope:latest'))]),
  'rmi-force-missing': (['rmi', '-f', 'nope'], [('DELETE', '/images/.*', err(404, 'No such image: nope:latest'))]),
  'rmi-in-use': (['rmi', 'ubuntu'], [('DELETE', '/images/.*', err(409, 'conflict: unable to remove repository reference "ubuntu" (must force) - container e11111111111 is using its referenced image bf3dc08bfed0'))]),
  'logs-ok': (['logs', 'daemon_dave'], [('GET', C + '/json', (200, inspect(DAVE_ID))), ('GET', C + '/logs', (200, frame(1, 'hello\n') + frame(2, 'oops\n') + frame(1, 'hello\n')))]),
  'logs-since': (['logs', '--since', '42m', '--until', '2024-01-02T03:00:00Z', 'daemon_dave'], [('GET', C + '/json', (200, inspect(DAVE_ID))), ('GET', C + '/logs', (200, b''))]),
  'logs-missing': (['logs', 'nope'], [('GET', C + '/json', gone('nope'))]),
  'logs-bad-since': (['logs', '--since', 'yesterday', 'daemon_dave'], [('GET', C + '/json', (200, inspect(DAVE_ID)))]),
  'exec-missing': (['exec', 'nope', 'ls'], [('GET', C + '/json', gone('nope'))]),
  'exec-stopped': (['exec', 'hungry_hopper', 'ls'], [('GET', C + '/json', (200, inspect(HOPPER_ID, running=False))), ('POST', C + '/exec', err(409, f'container {HOPPER_ID} is not running'))]),
  'exec-it-not-tty': (['exec', '-it', 'daemon_dave', 'bash'], [('GET', C + '/json', (200, inspect(DAVE_ID)))]),
  'attach-missing': (['attach', 'nope'], [('GET', C + '/json', gone('nope')), ('POST', C + '/wait', gone('nope'))]),
  'attach-stopped': (['attach', 'hungry_hopper'], [('GET', C + '/json', (200, inspect(HOPPER_ID, running=False)))]),
  'attach-paused': (['attach', 'daemon_dave'], [('GET', C + '/json', (200, inspect(DAVE_ID, paused=True)))]),
  'attach-not-tty': (['attach', 'daemon_dave'], [('GET', C + '/json', (200, inspect(DAVE_ID, tty=True, open_stdin=True)))]),
  'pull-ok': (['pull', 'ubuntu'], [('POST', '/images/create', (200, PULL))]),
  'pull-quiet': (['pull', '-q', 'ubuntu'], [('POST', '/images/create', (200, PULL))]),
  'ps-running': (['ps'], [('GET', '/containers/json', aged([W, D]))]),
  'ps-all': (['ps', '-a'], [('GET', '/containers/json', aged([H, W, D]))]),
  'ps-no-trunc': (['ps', '--no-trunc'], [('GET', '/containers/json', aged([W, D]))]),
  'ps-size': (['ps', '-s'], [('GET', '/containers/json', aged([W]))]),
  'ps-last': (['ps', '-n', '2'], [('GET', '/containers/json', aged([H, W]))]),
  'ps-latest': (['ps', '-l'], [('GET', '/containers/json', aged([H]))]),
  'ps-filter': (['ps', '-a', '-f', 'status=exited', '--filter', 'Name=hop'], [('GET', '/containers/json', aged([H]))]),
  'ps-format-table': (['ps', '--format', 'table {{.Names}}\\t{{.Status}}\\t{{.Size}}'], [('GET', '/containers/json', aged([W, D]))]),
  'images-default': (['images'], [('GET', '/images/json', aged(FX['IMAGES']))]),
  'images-digests': (['images', '--digests'], [('GET', '/images/json', aged(FX['IMAGES'][1:2]))]),
  'images-reference': (['image', 'ls', 'ubuntu'], [('GET', '/images/json', aged(FX['IMAGES'][1:2]))]),
  'exec-t-only': (['exec', '-t', 'daemon_dave', 'ls'], [('GET', C + '/json', (200, inspect(DAVE_ID))), ('POST', C + '/exec', (201, json.dumps({'Id': 'e2'}))),
    ('POST', '/exec/e2/start', (101, b'bin  etc\r\n')), ('GET', '/exec/e2/json', J({'ExitCode': 0}))]),
  'run-it': (['run', '-it', 'ubuntu', 'bash'], [('POST', '/containers/create', CREATED), ('POST', C + '/attach', (101, b'root@a1b2c3d4e5f6:/# exit\r\n')),
    ('POST', C + '/wait', wait(0)), ('POST', C + '/start', OK), ('POST', C + '/resize', (200, ''))]),
  'exec-tty': (['exec', '-it', 'daemon_dave', 'bash'], [('GET', C + '/json', (200, inspect(DAVE_ID))), ('POST', C + '/exec', (201, json.dumps({'Id': 'e3'}))),
    ('POST', '/exec/e3/start', (101, b'root@a1b2c3d4e5f6:/# exit\r\n')), ('POST', '/exec/e3/resize', (200, '')), ('GET', '/exec/e3/json', J({'ExitCode': 0}))]),
  'pull-tty': (['pull', 'ubuntu:24.04'], [('POST', '/images/create', (200, PULL))]),
  'ps-empty': (['ps'], [('GET', '/containers/json', J([]))]),
  'pull-up-to-date': (['pull', 'ubuntu'], [('POST', '/images/create', (200, UP_TO_DATE))]),
  'create-pull': (['create', 'ubuntu'], [('POST', '/images/create', (200, PULL)), ('POST', '/containers/create', missing_then(CREATED))]),
  'run-pull': (['run', '-d', 'ubuntu'], [('POST', '/images/create', (200, PULL)), ('POST', '/containers/create', missing_then(CREATED)),
    ('POST', C + '/wait', wait(0)), ('POST', C + '/start', OK)]),
  'run-detached': (['run', '-d', '--name', 'daemon_dave', '-p', '8080:80', '-e', 'A=1', '-e', 'HOME', 'ubuntu', 'sh', '-c', 'while true; do echo hello; sleep 1; done'],
    [('POST', '/containers/create', CREATED), ('POST', C + '/wait', wait(0)), ('POST', C + '/start', OK)]),
  'logs-tty': (['logs', '-f', '--tail', '10', '-t', 'daemon_dave'], [('GET', C + '/json', (200, inspect(DAVE_ID, tty=True))),
    ('GET', C + '/logs', (200, b'2024-01-02T03:04:06.000000001Z hello\r\n'))]),
  'exec-detach': (['exec', '-d', 'daemon_dave', 'touch', '/x'], [('GET', C + '/json', (200, inspect(DAVE_ID))), ('POST', C + '/exec', (201, json.dumps({'Id': 'e4'}))),
    ('POST', '/exec/e4/start', OK)]),
  'exec-ok': (['exec', '-e', 'A=1', '-w', '/tmp', '-u', 'nobody', 'daemon_dave', 'sh', '-c', 'echo hi; exit 2'], [('GET', C + '/json', (200, inspect(DAVE_ID))),
    ('POST', C + '/exec', (201, json.dumps({'Id': 'e1'}))), ('POST', '/exec/e1/start', hijacked(frame(1, 'hi\n'))), ('GET', '/exec/e1/json', J({'ExitCode': 2, 'Running': False}))]),
  'start-attach': (['start', '-a', 'hungry_hopper'], [('GET', C + '/json', (200, inspect(HOPPER_ID, name='hungry_hopper', running=False))),
    ('POST', C + '/attach', hijacked(frame(1, 'hi\n'), frame(2, 'err\n'))), ('POST', C + '/wait', wait(3)), ('POST', C + '/start', OK)]),
  'attach-output': (['attach', 'daemon_dave'], [('GET', C + '/json', (200, inspect(DAVE_ID))), ('POST', C + '/attach', hijacked(frame(1, 'hello\nhello\n'))),
    ('POST', C + '/wait', wait(130))]),
  'run-output': (['run', '--rm', 'ubuntu', 'sh', '-c', 'echo out; echo err >&2; exit 3'], [('POST', '/containers/create', CREATED),
    ('POST', C + '/attach', hijacked(frame(1, 'out\n'), frame(2, 'err\n'))), ('POST', C + '/wait', wait(3)), ('POST', C + '/start', OK)]),
  'run-exec-not-found': (['run', 'ubuntu', 'nope'], [('POST', '/containers/create', CREATED), ('POST', C + '/attach', hijacked()),
    ('POST', C + '/wait', wait(127)), ('POST', C + '/start', err(400, OCI + '"nope": executable file not found in $PATH: unknown'))]),
  'run-permission': (['run', 'ubuntu', '/etc'], [('POST', '/containers/create', CREATED), ('POST', C + '/attach', hijacked()),
    ('POST', C + '/wait', wait(126)), ('POST', C + '/start', err(400, OCI + '"/etc": permission denied: unknown'))]),
  'create-ok': (['create', '--name', 'daemon_dave', 'ubuntu'], [('POST', '/containers/create', (201, json.dumps({'Id': DAVE_ID, 'Warnings': []})))]),
  'run-name-conflict': (['run', '--name', 'daemon_dave', 'ubuntu'], [('POST', '/containers/create', err(409, f'Conflict. The container name "/daemon_dave" is already in use by container "{DAVE_ID}". You have to remove (or rename) that container to be able to reuse that name.'))]),
}

ON_TTY = {'pull-tty', 'run-it', 'exec-tty'}


def run(argv, env, on_tty):
    if not on_tty:
        with open(os.devnull) as devnull:
            p = subprocess.run(['docker', *argv], stdin=devnull, capture_output=True, env=env, timeout=30)
        return p.returncode, p.stdout, p.stderr
    # stdin and stdout on raw 40x120 terminals (fake.ts's default size), as in the tests' tty cases; nothing is
    # typed, stderr stays a pipe.
    master, slave = pty.openpty()
    tty.setraw(slave)
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    in_master, in_slave = pty.openpty()
    fcntl.ioctl(in_slave, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    p = subprocess.Popen(['docker', *argv], stdin=in_slave, stdout=slave, stderr=subprocess.PIPE, env=env)
    os.close(slave)
    os.close(in_slave)
    out = b''
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        try:
            chunk = os.read(master, 65536) if ready else b''
        except OSError:  # EIO: the client exited and the terminal is gone
            chunk = b''
        if not chunk:
            break
        out += chunk
    os.close(master)
    os.close(in_master)
    err = p.stderr.read()
    return p.wait(timeout=30), out, err


def main():
    srv = ThreadingHTTPServer(('127.0.0.1', 0), Daemon)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    env = dict(ENV, DOCKER_HOST=f'tcp://127.0.0.1:{srv.server_address[1]}')
    env.pop('DOCKER_CONTEXT', None)
    for name, (argv, scene) in CASES.items():
        SCENE[:] = scene
        rc, out, err = run(argv, env, name in ON_TTY)
        with open(os.path.join(OUT, f'fixture-{name}.golden'), 'w') as f:
            f.write(f'argv: {json.dumps(argv)}\nexit: {rc}\n--- stdout\n{out.decode()}--- stderr\n{err.decode()}--- end\n')
    srv.shutdown()


main()
