/**
 * The busybox multi-call binary: runs the applet named by basename(argv[0]), or by argv[1] when called as
 * `busybox`. Applets busybox has but the simulation does not model say so plainly instead of faking output.
 */
import { BUSYBOX_APPLETS } from '../../engine/rootfs/busybox.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { APPLETS, BANNER } from './applets.js';
import { withArgv } from './common.js';
import { showUsage, USAGE } from './usage.js';

const HELP = `${BANNER}
BusyBox is copyrighted by many authors between 1998-2015.
Licensed under GPLv2. See source distribution for detailed
copyright notices.

Usage: busybox [function [arguments]...]
   or: busybox --list[-full]
   or: busybox --show SCRIPT
   or: busybox --install [-s] [DIR]
   or: function [arguments]...

\tBusyBox is a multi-call binary that combines many common Unix
\tutilities into a single executable.  Most people will create a
\tlink to busybox for each function they wish to use and BusyBox
\twill act like whatever it was invoked as.

Currently defined functions:
`;

/** The applet list as busybox wraps it: tab-indented, comma-separated, lines kept under the width. */
export function appletList(width = 80): string {
  let out = '';
  let col = 0;
  for (const a of BUSYBOX_APPLETS) {
    const len = a.length + 2;
    if (col >= width - len) {
      out += ',\n';
      col = 0;
    }
    if (col === 0) {
      out += '\t';
      col = 8;
    } else out += ', ';
    out += a;
    col += len;
  }
  return `${out}\n`;
}

export type ShellRunner = (sys: Sys, opts: { flavor: 'ash'; argv: readonly string[] }) => Promise<number>;

/** The multi-call entry point, given the shell that `sh`/`ash` run (the shell helper's `runShell`). */
export function makeBusybox(runShell: ShellRunner): Program {
  return async (sys) => {
    const argv0 = sys.argv[0] ?? 'busybox';
    let name = argv0.slice(argv0.lastIndexOf('/') + 1).replace(/^-/, '');
    let argv = sys.argv;
    if (name === 'busybox') {
      const first = sys.argv[1];
      if (first === undefined || first === '--help') {
        await sys.write(1, HELP + appletList());
        return 0;
      }
      if (first === '--list') {
        await sys.write(1, `${BUSYBOX_APPLETS.join('\n')}\n`);
        return 0;
      }
      if (first.startsWith('--')) {
        await sys.write(2, `busybox: '${first}' is not simulated in dockersim\n`);
        return 1;
      }
      name = first;
      argv = sys.argv.slice(1);
    }
    if (name === 'sh' || name === 'ash') {
      const login = argv0.startsWith('-');
      return runShell(sys, { flavor: 'ash', argv: login ? [`-${name}`, ...argv.slice(1)] : argv });
    }
    const applet = APPLETS[name] as Program | undefined;
    if (applet) {
      // appletlib's show_usage_if_dash_dash_help: `APPLET --help …` is the usage, exit 0, before the applet runs.
      if (argv[1] === '--help' && USAGE[name] !== undefined) return showUsage(sys, name, 0);
      return applet(argv === sys.argv ? sys : withArgv(sys, argv));
    }
    if (!BUSYBOX_APPLETS.includes(name)) {
      await sys.write(2, `${name}: applet not found\n`);
      return 127;
    }
    await sys.write(2, `busybox: applet '${name}' is not simulated in dockersim\n`);
    return 127;
  };
}
