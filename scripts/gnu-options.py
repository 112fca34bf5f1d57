#!/usr/bin/env python3
"""Writes src/programs/coreutils/realopts.ts: every option each GNU tool the simulator has really takes. An
option the simulated tool does not model then refuses as "not simulated" instead of GNU's "unrecognized option"
(tool() in common.ts).

The coreutils' options come from coreutils 9.4's source (Ubuntu 24.04's version, the one the simulation is):
each tool's getopt string and its long_options table, in its order, hidden options included (getopt lists an
ambiguous abbreviation's candidates in that order). What the source does not give (grep's, xargs', uname's
letters chosen at run time) comes from --help on this machine (GNU coreutils 9.1, grep 3.8, findutils 4.9).

Usage: python3 scripts/gnu-options.py [COREUTILS_GIT_DIR] > src/programs/coreutils/realopts.ts
  (COREUTILS_GIT_DIR: a clone of github.com/coreutils/coreutils with the v9.4 tag; without it, --help alone)
"""
import re
import subprocess
import sys

TOOLS = [
    'basename', 'cat', 'chmod', 'chown', 'cp', 'cut', 'date', 'df', 'dircolors', 'dirname', 'du', 'env', 'grep',
    'head', 'id', 'ln', 'ls', 'mkdir', 'mktemp', 'mv', 'nproc', 'od', 'printenv', 'pwd', 'readlink', 'realpath',
    'rm', 'rmdir', 'seq', 'sleep', 'sort', 'stat', 'stty', 'sync', 'tac', 'tail', 'tee', 'timeout', 'touch', 'tr',
    'tty', 'uname', 'uniq', 'wc', 'whoami', 'xargs', 'yes',
]

# An option line: at most six spaces, then option forms separated by ", " (or two spaces, as stat's
# "-c  --format=FORMAT"), then the description.
LINE = re.compile(r'^ {1,6}-')
FORM = re.compile(r'(--[a-z0-9][a-z0-9-]*(?:\[=[^\]]*\]|=\S+)?|-[A-Za-z0-9](?:\[[^\]]*\]| [A-Z][A-Z0-9_-]*)?)(?:, |  (?=-)|  |$)')
LONG = re.compile(r'^--([a-z0-9][a-z0-9-]*)(\[=[^\]]*\]|=\S+)?$')
SHORT = re.compile(r'^-([A-Za-z0-9])(\[[^\]]*\]| [A-Z][A-Z0-9_-]*)?$')

# Lines --help shows that are not options, and options it does not show (the source's getopt strings have them).
DROP = {'cut': 'M'}
EXTRA = {'od': 'BDeFHhIiLlOX', 'grep': '0123456789'}
SOURCE_TAG = 'v9.4'
ENTRY = re.compile(r'\{\s*"([a-z0-9-]+)"\s*,\s*(no_argument|required_argument|optional_argument)\s*,\s*[A-Za-z_0-9]+\s*,\s*(\'(.)\'|[A-Za-z_0-9]+)\s*\}')
KINDS = {'no_argument': 'none', 'required_argument': 'required', 'optional_argument': 'optional'}


