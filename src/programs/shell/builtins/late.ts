/** The builtins no login runs before its first prompt (see index.ts): importing this module provides them. */
import { declare, letBuiltin, local, readonly } from './declare.js';
import { getopts } from './getopts.js';
import { LATE_BUILTINS } from './index.js';
import { bg, fg, jobs, kill, trap, wait } from './jobs.js';
import { printfBuiltin } from './printf.js';
import { read } from './read.js';
import { ulimit } from './ulimit.js';

LATE_BUILTINS.provide({ wait, jobs, fg, bg, kill, trap, printf: printfBuiltin, getopts, ulimit, local, declare, readonly, let: letBuiltin, read });
