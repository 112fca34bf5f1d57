/**
 * A container's log, with the json-file driver's behaviour kept in memory: one entry per line, each with its
 * stream and the nanosecond time it was logged. The real json-file driver is unbounded unless `max-size` is set;
 * here the buffer is bounded (1 MiB of line text per container by default, oldest entries dropped) because it
 * lives in a browser tab. Reads cost O(log n + k) for k entries returned, plus a scan of the writes they arrived
 * in: `--tail 10` of a million lines never scans the rest.
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
 * lines per write, and an object per line would make memory and garbage collection grow with the line count.
 * Lines become LogEntry objects only when read or followed. Each line ends with `\n`, except a partial entry, which is a
 * chunk of its own.
 *
 * A chunk's lines are counted, and its UTF-8 bytes measured, only when something looks at the log (`size`,
 * `length`, a read): a flood pushes a gigabyte of text through a 1 MiB log, and scanning all of it as it
 * arrived was most of the flood's cost, for chunks dropped unread. Until then a write only drops the chunks
 * that are certainly out (the newer text alone is at least maxBytes characters, so at least that many bytes);
 * the exact cut waits for the next look, and lands where it would have (each write keeps the longest suffix
 * of lines that fits, so cutting after several writes keeps the same suffix as cutting after each).
 */
interface Chunk {
  readonly stream: LogStream;
  readonly timeNs: bigint;
  readonly text: string;
  /** UTF-8 bytes of `text` (equal to text.length when it is ASCII), or -1 until measured. */
  size: number;
  /** Lines in `text`, or -1 until counted. */
  lines: number;
}

/** Where a line starts: a chunk and a character offset in its text. */
interface Position {
  readonly chunk: number;
  readonly at: number;
}

export class LogBuffer {
  /** Live chunks are `chunks[head..]`; the dead prefix is compacted away once it is half the array. */
  private chunks: Chunk[] = [];
  private head = 0;
  /** Where the oldest live line starts in `chunks[head].text`; bytes of that chunk dropped. */
  private firstOffset = 0;
  private firstDropped = 0;
  /** Live lines of the head chunk, or -1 until counted. */
  private headLines = -1;
  /** Lines of the chunks after the head and before `countedTo` (the rest are not summed yet). */
  private counted = 0;
  private countedTo = 1;
  /** Bytes of the live chunks before `sizedTo` (the measured ones); characters of all the live text. */
  private bytes = 0;
  private sizedTo = 0;
  private units = 0;
  private lastNs = 0n;
  private readonly pending: Record<LogStream, string> = { stdout: '', stderr: '' };
  /** Made at the first `docker logs -f`: most containers' logs are never followed. */
  private followers: Set<LogFollower> | null = null;
  private readonly maxBytes: number;

  constructor(private readonly opts: LogBufferOptions) {
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  }

  get length(): number {
    this.settle();
    if (this.head >= this.chunks.length) return 0;
    if (this.headLines < 0) this.headLines = countLines(this.chunks[this.head].text, this.firstOffset);
    for (; this.countedTo < this.chunks.length; this.countedTo++) this.counted += this.linesOf(this.countedTo);
    return this.headLines + this.counted;
  }

  /** Bytes of line text held (UTF-8), never above maxBytes unless a single entry is larger. */
  get size(): number {
    this.settle();
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
    if (!this.followers) return;
    const fs = [...this.followers];
    this.followers.clear();
    for (const f of fs) f.onClose?.();
  }

  read(o: ReadLogsOptions = {}): LogEntry[] {
    this.settle();
    const out: LogEntry[] = [];
    if (this.head >= this.chunks.length) return out;
    let from: Position = { chunk: this.head, at: this.firstOffset };
    if (o.tail !== undefined && o.tail >= 0) from = later(from, this.lastLines(o.tail));
    if (o.sinceNs !== undefined) from = later(from, { chunk: this.firstAtOrAfter(o.sinceNs), at: 0 });
    const hi = o.untilNs === undefined ? this.chunks.length : this.firstAtOrAfter(o.untilNs + 1n);
    const stdout = o.stdout ?? true;
    const stderr = o.stderr ?? true;
    for (let ci = from.chunk; ci < hi; ci++) {
      const c = this.chunks[ci];
      if (!(c.stream === 'stdout' ? stdout : stderr)) continue;
      for (let at = ci === from.chunk ? from.at : 0; at < c.text.length; ) {
        const nl = lineEnd(c.text, at);
        out.push({ stream: c.stream, line: c.text.slice(at, nl), timeNs: c.timeNs });
        at = nl;
      }
    }
    return out;
  }

  /** New entries are delivered as they are written, until disposed or the log is closed. */
  follow(follower: LogFollower): Disposable {
    const followers = (this.followers ??= new Set());
    followers.add(follower);
    return { dispose: () => followers.delete(follower) };
  }