def source_text(git_dir, tool):
    if not git_dir:
        return None
    r = subprocess.run(['git', '--git-dir', git_dir, 'show', f'{SOURCE_TAG}:src/{tool}.c'], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None


def source_short(git_dir, tool):
    """The getopt string of the tool's getopt_long call at SOURCE_TAG (a literal or a named constant), or ''."""
    text = source_text(git_dir, tool)
    if not text:
        return ''
    g = re.search(r'getopt_long\s*\(\s*argc\s*,\s*argv\s*,\s*((?:"[^"]*"\s*)+|\w+)\s*,', text)
    if not g:
        return ''
    lit = g.group(1)
    if not lit.startswith('"'):
        d = re.search(r'%s\[\]\s*=\s*((?:"[^"]*"\s*)+);' % lit, text) or re.search(r'#define %s\s+((?:"[^"]*"\s*)+)' % lit, text)
        if not d:
            return ''
        lit = d.group(1)
    return re.sub(r'^[+-]', '', ''.join(re.findall(r'"([^"]*)"', lit)))


def merge_short(source, help_short):
    """The source's getopt string, with any letter only --help shows (uname's, chosen at run time) added."""
    out = source
    for m in re.finditer(r'([^:])(:{0,2})', help_short):
        if m.group(1) not in source:
            out += m.group(0)
    return out


def source_longs(git_dir, tool):
    """The tool's long_options in coreutils' source at SOURCE_TAG: [(name, kind, letter or None)], or None."""
    text = source_text(git_dir, tool)
    if not text:
        return None
    m = re.search(r'struct option const \w+\[\] =\s*\{(.*?)\n\s*\};', text, re.S)
    if not m:
        return None
    table = m.group(1).replace('{GETOPT_SELINUX_CONTEXT_OPTION_DECL}', '{"context", optional_argument, nullptr, \'Z\'}')
    out = []
    for e in ENTRY.finditer(table):
        if e.group(1) not in ('help', 'version'):
            out.append((e.group(1), KINDS[e.group(2)], e.group(4)))
    return out
# Letters whose argument --help gives only on the long form: xargs -e and -i take it optional, as --eof/--replace.
OPTIONAL = {'xargs': 'ei'}


def forms_of(line):
    """The option forms at the start of `line`, stopping at the description."""
    out = []
    pos = line.index('-')
    while pos < len(line):
        m = FORM.match(line, pos)
        if not m:
            break
        out.append(m.group(1))
        sep = line[m.end(1):m.end()]
        pos = m.end()
        if sep == '  ' and not line[pos:].startswith('-') or sep == '':
            break
    return out


def options(tool):
    text = subprocess.run([f'/usr/bin/{tool}', '--help'], capture_output=True, text=True, env={'LC_ALL': 'C'}).stdout
    shorts = {}
    longs = {}
    for line in text.split('\n'):
        if not LINE.match(line):
            continue
        kind = None
        letters = []
        names = []
        for f in forms_of(line):
            lm = LONG.match(f)
            sm = SHORT.match(f)
            if lm:
                arg = lm.group(2)
                k = 'none' if not arg else ('optional' if arg.startswith('[') else 'required')
                name = lm.group(1)
                # "--check, --check=diagnose-first": a long shown bare and with a value takes an optional one.
                if name in longs and longs[name][0] != k:
                    k = 'optional'
                longs[name] = (k, longs.get(name, (k, letters))[1])
                names.append(name)
                # "-p, --indicator-style=slash": the letter stands for one value; "--width=COLS": it takes the
                # argument too (mandatory for long options means mandatory for short ones; optional does not).
                if k == 'required' and re.match(r'^=[A-Z\[]', arg) and kind is None:
                    kind = 'required'
            elif sm and sm.group(1) not in DROP.get(tool, ''):
                arg = sm.group(2)
                letters.append(sm.group(1))
                if arg:
                    kind = 'optional' if arg.startswith('[') else 'required'
        for ch in letters:
            shorts.setdefault(ch, 'optional' if ch in OPTIONAL.get(tool, '') else kind or 'none')
    for ch in EXTRA.get(tool, ''):
        shorts.setdefault(ch, 'none')
    longs.pop('help', None)
    longs.pop('version', None)
    short = ''.join(ch + {'none': '', 'required': ':', 'optional': '::'}[k] for ch, k in shorts.items())
    return short, [(name, k, letters[0] if letters else None) for name, (k, letters) in longs.items()]


def main():
    git_dir = sys.argv[1] if len(sys.argv) > 1 else None
    version = subprocess.run(['/usr/bin/ls', '--version'], capture_output=True, text=True).stdout.split('\n')[0]
    version = version.replace('ls (GNU coreutils)', 'GNU coreutils')
    out = [
        '/**',
        ' * The options each GNU tool really takes (generated by scripts/gnu-options.py): the coreutils\' from',
        f' * coreutils {SOURCE_TAG[1:]}\'s getopt strings and long_options tables, in their order; the rest from --help',
        f' * on a host with {version}, grep 3.8 and findutils 4.9. tool() parses with these beside the modelled',
        ' * ones, so an option the simulation lacks refuses as not simulated, and an abbreviation is ambiguous exactly',
        ' * when it is for the real tool (getopt lists the candidates in table order). `short` is a getopt string; a',
        ' * long option gives its letter, if any.',
        ' */',
        "import type { ArgKind } from '../lib/args.js';",
        '',
        'export interface RealOptions {',
        '  readonly short: string;',
        '  readonly long: readonly (readonly [name: string, arg: ArgKind, letter?: string])[];',
        '}',
        '',
        'export const REAL_OPTIONS: Readonly<Record<string, RealOptions>> = {',
    ]
    for tool in TOOLS:
        short, longs = options(tool)
        longs = source_longs(git_dir, tool) or longs
        # chmod's getopt string lists the mode letters (`-w` is a mode): its --help letters are its options.
        if tool != 'chmod':
            short = merge_short(source_short(git_dir, tool), short)
        items = ', '.join(
            f"['{n}', '{k}'{', ' + repr(l).replace(chr(34), chr(39)) if l else ''}]" for n, k, l in longs)
        key = tool if re.match(r'^[a-z]+$', tool) else f"'{tool}'"
        out.append(f"  {key}: {{ short: '{short}', long: [{items}] }},")
    out.append('};')
    sys.stdout.write('\n'.join(out) + '\n')


main()
