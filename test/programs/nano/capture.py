#!/usr/bin/env python3
"""Records what the real GNU nano 7.2 shows (Debian 12's build, Ubuntu 24.04's version and /etc/nanorc) for each
scenario in testdata/scenarios.json: the files are written to a scratch directory, the command runs in a tmux
pane of the given size, each step's keys are sent as bytes and the pane's text is captured after it.
Writes testdata/<name>.screens; nano.test.ts replays the same keys in the simulator and compares.

    python3 test/programs/nano/capture.py [name...]
"""
import json, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'testdata')
SOCK = f'nanocap{os.getpid()}'


def tmux(*args, check=True):
    return subprocess.run(['tmux', '-L', SOCK, '-f', '/dev/null', *args], check=check, capture_output=True, text=True).stdout


def capture(sc):
    work = tempfile.mkdtemp(prefix='nanocap-')
    home = os.path.join(work, 'home')
    os.makedirs(home)
    for name, content in sc.get('files', {}).items():
        with open(os.path.join(home, name), 'w') as f:
            f.write(content)
    env = f"env -i HOME={home} LANG=C.UTF-8 TERM=xterm-256color PATH=/usr/bin:/bin"
    tmux('new-session', '-d', '-x', str(sc.get('cols', 80)), '-y', str(sc.get('rows', 24)), '-s', 'cap',
         f"cd {home} && {env} {sc['cmd']}; sleep 60")
    time.sleep(0.8)
    screens = []
    for step in sc['steps']:
        if step:
            tmux('send-keys', '-t', 'cap', '-H', *[f'{b:02x}' for b in step.encode()])
        time.sleep(0.4)
        screens.append(tmux('capture-pane', '-p', '-t', 'cap').rstrip('\n').split('\n'))
    tmux('kill-server', check=False)
    time.sleep(0.5)
    return screens


def main():
    scenarios = json.load(open(os.path.join(DATA, 'scenarios.json')))
    only = set(sys.argv[1:])
    for sc in scenarios:
        if only and sc['name'] not in only:
            continue
        screens = capture(sc)
        with open(os.path.join(DATA, f"{sc['name']}.screens"), 'w') as f:
            for i, rows in enumerate(screens):
                f.write(f'--- step {i}\n')
                f.write('\n'.join(r.rstrip() for r in rows) + '\n')
        print(sc['name'], len(screens), 'screens')


main()
