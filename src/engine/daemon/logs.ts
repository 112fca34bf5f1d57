/**
 * A container's log, with the json-file driver's behaviour kept in memory: one entry per line, each with its
 * stream and the nanosecond time it was logged. The real json-file driver is unbounded unless `max-size` is set;
 * here the buffer is bounded (1 MiB of line text per container by default, oldest entries dropped) because it
 * lives in a browser tab. Reads cost O(log n + k) for k entries returned, plus a scan of the one write the first
 * of them arrived in: `--tail 10` of a million lines never scans the rest.
 *
 * Partial lines follow moby's log copier (daemon/logger/copier.go): a write without a newline is held per
 * stream until the newline arrives, or until 16 KiB have piled up, which are then logged as a partial entry
 * with no newline; close() flushes what is left the same way. An entry's time is when its line completed.
 */
import type { Disposable } from '../../pkg/disposable.js';
import { formatRFC3339NanoFixed } from '../../pkg/timetypes.js';

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

/**
 * The lines of one copied write, kept as the one string they arrived in: a flood (`yes`) logs thousands of
 * lines per write, and one object per line made the tab's memory and garbage collection grow with the line
 * count (20 flooding containers held ten million objects and the collector stalled the page). Lines become
 * LogEntry objects only when read or followed. Each line ends with `\n`, except a partial entry, which is a
 * chunk of its own.
 */
interface Chunk {
  readonly stream: LogStream;
  readonly timeNs: bigint;
  readonly text: string;
  /** Index (counted since the log began) of the chunk's first line. */
  readonly first: number;
  /** UTF-8 bytes of `text`. */
  readonly size: number;
}

export class LogBuffer {
  /** Live chunks are `chunks[head..]`; the dead prefix is compacted away once it is half the array. */
  private chunks: Chunk[] = [];
  private head = 0;
  /** Index of the oldest live line; where it starts in `chunks[head].text`; bytes of that chunk dropped. */
  private firstLive = 0;
  private firstOffset = 0;
  private firstDropped = 0;
  /** Index the next line gets. */
  private next = 0;
  private bytes = 0;
  private lastNs = 0n;
  private readonly pending: Record<LogStream, string> = { stdout: '', stderr: '' };
  private readonly followers = new Set<LogFollower>();
  private readonly maxBytes: number;

  constructor(private readonly opts: LogBufferOptions) {
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  }

  get length(): number {
    return this.next - this.firstLive;
  }

  /** Bytes of line text held (UTF-8), never above maxBytes unless a single entry is larger. */
  get size(): number {
    return this.bytes;
  }

  write(stream: LogStream, text: string): void {
    if (text === '') return;
    let buf = this.pending[stream] + text;
    // The lines of one write are copied together, as moby's copier does with one read: one timestamp.
    const now = this.opts.now();
    const end = buf.lastIndexOf('\n') + 1;
    if (end > 0) {
      this.append(stream, buf.slice(0, end), now);
      buf = buf.slice(end);
    }
    while (buf.length >= MAX_PARTIAL_LINE) {
      this.append(stream, buf.slice(0, MAX_PARTIAL_LINE), now);
      buf = buf.slice(MAX_PARTIAL_LINE);
    }
    this.pending[stream] = buf;
  }

