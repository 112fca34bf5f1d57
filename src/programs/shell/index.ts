/** The shell binaries: `bash`, and `dash` (Ubuntu's /bin/sh). Busybox's `sh`/`ash` call `runShell` directly. */
import type { Program } from '../../engine/kernel/sys.js';
import { runShell } from './main.js';

export { runShell, type RunShellOptions } from './main.js';
export { parse, Parser, ParseError } from './parser.js';

export const bash: Program = (sys) => runShell(sys, { flavor: 'bash', argv: sys.argv });
export const dash: Program = (sys) => runShell(sys, { flavor: 'dash', argv: sys.argv });

export const shells: Record<string, Program> = { bash, dash };