  private append(stream: LogStream, text: string, now: bigint): void {
    const timeNs = now > this.lastNs ? now : this.lastNs; // kept sorted for the binary searches
    this.lastNs = timeNs;
    const c: Chunk = { stream, timeNs, text, size: -1, lines: -1 };
    this.chunks.push(c);
    this.units += text.length;
    // A short write is measured at once when nothing before it waits: it costs no more now than later, and a
    // log of many small writes then needs no catching up at its next look (`docker logs --tail`).
    if (text.length <= EAGER_MEASURE_CHARS && this.sizedTo === this.chunks.length - 1) {
      c.size = bytesOf(text);
      this.bytes += c.size;
      this.sizedTo++;
    }
    this.trim();
    const followers = this.followers;
    if (!followers || followers.size === 0) return;
    for (let at = 0; at < text.length; ) {
      const nl = lineEnd(text, at);
      const entry: LogEntry = { stream, line: text.slice(at, nl), timeNs };
      at = nl;
      for (const f of [...followers]) f.onEntry(entry);
    }
  }

  /** Drops the head chunks that the newer text alone (in characters, so at most its bytes) pushes out. */
  private trim(): void {
    while (this.head < this.chunks.length - 1) {
      const c = this.chunks[this.head];
      const rest = c.text.length - this.firstOffset;
      if (this.units - rest < this.maxBytes) break;
      this.units -= rest;
      if (this.head < this.sizedTo) this.bytes -= c.size - this.firstDropped;
      this.dropChunk();
    }
    this.compact();
  }

  /** Measures the unmeasured chunks, then drops the oldest lines until the text fits, keeping the newest. */
  private settle(): void {
    for (; this.sizedTo < this.chunks.length; this.sizedTo++) {
      const c = this.chunks[this.sizedTo];
      c.size = bytesOf(c.text);
      this.bytes += c.size;
    }
    while (this.bytes > this.maxBytes) {
      const c = this.chunks[this.head];
      const rest = c.size - this.firstDropped;
      const last = this.head === this.chunks.length - 1;
      // Dropping the chunk's lines one by one would still end over the limit: drop them together.
      if (!last && this.bytes - rest >= this.maxBytes) {
        this.bytes -= rest;
        this.units -= c.text.length - this.firstOffset;
        this.dropChunk();
        continue;
      }
      // Some of the head chunk's lines go: up to the line holding the excess's last byte (at once when each
      // character is a byte), never the newest line of the log.
      let end = c.size === c.text.length ? lineEnd(c.text, this.firstOffset + this.bytes - this.maxBytes - 1) : lineEnd(c.text, this.firstOffset);
      if (last && end === c.text.length) end = c.text.lastIndexOf('\n', c.text.length - 2) + 1;
      if (end <= this.firstOffset) break;
      const size = c.size === c.text.length ? end - this.firstOffset : utf8Length(c.text, this.firstOffset, end);
      this.bytes -= size;
      this.units -= end - this.firstOffset;
      this.firstDropped += size;
      this.firstOffset = end;
      this.headLines = -1;
      if (end === c.text.length) this.dropChunk();
    }
    this.compact();
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.countedTo -= this.head;
      this.sizedTo -= this.head;
      this.head = 0;
    }
  }

  private dropChunk(): void {
    this.head++;
    this.sizedTo = Math.max(this.sizedTo, this.head);
    this.firstOffset = 0;
    this.firstDropped = 0;
    this.headLines = -1;
    // The new head's lines leave the running sum: the head's live lines are counted on their own.
    if (this.countedTo > this.head) this.counted -= this.linesOf(this.head);
    else this.countedTo = this.head + 1;
  }

  private linesOf(ci: number): number {
    const c = this.chunks[ci];
    if (c.lines < 0) c.lines = countLines(c.text, 0);
    return c.lines;
  }

  /** Where the last `n` live lines start: counted back from the end, chunk by chunk. */
  private lastLines(n: number): Position {
    for (let ci = this.chunks.length - 1; ci >= this.head; ci--) {
      const c = this.chunks[ci];
      const from = ci === this.head ? this.firstOffset : 0;
      const lines = ci === this.head ? countLines(c.text, from) : this.linesOf(ci);
      if (lines < n) {
        n -= lines;
        continue;
      }
      let at = from;
      for (let skip = lines - n; skip > 0; skip--) at = lineEnd(c.text, at);
      return { chunk: ci, at };
    }
    return { chunk: this.head, at: this.firstOffset };
  }

  /** The first live chunk with timeNs >= t (the end if none): lines of one chunk share their time. */
  private firstAtOrAfter(t: bigint): number {
    let lo = this.head;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.chunks[mid].timeNs < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const NON_ASCII = /[^\x00-\x7f]/;
function bytesOf(text: string): number {
  return NON_ASCII.test(text) ? utf8Length(text) : text.length;
}

/** Writes up to this many characters are measured as they come (see append). */
const EAGER_MEASURE_CHARS = 1024;

function later(a: Position, b: Position): Position {
  return b.chunk > a.chunk || (b.chunk === a.chunk && b.at > a.at) ? b : a;
}

/** Lines of `text` from `at`: its newlines, or one for a partial entry. */
function countLines(text: string, at: number): number {
  let n = 0;
  for (let i = at; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n || (at < text.length ? 1 : 0);
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
