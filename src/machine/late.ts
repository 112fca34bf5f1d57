/**
 * The code no boot runs before its first prompt, in a chunk of its own: a page fetches it once that prompt is
 * on screen (Machine.boot's `late`), and the machine stands still at its first idle moment after the prompt
 * until it is there (Kernel.holdWhenIdle), so its arrival never shows in the simulation. Importing this module
 * fills every slot the first chunk leaves for it (engine/kernel/late.ts). Node and the tests import machine.ts,
 * which imports this module: their machines never wait.
 *
 * What may move here: code no process runs from boot until the first login shell waits at its prompt and the
 * machine is idle (test/machine/late.test.ts boots without it; `npx tsx scripts/chunk-map.ts --used` shows
 * what ran before the prompt in the browser).
 */
import { markLateCodeLoaded } from '../engine/kernel/late.js';
import * as procFormat from '../engine/fs/procFormat.js';
import { LATE_PROC_FORMAT } from '../engine/fs/procfs.js';
import { service, systemctl } from '../programs/init/systemctl.js';
import { LATE_PROGRAMS } from '../programs/registry.js';
import { expandHistory } from '../programs/shell/histexpand.js';
import { LATE_HISTEXPAND } from '../programs/shell/interactive.js';
import '../programs/shell/arithEval.js';
import '../programs/shell/builtins/late.js';
import '../programs/shell/readline/late.js';
import { LATE_HOST_RECORDS } from '../engine/rootfs/host.js';
import { hostRecords } from '../engine/rootfs/packages/hostRecords.js';

LATE_PROC_FORMAT.provide(procFormat);
LATE_PROGRAMS.provide({ systemctl, service });
LATE_HISTEXPAND.provide(expandHistory);
LATE_HOST_RECORDS.provide(hostRecords);
markLateCodeLoaded();
