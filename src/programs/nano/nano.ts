/**
 * `nano`: GNU nano as Ubuntu ships it (7.2 on 24.04, 6.2 on 22.04; the binary's name says which build it
 * is). `-V`, `-h` and one FILE with an optional `+LINE[,COLUMN]` are modelled; every other option nano has
 * is refused in one line, and an option nano lacks gets nano's own getopt error.
 */
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { Nano } from './editor.js';

const USAGE = String.raw`Usage: nano [OPTIONS] [[+LINE[,COLUMN]] FILE]...

To place the cursor on a specific line of a file, put the line number with
a '+' before the filename.  The column number can be added after a comma.
When a filename is '-', nano reads data from standard input.

 Option         Long option             Meaning
 -A             --smarthome             Enable smart home key
 -B             --backup                Save backups of existing files
 -C <dir>       --backupdir=<dir>       Directory for saving unique backup files
 -D             --boldtext              Use bold instead of reverse video text
 -E             --tabstospaces          Convert typed tabs to spaces
 -F             --multibuffer           Read a file into a new buffer by default
 -G             --locking               Use (vim-style) lock files
 -H             --historylog            Save & reload old search/replace strings
 -I             --ignorercfiles         Don't look at nanorc files
 -J <number>    --guidestripe=<number>  Show a guiding bar at this column
 -K             --rawsequences          Fix numeric keypad key confusion problem
 -L             --nonewlines            Don't add an automatic newline
 -M             --trimblanks            Trim tail spaces when hard-wrapping
 -N             --noconvert             Don't convert files from DOS/Mac format
 -O             --bookstyle             Leading whitespace means new paragraph
 -P             --positionlog           Save & restore position of the cursor
 -Q <regex>     --quotestr=<regex>      Regular expression to match quoting
 -R             --restricted            Restrict access to the filesystem
 -S             --softwrap              Display overlong lines on multiple rows
 -T <number>    --tabsize=<number>      Make a tab this number of columns wide
 -U             --quickblank            Wipe status bar upon next keystroke
 -V             --version               Print version information and exit
 -W             --wordbounds            Detect word boundaries more accurately
 -X <string>    --wordchars=<string>    Which other characters are word parts
 -Y <name>      --syntax=<name>         Syntax definition to use for coloring
 -Z             --zap                   Let Bsp and Del erase a marked region
 -a             --atblanks              When soft-wrapping, do it at whitespace
 -b             --breaklonglines        Automatically hard-wrap overlong lines
 -c             --constantshow          Constantly show cursor position
 -d             --rebinddelete          Fix Backspace/Delete confusion problem
 -e             --emptyline             Keep the line below the title bar empty
 -f <file>      --rcfile=<file>         Use only this file for configuring nano
 -g             --showcursor            Show cursor in file browser & help text
 -h             --help                  Show this help text and exit
 -i             --autoindent            Automatically indent new lines
 -j             --jumpyscrolling        Scroll per half-screen, not per line
 -k             --cutfromcursor         Cut from cursor to end of line
 -l             --linenumbers           Show line numbers in front of the text
 -m             --mouse                 Enable the use of the mouse
 -n             --noread                Do not read the file (only write it)
 -o <dir>       --operatingdir=<dir>    Set operating directory
 -p             --preserve              Preserve XON (^Q) and XOFF (^S) keys
 -q             --indicator             Show a position+portion indicator
 -r <number>    --fill=<number>         Set width for hard-wrap and justify
 -s <program>   --speller=<program>     Use this alternative spell checker
 -t             --saveonexit            Save changes on exit, don't prompt
 -u             --unix                  Save a file by default in Unix format
 -v             --view                  View mode (read-only)
 -w             --nowrap                Don't hard-wrap long lines [default]
 -x             --nohelp                Don't show the two help lines
 -y             --afterends             Make Ctrl+Right stop at word ends
 -%             --stateflags            Show some states on the title bar
 -_             --minibar               Show a feedback bar at the bottom
 -0             --zero                  Hide all bars, use whole terminal
`;

/** Short option letter → long name, for every option nano 7.2 takes (its --help). */
const OPTIONS = new Map<string, string>(
  [...USAGE.matchAll(/^ -(\S)\s+(?:<\S+>\s+)?--([a-z]+)/gm)].map((m) => [m[1], m[2]]),
);

const COPYRIGHT: Readonly<Record<string, string>> = { '7.2': '2023', '6.2': '2022' };

function version(v: string): string {
  return ` GNU nano, version ${v}\n (C) ${COPYRIGHT[v]} the Free Software Foundation and various contributors\n Compiled options: --disable-libmagic --enable-utf8\n`;
}

async function fail(sys: Sys, line: string): Promise<number> {
  await sys.write(2, `${line}\nType 'nano -h' for a list of available options.\n`);
  return 1;
}

export function makeNano(v: string): Program {
  return async (sys) => {
    const files: string[] = [];
    let line: string | null = null;
    const args = sys.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--') {
        files.push(...args.slice(i + 1));
        break;
      }
      if (a.startsWith('--')) {
        const name = a.slice(2).split('=')[0];
        if (name === 'version') return sys.write(1, version(v)).then(() => 0);
        if (name === 'help') return usage(sys, v);
        const letter = [...OPTIONS].find(([, long]) => long === name)?.[0];
        if (letter === undefined) return fail(sys, `nano: unrecognized option '${a}'`);
        await sys.write(2, `dockersim: nano ${a} is not simulated\n`);
        return 1;
      }
      if (a.startsWith('+') && a.length > 1) {
        line = a.slice(1);
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j];
          if (c === 'V') return sys.write(1, version(v)).then(() => 0);
          if (c === 'h') return usage(sys, v);
          if (!OPTIONS.has(c)) return fail(sys, `nano: invalid option -- '${c}'`);
          await sys.write(2, `dockersim: nano -${c} (--${OPTIONS.get(c)}) is not simulated\n`);
          return 1;
        }
        continue;
      }
      files.push(a);
    }
    if (files.length > 1) {
      await sys.write(2, 'dockersim: nano opens one file at a time here\n');
      return 1;
    }
    if (files[0] === '-') {
      await sys.write(2, "dockersim: nano's reading from standard input is not simulated\n");
      return 1;
    }
    if (!sys.isatty(0)) {
      await sys.write(2, 'Standard input is not a terminal\n');
      return 1;
    }
    const nano = new Nano(sys, v, files[0] ?? '');
    return nano.run(line);
  };
}

async function usage(sys: Sys, v: string): Promise<number> {
  if (v !== '7.2') {
    await sys.write(2, `dockersim: nano ${v}'s --help is not simulated (nano -V gives its version)\n`);
    return 1;
  }
  await sys.write(1, USAGE);
  return 0;
}
