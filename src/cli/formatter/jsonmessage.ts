/**
 * pkg/jsonmessage as the CLI prints pull progress. Without a terminal only messages without a progress
 * bar are printed, one per line (`2726e237d1a3: Pull complete`). On a terminal each layer keeps its own
 * line, rewritten in place with cursor-up/down and erase-line sequences, with a 50-column bar when the
 * terminal is wider than 110 columns (the time-left estimate needs a `start` in the progress detail).
 */
import type { JSONMessage, MessageStream } from '../client.js';
import type { OutStream } from '../cli.js';
import { humanSize } from '../../pkg/units.js';

/** JSONProgress.String(); '' when there is nothing to show. */
export function progressString(p: NonNullable<JSONMessage['progressDetail']>, width: number, nowMs: number): string {
  const current = p.current ?? 0;
  const total = p.total ?? 0;
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) return humanSize(current).padStart(8);
  let percentage = Math.trunc(Math.trunc((current / total) * 100) / 2);
  if (percentage > 50) percentage = 50;
  let bar = '';
  if (width > 110) bar = `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] `;
  let numbers = `${humanSize(current).padStart(8)}/${humanSize(total)}`;
  if (current > total) numbers = humanSize(current).padStart(8);
  let left = '';
  if (current > 0 && p.start && p.start > 0 && percentage < 50 && width > 50) {
    const fromStartNs = (nowMs - p.start * 1000) * 1e6;
    const perEntry = Math.trunc(fromStartNs / current);
    const leftSec = Math.trunc(((total - current) * perEntry) / 1e9);
    left = ' ' + goDurationSeconds(leftSec);
  }
  return bar + numbers + left;
}

/** time.Duration.String() of whole seconds: `0s`, `45s`, `1m30s`, `2h0m5s`. */
function goDurationSeconds(s: number): string {
  if (s <= 0) return '0s';
  const h = Math.trunc(s / 3600);
  const m = Math.trunc((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h${m}m${sec}s`;
  if (m > 0) return `${m}m${sec}s`;
  return `${sec}s`;
}

function hasProgress(jm: JSONMessage): boolean {
  return jm.progressDetail !== undefined && jm.progressDetail !== null;
}

function display(jm: JSONMessage, isTerminal: boolean, width: number, nowMs: number): string | null {
  const prog = hasProgress(jm) ? progressString(jm.progressDetail!, width, nowMs) : '';
  let out = '';
  let endl = '';
  if (isTerminal && !jm.stream && hasProgress(jm)) {
    out += '\x1b[2K\r';
    endl = '\r';
  } else if (hasProgress(jm) && prog !== '') {
    return null; // no progress bars without a terminal
  }
  if (jm.id) out += `${jm.id}: `;
  if (jm.from) out += `(from ${jm.from}) `;
  if (hasProgress(jm) && isTerminal) out += `${jm.status ?? ''} ${prog}${endl}`;
  else if (jm.progress) out += `${jm.status ?? ''} ${jm.progress}${endl}`;
  else if (jm.stream) out += `${jm.stream}${endl}`;
  else out += `${jm.status ?? ''}${endl}\n`;
  return out;
}

/** jsonmessage.JSONError: a stream's error message and its code (the legacy builder exits with it). */
export class JSONError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
    this.name = 'JSONError';
  }
}

export interface DisplayOptions {
  /** jsonstream.WithAuxCallback: each `aux` (the build's image ID). */
  readonly onAux?: (aux: unknown) => void;
  /** Errors come back as JSONError with errorDetail's code (docker build), not as a plain Error (pull). */
  readonly errorCode?: boolean;
}

/** DisplayJSONMessagesToStream; a message carrying an error stops the display with that error. */
export async function displayJSONMessages(stream: MessageStream, out: OutStream, nowMs: () => number, opts: DisplayOptions = {}): Promise<void> {
  const isTerminal = out.isTerminal();
  const width = out.ttySize().width;
  let ids = new Map<string, number>();
  try {
    for (;;) {
      const jm = await stream.nextMessage();
      if (jm === null) return;
      if (jm.errorDetail || jm.error) {
        if (opts.errorCode) throw new JSONError(jm.errorDetail?.message ?? jm.error ?? '', jm.errorDetail?.code ?? 0);
        if (jm.errorDetail?.code === 401) throw new Error('authentication is required');
        throw new Error(jm.errorDetail?.message ?? jm.error ?? '');
      }
      if (jm.aux !== undefined) {
        opts.onAux?.(jm.aux);
        continue;
      }
      let diff = 0;
      let text = '';
      if (jm.id && (hasProgress(jm) || jm.progress)) {
        let line = ids.get(jm.id);
        if (line === undefined) {
          line = ids.size;
          ids.set(jm.id, line);
          if (isTerminal) text += '\n';
        }
        diff = ids.size - line;
        if (isTerminal && diff > 0) text += `\x1b[${diff}A`;
      } else {
        ids = new Map();
      }
      const shown = display(jm, isTerminal, width, nowMs());
      if (shown !== null) text += shown;
      if (jm.id && isTerminal && diff > 0) text += `\x1b[${diff}B`;
      if (text) await out.write(text);
    }
  } finally {
    stream.close();
  }
}
