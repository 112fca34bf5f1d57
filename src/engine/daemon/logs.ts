/**
 * A container's log, with the json-file driver's behaviour kept in memory: one entry per line, each with its
 * stream and the nanosecond time it was logged. The real json-file driver is unbounded unless `max-size` is set;
 * here the buffer is bounded (1 MiB of line text per container by default, oldest entries dropped) because it
 * lives in a browser tab. Reads cost O(log n + k) for k entries returned: `--tail 10` of a million lines never
 * scans the rest.
 *
 * Partial lines follow moby's log copier (daemon/logger/copier.go): a write without a newline is held per
 * stream until the newline arrives, or until 16 KiB have piled up, which are then logged as a partial entry
 * with no newline; close() flushes what is left the same way. An entry's time is when its line completed.
 */
import type { Disposable } from '../kernel/tty.js';
import { formatRFC3339NanoFixed } from './timefmt.js';

export type LogStream = 'stdout' | 'stderr';

export interface LogEntry {
  readonly stream: LogStream;
  /** The text with its trailing `\n`, except for a partial entry. */
  readonly line: string;
  readonly timeNs: bigint;
}

export interface LogBufferOptions {
  /** Wall-clock epoch nanoseconds (the kernel clock's epochNs). */
  readonly now: () => bigint;
  readonly maxBytes?: number;
}

export interface ReadLogsOptions {
  /** Last N lines (of both streams, before stream filtering, as json-file does); negative or absent = all. */
  readonly tail?: number;
  /** Inclusive bounds, epoch nanoseconds. */
  readonly sinceNs?: bigint;
  readonly untilNs?: bigint;
  readonly stdout?: boolean;
  readonly stderr?: boolean;
}

export interface LogFollower {
  onEntry(entry: LogEntry): void;
  /** The log was closed (the container stopped): `docker logs -f` ends here. */
  onClose?(): void;
}

export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024;
/** moby's copier buffer: a longer line is logged in pieces of this size. */
export const MAX_PARTIAL_LINE = 16 * 1024;

export class LogBuffer {
  /** Live entries are `entries[head..]`; the dead prefix is compacted away once it is half the array. */
  private entries: LogEntry[] = [];
  private head = 0;
  private bytes = 0;
  private lastNs = 0n;
  private readonly pending: Record<LogStream, string> = { stdout: '', stderr: '' };
  private readonly followers = new Set<LogFollower>();
  private readonly maxBytes: number;

  constructor(private readonly opts: LogBufferOptions) {
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  }

  get length(): number {
    return this.entries.length - this.head;
  }

  /** Bytes of line text held (UTF-8), never above maxBytes unless a single entry is larger. */
  get size(): number {
    return this.bytes;
  }

  write(stream: LogStream, text: string): void {
    if (text === '') return;
    let buf = this.pending[stream] + text;
    let start = 0;
    // The lines of one write are copied together, as moby's copier does with one read: one timestamp.
    const now = this.opts.now();
    for (;;) {
      const nl = buf.indexOf('\n', start);
      if (nl < 0) break;
      this.append(stream, buf.slice(start, nl + 1), now);
      start = nl + 1;
    }
    buf = start === 0 ? buf : buf.slice(start);
    while (buf.length >= MAX_PARTIAL_LINE) {
      this.append(stream, buf.slice(0, MAX_PARTIAL_LINE), now);
      buf = buf.slice(MAX_PARTIAL_LINE);
    }
    this.pending[stream] = buf;
  }

  /** The streams closed (the container stopped): flush held partial lines, end every follower. */
  close(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.pending[stream] !== '') this.append(stream, this.pending[stream]);
      this.pending[stream] = '';
    }
    const fs = [...this.followers];
    this.followers.clear();
    for (const f of fs) f.onClose?.();
  }

  read(o: ReadLogsOptions = {}): LogEntry[] {
    const end = this.entries.length;
    let lo = this.head;
    if (o.tail !== undefined && o.tail >= 0) lo = Math.max(lo, end - o.tail);
    if (o.sinceNs !== undefined) lo = Math.max(lo, this.firstAtOrAfter(o.sinceNs));
    const hi = o.untilNs === undefined ? end : this.firstAtOrAfter(o.untilNs + 1n);
    const out: LogEntry[] = [];
    const stdout = o.stdout ?? true;
    const stderr = o.stderr ?? true;
    for (let i = lo; i < hi; i++) {
      const e = this.entries[i];
      if (e.stream === 'stdout' ? stdout : stderr) out.push(e);
    }
    return out;
  }

  /** New entries are delivered as they are written, until disposed or the log is closed. */
  follow(follower: LogFollower): Disposable {
    this.followers.add(follower);
    return { dispose: () => this.followers.delete(follower) };
  }

  private append(stream: LogStream, line: string, now: bigint = this.opts.now()): void {
    const timeNs = now > this.lastNs ? now : this.lastNs; // kept sorted for the binary searches
    this.lastNs = timeNs;
    const entry: LogEntry = { stream, line, timeNs };
    this.entries.push(entry);
    this.bytes += utf8Length(line);
    while (this.bytes > this.maxBytes && this.entries.length - this.head > 1) {
      this.bytes -= utf8Length(this.entries[this.head].line);
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    for (const f of [...this.followers]) f.onEntry(entry);
  }

  /** Index of the first live entry with timeNs >= t (entries.length if none). */
  private firstAtOrAfter(t: bigint): number {
    let lo = this.head;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid].timeNs < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** `docker logs -t`: RFC3339 with exactly nine fractional digits, then a space, then the line. */
export function formatLogEntry(entry: LogEntry, timestamps: boolean): string {
  return timestamps ? `${formatRFC3339NanoFixed(entry.timeNs)} ${entry.line}` : entry.line;
}

function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else n += 2;
  }
  return n;
}
