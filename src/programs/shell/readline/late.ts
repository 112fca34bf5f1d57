/** Tab completion and Ctrl-R for the line editor (see editor.ts): importing this module provides them. */
import { busyboxColumns, commonPrefix, readlineColumns } from './columns.js';
import { complete, quoteFilename } from './complete.js';
import { LATE_READLINE } from './editor.js';
import { ReverseSearch } from './search.js';

LATE_READLINE.provide({ complete, quoteFilename, ReverseSearch, readlineColumns, busyboxColumns, commonPrefix });
