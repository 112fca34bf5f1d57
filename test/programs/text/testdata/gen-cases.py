#!/usr/bin/env python3
"""Runs each case of cases.txt with the real tools in a scratch directory holding FILES and writes
real-cases.json (argv, stdin, stdout, stderr, status). Regenerate on a host with GNU sed 4.9, mawk, od,
timeout (coreutils), busybox; never edit the JSON by hand.

cases.txt: one case a line, a JSON array of argv words, optionally followed by a TAB and a JSON string of stdin."""
import json, os, subprocess, tempfile, shutil

FILES = {
    'passwd': 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nuser:x:1000:1000:Ubuntu:/home/user:/bin/bash\n',
    'nginx.conf': 'server {\n    listen 80 default_server;\n    listen [::]:80 default_server;\n    root /var/www/html;\n    index index.html index.htm;\n    server_name _;\n    location / {\n        try_files $uri $uri/ =404;\n    }\n}\n',
    'nums': '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n',
    'words': 'the quick brown fox\njumps over the lazy dog\nThe End\n',
    'nonl': 'one\ntwo',
    'data.csv': 'name,age,city\nalice,30,Paris\nbob,25,Berlin\ncarol,35,Rome\n',
    'empty': '',
}

here = os.path.dirname(os.path.abspath(__file__))
cases = []
for line in open(os.path.join(here, 'cases.txt')):
    line = line.rstrip('\n')
    if not line or line.startswith('#'):
        continue
    parts = line.split('\t')
    argv = json.loads(parts[0])
    stdin = json.loads(parts[1]) if len(parts) > 1 else ''
    d = tempfile.mkdtemp()
    for k, v in FILES.items():
        open(os.path.join(d, k), 'w').write(v)
    env = {'PATH': '/usr/bin:/bin', 'LC_ALL': 'C.UTF-8'}
    p = subprocess.run(argv, cwd=d, input=stdin.encode(), capture_output=True, env=env)
    case = {'argv': argv, 'stdin': stdin, 'stdout': p.stdout.decode('utf8', 'replace'),
            'stderr': p.stderr.decode('utf8', 'replace'), 'status': p.returncode}
    # What an in-place edit or a `w` file left behind.
    after = {}
    for k in sorted(os.listdir(d)):
        path = os.path.join(d, k)
        if os.path.isfile(path) and FILES.get(k) != open(path).read():
            after[k] = open(path).read()
    if after:
        case['files'] = after
    cases.append(case)
    shutil.rmtree(d)
json.dump({'files': FILES, 'cases': cases}, open(os.path.join(here, 'real-cases.json'), 'w'), indent=1)
print(len(cases), 'cases')
