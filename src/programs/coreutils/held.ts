/**
 * Text a program holds in memory, kept as runs of repeated chunks: `tail /dev/zero` holds one endless line
 * of NULs, which is one chunk and a count here, while the process is charged (`sys.hold`) for every byte of it.
 */
import { utf8Length } from '../../engine/kernel/utf8.js';

interface Run {
  readonly chunk: string;
  readonly bytes: number;
  count: number;
}

export class HeldText {
  private readonly runs: Run[] = [];
  /** UTF-16 units held (the trimming unit). */
  length = 0;
  /** UTF-8 bytes held (what the process is charged). */
  bytes = 0;

  append(s: string): void {
    if (s === '') return;
    let last = this.runs[this.runs.length - 1];
    if (last?.chunk === s) last.count++;
    else this.runs.push((last = { chunk: s, bytes: utf8Length(s), count: 1 }));
    this.length += s.length;
    this.bytes += last.bytes;
  }

  /** Drops whole chunks from the front while at least `keep` units remain after each drop. */
  trimTo(keep: number): void {
    while (this.runs.length > 0) {
      const first = this.runs[0];
      if (this.length - first.chunk.length < keep) return;
      this.length -= first.chunk.length;
      this.bytes -= first.bytes;
      if (--first.count === 0) this.runs.shift();
    }
  }

  /** The text, chunk by chunk, without ever joining it. */
  *chunks(): Generator<string> {
    for (const r of this.runs) for (let i = 0; i < r.count; i++) yield r.chunk;
  }

  /** The whole text as one string: only for text known to be small. */
  toString(): string {
    return [...this.chunks()].join('');
  }
}
