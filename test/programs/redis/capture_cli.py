#!/usr/bin/env python3
"""Runs the real redis-cli 7.0.15 (one-shot) against a real redis-server on port 16379 for each line of
testdata/cli-commands.txt (shell words, or a JSON array), once on a terminal (script(1)) and once piped, and writes what it printed to
testdata/cli-real-7.0.15.jsonl. Re-run it rather than edit the output."""
import json, os, shlex, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
port = sys.argv[1] if len(sys.argv) > 1 else '16379'
subprocess.run(['redis-cli', '-p', port, 'FLUSHALL'], capture_output=True)
with open(os.path.join(here, 'testdata', 'cli-commands.txt')) as src, open(os.path.join(here, 'testdata', 'cli-real-7.0.15.jsonl'), 'w') as dst:
    for line in src:
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        args = json.loads(line) if line.startswith('[') else shlex.split(line)
        cmd = ['redis-cli', '-p', port] + args
        tty = subprocess.run(['script', '-qc', shlex.join(cmd), '/dev/null'], capture_output=True, text=True).stdout.replace('\r\n', '\n')
        raw = subprocess.run(cmd, capture_output=True, text=True)
        dst.write(json.dumps({'cmd': args, 'tty': tty, 'raw': raw.stdout, 'rawErr': raw.stderr}) + '\n')