  /** The streams closed (the container stopped): flush held partial lines, end every follower. */
  close(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.pending[stream] !== '') this.append(stream, this.pending[stream], this.opts.now());
      this.pending[stream] = '';
    }
    const fs = [...this.followers];
    this.followers.clear();
    for (const f of fs) f.onClose?.();
  }

  read(o: ReadLogsOptions = {}): LogEntry[] {
    const end = this.next;
    let lo = this.firstLive;
    if (o.tail !== undefined && o.tail >= 0) lo = Math.max(lo, end - o.tail);
    if (o.sinceNs !== undefined) lo = Math.max(lo, this.firstAtOrAfter(o.sinceNs));
    const hi = o.untilNs === undefined ? end : this.firstAtOrAfter(o.untilNs + 1n);
    const out: LogEntry[] = [];
    if (lo >= hi) return out;
    const stdout = o.stdout ?? true;
    const stderr = o.stderr ?? true;
    for (let ci = this.chunkOf(lo); ci < this.chunks.length; ci++) {
      const c = this.chunks[ci];
      if (c.first >= hi) break;
      if (!(c.stream === 'stdout' ? stdout : stderr)) continue;
      const last = Math.min(this.lineCount(ci), hi - c.first);
      let at = 0;
      for (let i = 0; i < last; i++) {
        const nl = lineEnd(c.text, at);
        if (c.first + i >= lo) out.push({ stream: c.stream, line: c.text.slice(at, nl), timeNs: c.timeNs });
        at = nl;
      }
    }
    return out;
  }

  /** New entries are delivered as they are written, until disposed or the log is closed. */
  follow(follower: LogFollower): Disposable {
    this.followers.add(follower);
    return { dispose: () => this.followers.delete(follower) };
  }

  private append(stream: LogStream, text: string, now: bigint): void {
    const timeNs = now > this.lastNs ? now : this.lastNs; // kept sorted for the binary searches
    this.lastNs = timeNs;
    let count = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    count ||= 1; // a partial entry
    const size = utf8Length(text);
    this.chunks.push({ stream, timeNs, text, first: this.next, size });
    this.next += count;
    this.bytes += size;
    this.evict();
    if (this.followers.size === 0) return;
    let at = 0;
    for (let i = 0; i < count; i++) {
      const nl = lineEnd(text, at);
      const entry: LogEntry = { stream, line: text.slice(at, nl), timeNs };
      at = nl;
      for (const f of [...this.followers]) f.onEntry(entry);
    }
  }

  /** Drops the oldest lines until the text fits, keeping at least the newest line. */
  private evict(): void {
    while (this.bytes > this.maxBytes && this.length > 1) {
      const c = this.chunks[this.head];
      const rest = c.size - this.firstDropped;
      // Dropping the chunk's lines one by one would still end over the limit: drop them together.
      if (this.head < this.chunks.length - 1 && this.bytes - rest >= this.maxBytes) {
        this.bytes -= rest;
        this.dropChunk();
        continue;
      }
      const nl = lineEnd(c.text, this.firstOffset);
      const size = utf8Length(c.text, this.firstOffset, nl);
      this.bytes -= size;
      this.firstDropped += size;
      this.firstLive++;
      this.firstOffset = nl;
      if (nl === c.text.length) this.dropChunk();
    }
    if (this.head > 1024 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
  }

  private dropChunk(): void {
    this.head++;
    this.firstLive = this.head < this.chunks.length ? this.chunks[this.head].first : this.next;
    this.firstOffset = 0;
    this.firstDropped = 0;
  }

  private lineCount(ci: number): number {
    return (ci + 1 < this.chunks.length ? this.chunks[ci + 1].first : this.next) - this.chunks[ci].first;
  }

  /** The live chunk holding line `index` (a live line). */
  private chunkOf(index: number): number {
    let lo = this.head;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.chunks[mid].first <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Index of the first live line with timeNs >= t (the end if none): lines of one chunk share their time. */
  private firstAtOrAfter(t: bigint): number {
    let lo = this.head;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.chunks[mid].timeNs < t) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.chunks.length ? this.next : Math.max(this.firstLive, this.chunks[lo].first);
  }
}

/** Where the line starting at `at` ends: after its `\n`, or at the end of a partial entry. */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** `docker logs -t`: RFC3339 with exactly nine fractional digits, then a space, then the line. */
export function formatLogEntry(entry: LogEntry, timestamps: boolean): string {
  return timestamps ? `${formatRFC3339NanoFixed(entry.timeNs)} ${entry.line}` : entry.line;
}

/** UTF-8 bytes of `s.slice(from, to)`. */
function utf8Length(s: string, from = 0, to = s.length): number {
  let n = to - from;
  for (let i = from; i < to; i++) {
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
