/**
 * A selected container's details: its process tree (host PID beside namespace PID, as `docker top` and `ps`
 * inside it would show them), `docker diff`, the tail of its log, and `docker inspect`, all read through the
 * daemon's read model. Each part is bounded, so a container with 10,000 processes or a huge upper layer still
 * costs a fixed amount per snapshot.
 */
import { processCommand, type ContainerProcess, type ContainerRecord, type DaemonQuery } from '../../../engine/daemon/query.js';
import type { ChangeView, JsonValue, ListView, LogLineView, ProcessView } from './types.js';

export const MAX_PROCESSES = 200;
export const MAX_CHANGES = 300;
/** A glance, laid out in full without a scroll box of its own: `docker logs` has the rest. */
export const LOG_TAIL = 20;
/** Longer log lines are cut: the panel is a glance, `docker logs` has the rest. */
export const MAX_LOG_LINE = 500;

/** `docker top`'s processes as a tree, each under its parent (the container's PID 1 at the root). */
export function processTree(query: DaemonQuery, c: ContainerRecord, max = MAX_PROCESSES): ListView<ProcessView> {
  if (!c.State.Running) return { items: [], omitted: 0 };
  // As docker top lists them: the model's threads (an nginx worker's accept loop) are no processes of their own.
  const live = query.processes(c.ID).filter((p) => !p.thread);
  const byPid = new Map(live.map((p) => [p.hostPid, p]));
  const children = new Map<ContainerProcess | null, ContainerProcess[]>();
  for (const p of live) {
    const parent = byPid.get(p.hostPpid) ?? null;
    const list = children.get(parent) ?? [];
    list.push(p);
    children.set(parent, list);
  }
  const items: ProcessView[] = [];
  const visit = (p: ContainerProcess, depth: number): void => {
    if (items.length >= max) return;
    items.push({ hostPid: p.hostPid, nsPid: p.pid, nsPpid: p.ppid, depth, command: processCommand(p), user: p.uid });
    for (const child of children.get(p) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return { items, omitted: live.length - items.length };
}

/** `docker diff`, in the daemon's order (overlay changes of the writable layer). */
export function containerDiff(query: DaemonQuery, c: ContainerRecord, max = MAX_CHANGES): ListView<ChangeView> {
  const all = query.changes(c.ID);
  return { items: all.slice(0, max).map((ch) => ({ kind: ch.kind, path: ch.path })), omitted: Math.max(0, all.length - max) };
}

/** An escape sequence: OSC (to BEL or ST, or cut off at the line's end), CSI, or a two-byte ESC sequence. */
const ESCAPE = /\x1b(?:\][^\x07\x1b]*(?:\x07|\x1b\\)?|\[([0-?]*)[ -/]*([@-~])|[ -/]*[0-~])?/y;

/**
 * One line of a container's output as a terminal leaves it, as plain text: escape sequences are not shown
 * (a window title, colours), `\r` goes back to the start of the line and what follows overwrites it, a
 * backspace steps back, a tab moves to the next multiple of 8, and erase-to-end and the cursor moves along
 * the line act as they do on screen. Other control characters show nothing. For output that moves between
 * lines (a TTY container's), see renderTerminalText.
 */
export function plainLogText(line: string, max = MAX_LOG_LINE): string {
  const text = line.replace(/\r?\n$/, '');
  const cells: string[] = [];
  let x = 0;
  const put = (ch: string): void => {
    while (cells.length < x) cells.push(' ');
    cells[x++] = ch;
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp === 0x1b) {
      ESCAPE.lastIndex = i;
      const m = ESCAPE.exec(text)!;
      i += m[0].length;
      const n = Math.max(1, Number(m[1]?.split(';')[0] || 1));
      switch (m[2]) {
        case 'K': // erase in line: 0 (default) to the end; 2 the whole line; 1 up to the cursor
          if ((m[1] ?? '') === '' || m[1] === '0') cells.length = Math.min(cells.length, x);
          else if (m[1] === '2') cells.length = 0;
          else for (let j = 0; j <= x && j < cells.length; j++) cells[j] = ' ';
          break;
        case 'C':
          x += n;
          break;
        case 'D':
          x = Math.max(0, x - n);
          break;
        case 'G':
          x = n - 1;
          break;
        case 'P': // delete characters at the cursor
          cells.splice(x, n);
          break;
        case '@': // insert blanks at the cursor
          if (x < cells.length) cells.splice(x, 0, ...Array<string>(n).fill(' '));
          break;
      }
      continue;
    }
    i += ch.length;
    if (cp === 0x0d) x = 0;
    else if (cp === 0x08) x = Math.max(0, x - 1);
    else if (cp === 0x09) x = (Math.floor(x / 8) + 1) * 8;
    else if (cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0)) put(ch);
  }
  const out = cells.join('').trimEnd();
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

/**
 * The last `n` log lines. Keys come from each line's log time (plus its rank among lines logged at the same
 * virtual nanosecond), so they stay put as the tail moves and React only adds the new rows.
 */
export function logTail(query: DaemonQuery, c: ContainerRecord, n = LOG_TAIL): ListView<LogLineView> {
  const { entries, total } = query.logs(c.ID, n);
  let lastNs = -1n;
  let rank = 0;
  const items = entries.map((e): LogLineView => {
    rank = e.timeNs === lastNs ? rank + 1 : 0;
    lastNs = e.timeNs;
    return { key: `${e.timeNs}.${rank}`, stream: e.stream, text: plainLogText(e.line) };
  });
  return { items, omitted: total - entries.length };
}

/** A TTY container's log tail, as raw terminal output, with what it takes to render it (renderTerminalText). */
export interface TtyTail {
  /** The tail's lines as logged, escape sequences and all. */
  readonly raw: string;
  /** The size of the container's terminal (what its programs laid their output out for). */
  readonly cols: number;
  readonly rows: number;
  /** Log lines before the tail. */
  readonly omitted: number;
  /** Changes whenever the tail does. */
  readonly key: string;
}

export function ttyTail(query: DaemonQuery, c: ContainerRecord, n = LOG_TAIL): TtyTail {
  const { entries, total } = query.logs(c.ID, n);
  const raw = entries.map((e) => e.line).join('');
  const size = query.ttySize(c.ID);
  const [consoleRows, consoleCols] = c.HostConfig.ConsoleSize;
  const cols = size?.cols ?? (consoleCols || 80);
  const rows = size?.rows ?? (consoleRows || 24);
  const last = entries[entries.length - 1];
  const omitted = total - entries.length;
  return { raw, cols, rows, omitted, key: `${total}.${last?.timeNs ?? 0}.${last?.line.length ?? 0}.${cols}x${rows}` };
}

/** The rendered screen lines of a TTY tail, as the panel's log lines (the last `n`). */
export function ttyLogLines(tail: TtyTail, lines: readonly string[], n = LOG_TAIL): ListView<LogLineView> {
  const shown = lines.slice(-n);
  const first = tail.omitted + lines.length - shown.length;
  return {
    items: shown.map((text, i) => ({ key: `tty.${first + i}`, stream: 'stdout', text: text.length > MAX_LOG_LINE ? `${text.slice(0, MAX_LOG_LINE)}…` : text })),
    omitted: tail.omitted + lines.length - shown.length,
  };
}

export function containerInspect(query: DaemonQuery, c: ContainerRecord): JsonValue {
  return query.inspect(c.ID) as JsonValue;
}

export function imageInspect(query: DaemonQuery, imageId: string): JsonValue | undefined {
  return query.imageInspect(imageId) as JsonValue | undefined;
}
