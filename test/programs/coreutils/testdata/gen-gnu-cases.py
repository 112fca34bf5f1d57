# Records what the real GNU tools print for each case into gnu-cases.json (run on a Debian/Ubuntu host:
#   python3 test/programs/coreutils/testdata/gen-gnu-cases.py). Review the diff before committing.
import json, os, subprocess, tempfile, shutil
FILES = {
  'a.txt': 'hello world\nfoo bar\nHello again\n\n\nlast line here\n',
  'b.txt': 'x\ny\n',
  'nums': '10\n9\n-1\nabc\n1.5\n2\n',
  'words': 'b 2\na 10\nc 1\nB 3\na 10\n',
  'csv': 'name:age:city\nann:31:paris\nbob:27:rome\nnodelim\n',
  'dup': 'a\na\nb\nc\nc\nc\nA\n',
  'tabs': 'a\tb\x01c\n\xc3\xa9t\xc3\xa9\n',
  'noeol': 'one\ntwo',
  'sub/deep/f.txt': 'deep hello\n',
  'sub/g.log': 'log line\nhello log\n',
}
CASES = [
  # echo / printf
  ['echo', 'a', 'b'], ['echo', '-n', 'x'], ['echo', '-e', 'a\\tb\\nc'], ['echo', '-e', 'x\\cy'], ['echo', '-E', '-n'], ['echo', '--', 'x'], ['echo', '-ne', 'q\\101'], ['echo', '-x'],
  ['printf', '%s-%s\\n', 'a', 'b', 'c'], ['printf', '%5d|%-5s|%05.1f\\n', '42', 'ab', '3.14159'], ['printf', '%x %o %X %#x\\n', '255', '8', '255', '255'],
  ['printf', '%d\\n', 'x'], ['printf', '%d\\n', '3x'], ['printf', '%c%c\\n', 'hello', 'w'], ['printf', '%b\\n', 'a\\tb\\0101'], ['printf', '%q\\n', 'a b'], ['printf', "%q\\n", "it's"],
  ['printf', '%i %d\\n', '0x1f', "'A"], ['printf', '%e %g %g\\n', '1234.5', '0.0001', '1e10'], ['printf', '%5.1f%%\\n', '99.5'], ['printf', '%z'], ['printf'], ['printf', 'hi\\n', 'extra'],
  ['printf', '%*d|%.3s\\n', '6', '42', 'abcdef'], ['printf', '%u\\n', '-1'], ['printf', '\\101\\x42\\n'],
  # cat
  ['cat', 'a.txt', 'b.txt'], ['cat', '-n', 'a.txt'], ['cat', '-b', 'a.txt'], ['cat', '-s', 'a.txt'], ['cat', '-A', 'tabs'], ['cat', '-E', 'noeol'], ['cat', 'nope'], ['cat', 'sub'], ['cat', '-n', 'noeol', 'b.txt'], ['cat', '-T', 'tabs'],
  # head / tail
  ['head', '-n', '2', 'a.txt'], ['head', '-2', 'a.txt'], ['head', '-c', '7', 'a.txt'], ['head', '-n', '-4', 'a.txt'], ['head', '-n', '1', 'a.txt', 'b.txt'], ['head', '-q', '-n1', 'a.txt', 'b.txt'],
  ['head', 'nope'], ['head', 'sub'], ['head', '-n', 'x', 'a.txt'], ['head', '-n'], ['head', '--lines=1', 'noeol'], ['head', '-c', '-3', 'noeol'],
  ['tail', '-n', '2', 'a.txt'], ['tail', '-n', '+5', 'a.txt'], ['tail', '-c', '4', 'noeol'], ['tail', '-1', 'noeol'], ['tail', '-n', '1', 'a.txt', 'b.txt'], ['tail', 'nope'], ['tail', '-n', 'x', 'a.txt'], ['tail', '-v', 'b.txt'],
  # wc
  ['wc', 'a.txt'], ['wc', '-l', 'a.txt'], ['wc', 'a.txt', 'b.txt'], ['wc', '-c', 'a.txt', 'b.txt'], ['wc', '-w', 'csv'], ['wc', '-L', 'a.txt'], ['wc', '-m', '-c', 'tabs'], ['wc', 'nope', 'b.txt'], ['wc', 'noeol'], ['wc', '--foo'],
  # sort / uniq
  ['sort', 'words'], ['sort', '-r', 'words'], ['sort', '-n', 'nums'], ['sort', '-rn', 'nums'], ['sort', '-u', 'words'], ['sort', '-f', 'words'], ['sort', '-k2', '-n', 'words'], ['sort', '-t:', '-k2,2n', 'csv'],
  ['sort', '-k', 'x', 'words'], ['sort', '-k', '0', 'words'], ['sort', 'nope'], ['sort', '-t', 'ab', 'words'], ['sort', 'a.txt', 'b.txt'],
  ['uniq', 'dup'], ['uniq', '-c', 'dup'], ['uniq', '-d', 'dup'], ['uniq', '-u', 'dup'], ['uniq', '-i', '-c', 'dup'], ['uniq', 'nope'],
  # cut / tr / tac
  ['cut', '-d:', '-f2', 'csv'], ['cut', '-d:', '-f1,3', 'csv'], ['cut', '-d:', '-f2-', '-s', 'csv'], ['cut', '-c2-4', 'csv'], ['cut', '-c', '-3', 'a.txt'], ['cut', 'csv'], ['cut', '-f0', 'csv'], ['cut', '-d', 'ab', '-f1', 'csv'], ['cut', '-f', '3-1', 'csv'],
  ['tac', 'a.txt'], ['tac', 'noeol'], ['tac', 'nope'],
  # seq
  ['seq', '3'], ['seq', '2', '5'], ['seq', '1', '2', '10'], ['seq', '-w', '8', '10'], ['seq', '-s,', '3'], ['seq', '1.5', '3'], ['seq', '5', '1'], ['seq', '3', '-1', '1'], ['seq', '0.1', '0.1', '0.3'], ['seq', '-s', ' ', '-w', '1', '10'],
  ['seq', 'x'], ['seq', '1', '0', '3'], ['seq'], ['seq', '-1', '1'], ['seq', '10', '-3', '1'],
  # grep
  ['grep', 'hello', 'a.txt'], ['grep', '-i', 'hello', 'a.txt'], ['grep', '-n', 'o', 'a.txt'], ['grep', '-c', 'o', 'a.txt', 'b.txt'], ['grep', '-v', 'o', 'a.txt'], ['grep', '-l', 'hello', 'a.txt', 'b.txt', 'sub/g.log'],
  ['grep', '-L', 'hello', 'a.txt', 'b.txt'], ['grep', '-w', 'foo', 'a.txt'], ['grep', '-x', 'x', 'b.txt'], ['grep', '-o', 'l\\+', 'a.txt'], ['grep', '-E', 'fo{2}|again', 'a.txt'], ['grep', 'fo\\{2\\}\\|again', 'a.txt'],
  ['grep', '-A1', 'foo', 'a.txt'], ['grep', '-n', '-B1', 'again', 'a.txt'], ['grep', '-C1', '-n', 'world\\|last', 'a.txt'], ['grep', '-A0', '-i', 'hello', 'a.txt'], ['grep', '-c', '-A3', 'o', 'a.txt'],
  ['grep', '-v', '-A1', 'o', 'a.txt'], ['grep', '-m1', '-A2', 'o', 'a.txt'], ['grep', '-o', '-A1', '-i', 'hello', 'a.txt'], ['grep', '-o', '-A3', '-i', 'hello', 'a.txt'], ['grep', '-C1', 'hello', 'a.txt', 'sub/g.log'],
  ['grep', '--context=1', '-n', 'foo', 'a.txt'], ['grep', '-B', '1', '-A', '0', '-n', 'last', 'a.txt'], ['grep', '-A', 'x', 'o', 'a.txt'], ['grep', '-B', '-1', 'o', 'a.txt'], ['grep', '--after-context=2', '--before-context=1', 'bar', 'a.txt'],
  ['grep', '--color=always', '-n', '-A1', '-i', 'hello', 'a.txt'], ['grep', '--color=always', '-v', '-A1', 'o', 'a.txt'], ['grep', '-l', '-A1', 'foo', 'a.txt'], ['grep', '-A1', '-B1', 'x', 'b.txt'], ['grep', '--color=always', '-v', '-B1', 'world', 'a.txt'], ['grep', '--color=always', '-A0', 'x\\|last', 'b.txt', 'a.txt'],
  ['grep', '-F', 'o.b', 'a.txt'], ['grep', 'o.b', 'a.txt'], ['grep', '-r', 'hello', 'sub'], ['grep', '-rn', 'hello', 'sub'], ['grep', '-h', 'x', 'a.txt', 'b.txt'], ['grep', '-H', 'x', 'b.txt'], ['grep', '-q', 'hello', 'a.txt'], ['grep', 'zzz', 'a.txt'],
  ['grep', 'x', 'nope', 'b.txt'], ['grep', '-s', 'x', 'nope'], ['grep', 'x', 'sub'], ['grep'], ['grep', '-e', 'foo', '-e', 'again', 'a.txt'], ['grep', '^[[:upper:]]', 'a.txt'], ['grep', '-c', '^$', 'a.txt'], ['grep', '\\<hel', 'a.txt'], ['grep', '-m1', 'l', 'a.txt'], ['grep', '-on', 'o', 'a.txt'], ['grep', '[', 'a.txt'],
  # expr / test
  ['expr', '1', '+', '2'], ['expr', '10', '/', '3'], ['expr', '10', '%', '3'], ['expr', '2', '*', '3'], ['expr', '1', '/', '0'], ['expr', 'a', '=', 'a'], ['expr', '3', '>', '2'], ['expr', 'abc', ':', 'a.c'], ['expr', 'abc', ':', '\\(a.\\)'],
  ['expr', 'length', 'abc'], ['expr', 'substr', 'hello', '2', '3'], ['expr', 'index', 'hello', 'l'], ['expr', '1', '+'], ['expr', 'a', '+', '1'], ['expr', '(', '1', '+', '2', ')', '*', '3'], ['expr', '0'], ['expr', ''], ['expr', '5', '-', '7'], ['expr', '1', '|', '0'], ['expr', '0', '&', '1'], ['expr'],
  ['test', 'a', '-eq', '1'], ['test', '1', '2', '3'], ['test', 'a', 'b'], ['test', '-f'], ['test', '(', '1'], ['test', '1', '-lt'], ['test', 'a', '=', 'b', 'c'], ['test', '-x', 'nope'], ['test', '!', '-e', 'nope'], ['test', '-q', 'x'], ['test', '-f', 'a.txt'], ['test', '-d', 'sub', '-a', '-s', 'b.txt'],
  ['test', '2', '-gt', '10'], ['test', 'abc', '<', 'abd'], ['test'], ['test', ''], ['test', '-n', ''], ['test', '-z', ''], ['test', '1', '-eq', '1', '-o', 'a', '=', 'b'],
  ['[', '1', '=', '1', ']'], ['[', '1', '=', '1'], ['[', '-d', 'sub', ']'],
  # paths
  ['basename', '/a/b/'], ['basename', '-a', 'a/b', 'c/d'], ['basename', 'x.c', '.c'], ['basename', '/'], ['basename', '-s', '.c', 'a.c', 'b.c'], ['basename'], ['basename', 'a', 'b', 'c'],
  ['dirname', '/a/b/'], ['dirname', 'a'], ['dirname', '/'], ['dirname', 'a/b', 'c/d'], ['dirname', '//x'], ['dirname'],
  # misc
  ['true', 'x'], ['false'], ['sleep'], ['sleep', 'x'], ['sleep', '1x'], ['nproc'], ['whoami', 'x'], ['env', '-z'], ['env', 'nosuchcmd'], ['tr'], ['tr', 'a'], ['tr', '-d', 'a', 'b'],
  ['mkdir'], ['rm'], ['rmdir'], ['cp'], ['cp', 'a.txt'], ['mv'], ['ln'], ['touch'], ['chmod'], ['chmod', '755'], ['chown'], ['readlink'], ['stat'], ['mktemp', 'XX'], ['tee', '-z'], ['uniq', '-z', 'nope'], ['ls', '-z'], ['ls', '--foo'], ['ls', '--all=x'], ['ls', '--co'],
  ['ls', 'nope'], ['ls', 'a.txt', 'b.txt'], ['ls', '-d', 'sub'], ['ls', 'sub'], ['ls', '-R', 'sub'], ['ls', 'sub', 'a.txt'], ['ls', '-1', '-r'], ['ls', '-F', 'sub'], ['ls', 'nope', 'sub'],
  ['cat', '-z'], ['head', '--lines'], ['date', '-z'], ['id', 'nosuch'], ['cut', '-f'], ['sort', '-k'], ['du', '--foo'], ['xargs', '-z'], ['find', '-z'], ['find', 'nope'], ['find', 'sub'], ['find', 'sub', '-name', '*.log'], ['find', 'sub', '-type', 'd'], ['find', '.', '-maxdepth', '1', '-name', '*.txt'],
  ['find', 'sub', '-name'], ['find', 'sub', '-type', 'f', '-exec', 'echo', 'X', '{}', ';'], ['find', 'sub', '-type', 'f', '-exec', 'echo', '{}', '+'], ['find', 'sub', '-name', 'f*', '-o', '-name', 'g*'], ['find', 'sub', '!', '-type', 'd'], ['find', 'sub', '-mindepth', '2'],
  ['rm', 'nope'], ['rm', '-f', 'nope'], ['rm', 'sub'], ['rmdir', 'nope'], ['rmdir', 'sub'], ['rmdir', 'a.txt'], ['mkdir', 'sub'], ['mkdir', 'a.txt/x'], ['mkdir', '-p', 'a.txt/x'], ['cp', 'nope', 'x'], ['cp', 'sub', 'x'], ['cp', 'a.txt', 'b.txt', 'nodir'], ['cp', 'a.txt', 'a.txt'],
  ['mv', 'nope', 'x'], ['mv', 'a.txt', 'a.txt'], ['ln', '-s', 'a.txt', 'b.txt'], ['touch', 'nope/x'], ['chmod', '777', 'nope'], ['chmod', 'x', 'a.txt'], ['chown', 'nosuch', 'a.txt'], ['stat', 'nope'], ['readlink', 'a.txt'], ['readlink', '-f', 'nope/x'], ['readlink', '-m', '/a/../b/./c'],
  ['du', 'nope'], ['tac', '-z'], ['which'], ['which', 'nosuchprog'], ['printenv', 'NOPE'], ['uname', '-z'], ['uname', 'x'], ['tty', 'x'],
]
STDIN_CASES = [
  (['cat'], 'a\nb\n'), (['cat', '-n', '-', 'b.txt'], 'in\n'), (['wc'], 'hi there\n'), (['wc', '-l'], 'a\nb\n'), (['sort'], 'b\na\nc\n'), (['tr', 'a-z', 'A-Z'], 'hello\n'), (['tr', '-d', 'l'], 'hello\n'), (['tr', '-s', ' a'], 'aaa  bbb\n'),
  (['tr', '-c', 'a-z', '_'], 'hello\n'), (['tr', '[:lower:]', '[:upper:]'], 'hi\n'), (['tr', '-s', '\\n'], 'a\n\n\nb\n'), (['uniq', '-c'], 'a\na\nb\n'), (['head', '-n', '1'], 'one\ntwo\n'), (['tail', '-n', '1'], 'one\ntwo\n'),
  (['grep', 'b'], 'abc\nxyz\n'), (['grep', '-c', 'b', '-'], 'abc\nb\n'), (['cut', '-d', ' ', '-f', '2'], 'a b c\n'), (['xargs'], "a b 'c d'\n"), (['xargs', '-n', '1', 'echo'], 'a b c\n'), (['xargs', '-I{}', 'echo', '[{}]'], 'x\ny\n'),
  (['xargs', 'echo', 'hi'], '\n'), (['xargs', '-r', 'echo', 'hi'], '\n'), (['xargs', 'nosuch'], 'a\n'), (['xargs', 'false'], 'a\n'), (['xargs', '-t', 'echo'], 'a\n'), (['xargs', '-0', 'echo'], 'a b\0c\0'), (['tee'], 'tee me\n'), (['tac'], 'a\nb\n'),
  (['wc', '-c'], 'h\xc3\xa9\n'), (['wc', '-m'], 'h\xc3\xa9\n'), (['sort', '-u'], 'b\na\nb\n'), (['sort', '-n', '-r'], '1\n10\n2\n'),
]
def run(argv, stdin):
    d = tempfile.mkdtemp()
    try:
        for k, v in FILES.items():
            p = os.path.join(d, k); os.makedirs(os.path.dirname(p), exist_ok=True)
            open(p, 'wb').write(v.encode('latin-1') if any(ord(c) > 127 for c in v) else v.encode())
        env = {'PATH': '/usr/bin:/bin', 'HOME': '/home/user'}
        r = subprocess.run(argv, cwd=d, input=(stdin or '').encode('latin-1'), capture_output=True, env=env)
        return r.stdout.decode('utf-8', 'replace'), r.stderr.decode('utf-8', 'replace'), r.returncode
    finally:
        shutil.rmtree(d)
out = []
for c in CASES:
    so, se, rc = run(c, None); out.append({'argv': c, 'stdout': so, 'stderr': se, 'status': rc})
for c, s in STDIN_CASES:
    so, se, rc = run(c, s); out.append({'argv': c, 'stdin': s, 'stdout': so, 'stderr': se, 'status': rc})
json.dump({'files': FILES, 'cases': out}, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gnu-cases.json'), 'w'), indent=1, ensure_ascii=False)
print(len(out))
