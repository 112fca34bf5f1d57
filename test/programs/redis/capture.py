#!/usr/bin/env python3
"""Sends each command of commands.txt to a real redis-server (Debian's 7.0.15 on this machine:
`redis-server --port 16379 --save '' &`) and writes its raw RESP replies to testdata/real-7.0.15.jsonl.
The unit test replays the same commands through the simulated command table and compares byte for byte.
Never edit the output by hand; re-run this script."""
import json, shlex, socket, sys, os

here = os.path.dirname(os.path.abspath(__file__))
port = int(sys.argv[1]) if len(sys.argv) > 1 else 16379

def encode(args):
    out = b'*%d\r\n' % len(args)
    for a in args:
        b = a.encode()
        out += b'$%d\r\n%s\r\n' % (len(b), b)
    return out

def read_reply(f):
    line = f.readline()
    t = line[:1]
    if t in (b'+', b'-', b':'):
        return line
    if t == b'$':
        n = int(line[1:-2])
        return line if n < 0 else line + f.read(n + 2)
    if t == b'*':
        n = int(line[1:-2])
        out = line
        for _ in range(max(n, 0)):
            out += read_reply(f)
        return out
    raise RuntimeError(line)

s = socket.create_connection(('127.0.0.1', port))
f = s.makefile('rb')
with open(os.path.join(here, 'testdata', 'commands.txt')) as src, open(os.path.join(here, 'testdata', 'real-7.0.15.jsonl'), 'w') as dst:
    s.sendall(encode(['FLUSHALL'])); read_reply(f)
    for line in src:
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        args = shlex.split(line)
        s.sendall(encode(args))
        dst.write(json.dumps({'cmd': args, 'reply': read_reply(f).decode()}) + '\n')
