/**
 * BuildKit's progress display as buildx v0.24 vendors it (moby/buildkit util/progress/progressui v0.22:
 * display.go's trace and ttyDisplay, printer.go's textMux), fed the StatusResponses the daemon sends as
 * `moby.buildkit.trace`. Times are the messages' timestamps; "now" (a running step's timer, the header's
 * total) is the caller's clock, the kernel's virtual one, so a replay draws the same frames. Differences from
 * Go kept on purpose: Go iterates maps in random order where the printer picks among equals; here it is the
 * order vertices first appeared. Progress groups (not sent by the simulated daemon) are not modelled.
 */
import { nameString as utf8 } from '../../../../pkg/archive/names.js';
import type { StatusResponse, Timestamp, VertexWarning } from '../../../../pkg/buildkit/status.js';

/** Nanoseconds from the display's epoch (its first timestamp's second): exact in a double for ~100 days. */
type Ns = number;

interface Interval {
  readonly start: Ns | null;
  readonly stop: Ns | null;
}

interface Status {
  id: string;
  current: number;
  total: number;
  timestamp: Ns;
  started: Ns | null;
  completed: Ns | null;
}

interface Vtx {
  digest: string;
  name: string;
  cached: boolean;
  error: string;
  started: Ns | null;
  completed: Ns | null;
  known: boolean; // a Vertex message has named it (statuses may precede it: never counted then)
  prev: { name: string; started: Ns | null; completed: Ns | null; cached: boolean; error: string } | null;
  statuses: Status[];
  byId: Map<string, Status>;
  index: number;
  logs: string[];
  logsPartial: boolean;
  logsOffset: number;
  logsBuffer: Array<string | undefined>; // the printer's ring of the last 10 lines
  ringPos: number;
  events: string[];
  lastBlockTime: Ns | null;
  count: number;
  statusUpdates: Set<string>;
  warnings: VertexWarning[];
  warningIdx: number;
  intervals: Map<string, Interval>;
  merged: Interval[];
  term: Term | null;
}

export type DisplayMode = 'tty' | 'plain' | 'quiet';

export interface DisplayOptions {
  readonly mode: DisplayMode;
  /** The terminal's size (tty), read at each frame. */
  readonly size?: () => { width: number; height: number };
  /** The caller's clock, in milliseconds since the Unix epoch. */
  readonly now: () => number;
  /** `building with "default" instance using docker driver` (plain) and `docker:default` (tty). */
  readonly textDesc?: string;
  readonly consoleDesc?: string;
  readonly env?: (name: string) => string | undefined;
}

const LOGS_BUFFER = 10;
const ANTI_FLICKER = 5e9;
const MAX_DELAY = 10e9;
const MIN_TIME_DELTA = 5e9;
const MIN_PROGRESS_DELTA = 0.05;
const TERM_PAD = 10;
const TERM_HEIGHT_MIN = 6;

/** Go's strconv 'f' formatting: correctly rounded, ties to even (JS toFixed rounds ties away from zero). */
export function goFixed(x: number, prec: number): string {
  const exact = Math.abs(x).toFixed(100);
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 1 + prec);
  let s = x.toFixed(prec);
  if (/^50*$/.test(tail)) {
    const digits = exact.slice(0, dot) + exact.slice(dot + 1, dot + 1 + prec);
    const last = Number(digits[digits.length - 1]);
    if (last % 2 === 0) {
      // toFixed rounded away from zero; even wants the truncated value.
      const trunc = prec === 0 ? exact.slice(0, dot) : `${exact.slice(0, dot)}.${exact.slice(dot + 1, dot + 1 + prec)}`;
      s = (x < 0 ? '-' : '') + trunc;
    }
  }
  return s;
}

/** tonistiigi/units Bytes with `%.2f`: whole bytes below 1 kB (`217B`), else two decimals and a unit (`1.05MB`). */
export function unitsBytes(n: number): string {
  const names = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let i = 0;
  let base = 1;
  while (n >= base * 1000 && i < names.length - 1) {
    base *= 1000;
    i++;
  }
  if (i === 0) return `${Math.trunc(n)}B`;
  // big.Float's %.2f: exact value, ties to even.
  const num = BigInt(Math.trunc(n)) * 100n;
  const den = BigInt(base);
  let q = num / den;
  const r2 = (num - q * den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  const whole = q / 100n;
  const frac = (q % 100n).toString().padStart(2, '0');
  return `${whole}.${frac}${names[i]}`;
}

/**
 * tonistiigi/vt100 as progressui uses it for a running step's last output lines: a screen of `height` rows
 * and `width` columns that RUN output scrolls through (LF starts a new row, CR returns to its start,
 * long lines wrap).
 */
class Term {
  rows: string[] = [''];
  col = 0;
  constructor(public height: number, public width: number) {}

  write(text: string): void {
    for (const ch of text) {
      if (ch === '\n') {
        this.rows.push('');
        this.col = 0;
      } else if (ch === '\r') {
        this.col = 0;
      } else if (ch === '\t') {
        const next = Math.min(this.width, (Math.floor(this.col / 8) + 1) * 8);
        while (this.col < next) this.put(' ');
      } else if (ch >= ' ') {
        this.put(ch);
      }
    }
    if (this.rows.length > 1000) this.rows = this.rows.slice(-this.height);
  }

  private put(ch: string): void {
    if (this.col >= this.width) {
      this.rows.push('');
      this.col = 0;
    }
    const i = this.rows.length - 1;
    const row = this.rows[i].padEnd(this.col, ' ');
    this.rows[i] = row.slice(0, this.col) + ch + row.slice(this.col + 1);
    this.col++;
  }

  /** The screen: the last `height` rows, each padded to the width. */
  content(): string[] {
    const shown = this.rows.slice(-this.height);
    while (shown.length < this.height) shown.push('');
    return shown.map((r) => r.padEnd(this.width, ' ').slice(0, this.width));
  }

  usedHeight(): number {
    return Math.min(this.height, this.rows.length);
  }
}

function mergeIntervals(list: readonly Interval[]): Interval[] {
  const ivals = list.filter((i) => i.start !== null).sort((a, b) => a.start! - b.start!);
  if (ivals.length === 0) return [];
  const merged: Interval[] = [];
  let cur = ivals[0];
  for (let i = 1; i < ivals.length; i++) {
    const next = ivals[i];
    if (cur.stop === null) {
      merged.push(cur);
      return merged;
    }
    if (cur.stop < next.start!) {
      merged.push(cur);
      cur = next;
      continue;
    }
    if (next.stop === null) {
      merged.push({ start: cur.start, stop: null });
      return merged;
    }
    if (cur.stop >= next.stop) continue;
    cur = { start: cur.start, stop: next.stop };
  }
  merged.push(cur);
  return merged;
}

interface Job {
  intervals: Interval[];
  isCompleted: boolean;
  name: string;
  status: string;
  hasError: boolean;
  isCanceled: boolean;
  vertex: Vtx | null;
  showTerm: boolean;
}

const CANCELED = 'context canceled';

/** What progressui draws from: every vertex by digest, in the order each started. */
export class Trace {
  private epoch: number | null = null;
  startTime: Ns | null = null;
  localTimeDiff: Ns = 0;
  readonly vertexes: Vtx[] = [];
  readonly byDigest = new Map<string, Vtx>();
  readonly updates = new Set<string>();

  constructor(private readonly console: boolean, private readonly nowNs: () => Ns) {}

  /** A message timestamp on the display's time line. */
  ts(t: Timestamp | undefined): Ns | null {
    if (!t) return null;
    this.epoch ??= t.seconds;
    return (t.seconds - this.epoch) * 1e9 + t.nanos;
  }

  /** The caller's clock (ms since the Unix epoch) on the same line. */
  clock(ms: number): Ns {
    const sec = Math.floor(ms / 1000);
    this.epoch ??= sec;
    return (sec - this.epoch) * 1e9 + Math.round((ms - sec * 1000) * 1e6);
  }

  private newVertex(digest: string, termWidth: number): Vtx {
    return {
      digest, name: '', cached: false, error: '', started: null, completed: null, known: false, prev: null,
      statuses: [], byId: new Map(), index: 0, logs: [], logsPartial: false, logsOffset: 0, logsBuffer: [], ringPos: 0,
      events: [], lastBlockTime: null, count: 0, statusUpdates: new Set(), warnings: [], warningIdx: 0,
      intervals: new Map(), merged: [],
      term: this.console ? new Term(TERM_HEIGHT_MIN, Math.max(1, termWidth - TERM_PAD)) : null,
    };
  }

  private bump(v: Vtx, c: number): void {
    if (v.count === 0) v.lastBlockTime = this.nowNs();
    v.count += c;
  }

  update(s: StatusResponse, termWidth: number): void {
    for (const m of s.vertexes) {
      const started = this.ts(m.started);
      const completed = this.ts(m.completed);
      if (this.startTime === null) this.startTime = started;
      let v = this.byDigest.get(m.digest);
      const wasStarted = v !== undefined && v.merged.length > 0;
      const isNew = v === undefined;
      if (!v) {
        v = this.newVertex(m.digest, termWidth);
        this.byDigest.set(m.digest, v);
      }
      // triggerVertexEvent
      if (started !== null) {
        const old = v.prev;
        const changed = old === null || m.name !== old.name || started !== old.started ||
          (completed !== null && completed !== old.completed) || m.cached !== old.cached || m.error !== old.error;
        if (changed) {
          this.bump(v, 1);
          this.updates.add(m.digest);
        }
        v.prev = { name: m.name, started, completed, cached: m.cached, error: m.error };
      }
      if (started !== null && (isNew || !wasStarted)) {
        if (this.localTimeDiff === 0) this.localTimeDiff = this.nowNs() - started;
        this.vertexes.push(v);
      }
      if (isNew || !wasStarted || started !== null) {
        v.name = m.name;
        v.cached = m.cached;
        v.error = m.error;
        v.started = started;
        v.completed = completed;
        v.known = true;
      }
      if (started !== null) {
        v.intervals.set(String(started), { start: started, stop: completed });
        v.merged = mergeIntervals([...v.intervals.values()]);
      }
    }
    for (const st of s.statuses) {
      const v = this.byDigest.get(st.vertex);
      if (!v) continue;
      const prev = v.byId.get(st.id);
      const next: Status = {
        id: st.id, current: st.current, total: st.total, timestamp: this.ts(st.timestamp) ?? 0,
        started: this.ts(st.started), completed: this.ts(st.completed),
      };
      if (!prev) v.byId.set(st.id, next);
      const cur = v.byId.get(st.id)!;
      if (next.started !== null && (prev === undefined || prev.started === null)) v.statuses.push(cur);
      Object.assign(cur, next);
      v.statusUpdates.add(st.id);
      this.updates.add(v.digest);
      this.bump(v, 1);
    }
    for (const w of s.warnings) {
      const v = this.byDigest.get(w.vertex);
      if (!v) continue;
      v.warnings.push(w);
      this.bump(v, 1);
    }
    for (const l of s.logs) {
      const v = this.byDigest.get(l.vertex);
      if (!v) continue;
      const text = utf8(l.msg);
      if (v.term) {
        if (v.term.width !== termWidth - TERM_PAD) v.term.width = Math.max(1, termWidth - TERM_PAD);
        v.term.write(text);
      }
      termBytes.set(v, (termBytes.get(v) ?? 0) + l.msg.length);
      if (text.length === 0) {
        v.logsPartial = true;
      } else {
        const parts = text.split('\n');
        const complete = parts[parts.length - 1] === '';
        if (complete) parts.pop();
        parts.forEach((dt, i) => {
          if (v.logsPartial && v.logs.length !== 0 && i === 0) {
            v.logs[v.logs.length - 1] += dt;
          } else {
            const start = v.merged.length > 0 ? v.merged[v.merged.length - 1].start! : null;
            const sec = start === null ? 0 : ((this.ts(l.timestamp) ?? 0) - start) / 1e9;
            const prec = sec < 10 ? 3 : sec < 100 ? 2 : 1;
            v.logs.push(`${goFixed(sec, prec)} ${dt}`);
          }
        });
        v.logsPartial = !complete;
      }
      this.updates.add(v.digest);
      this.bump(v, 1);
    }
  }

  /** The `------` block of each failed step's output, after the last frame. */
  errorLogs(): string {
    let out = '';
    for (const v of this.vertexes) {
      if (v.error === '' || v.error.endsWith(CANCELED)) continue;
      out += `------\n > ${v.name}:\n`;
      for (const l of v.logs) out += `${l}\n`;
      for (let k = 0; k < LOGS_BUFFER && v.logsBuffer.length > 0; k++) {
        const l = v.logsBuffer[(v.ringPos + k) % LOGS_BUFFER];
        if (l !== undefined) out += `${l}\n`;
      }
      out += '------\n';
    }
    return out;
  }

  displayInfo(): { startTime: Ns; jobs: Job[]; countTotal: number; countCompleted: number } {
    const startTime = this.startTime !== null ? this.startTime + this.localTimeDiff : this.nowNs();
    let countTotal = 0;
    let countCompleted = 0;
    for (const v of this.byDigest.values()) {
      countTotal++;
      if (isCompleted(v)) countCompleted++;
    }
    const add = (t: Ns | null): Ns | null => (t === null ? null : t + this.localTimeDiff);
    const jobs: Job[] = [];
    for (const v of this.vertexes) {
      const j: Job = {
        intervals: [], isCompleted: true, name: v.name.replace(/\t/g, ' '), status: '', hasError: false,
        isCanceled: false, vertex: v, showTerm: false,
      };
      for (const iv of v.intervals.values()) {
        j.intervals.push({ start: add(iv.start), stop: add(iv.stop) });
        if (iv.stop === null) j.isCompleted = false;
      }
      j.intervals = mergeIntervals(j.intervals);
      if (v.error !== '') {
        if (v.error.endsWith(CANCELED)) {
          j.isCanceled = true;
          j.name = 'CANCELED ' + j.name;
        } else {
          j.hasError = true;
          j.name = 'ERROR ' + j.name;
        }
      }
      if (v.cached) j.name = 'CACHED ' + j.name;
      jobs.push(j);
      for (const s of v.statuses) {
        jobs.push({
          intervals: [{ start: add(s.started), stop: add(s.completed) }], isCompleted: s.completed !== null,
          name: '=> ' + s.id,
          status: s.total !== 0 ? `${unitsBytes(s.current)} / ${unitsBytes(s.total)}` : s.current !== 0 ? unitsBytes(s.current) : '',
          hasError: false, isCanceled: false, vertex: null, showTerm: false,
        });
      }
      for (const w of v.warnings) {
        const iv = v.merged.length > 0 ? v.merged[v.merged.length - 1] : { start: null, stop: null };
        jobs.push({
          intervals: [{ start: add(iv.start), stop: add(iv.stop) }], isCompleted: false,
          name: 'WARN: ' + utf8(w.short), status: '', hasError: false, isCanceled: true, vertex: null, showTerm: false,
        });
      }
    }
    return { startTime, jobs, countTotal, countCompleted };
  }
}

// How many bytes of output each vertex's terminal has had (setupTerminals ranks running steps by it).
const termBytes = new WeakMap<Vtx, number>();
const termCount = new WeakMap<Vtx, number>();

function isCompleted(v: Vtx): boolean {
  return v.merged.length > 0 && v.merged[v.merged.length - 1].stop !== null;
}

function isStarted(v: Vtx): boolean {
  return v.merged.length > 0;
}

/** printer.go's textMux: `#N name`, statuses, logs with their offsets, `#N DONE 1.2s`. */
class TextMux {
  private current = '';
  private readonly last = new Map<string, { current: number; timestamp: Ns }>();
  private notFirst = false;
  private nextIndex = 0;
  out = '';

  constructor(private readonly desc: string, private readonly noTrunc: boolean, private readonly nowNs: () => Ns) {}

  private printVtx(t: Trace, dgst: string): void {
    const v = t.byDigest.get(dgst);
    if (!v) return;
    if (v.index === 0) v.index = ++this.nextIndex;
    if (dgst !== this.current) {
      if (this.current !== '') {
        const old = t.byDigest.get(this.current)!;
        if (old.logsPartial) this.out += '\n';
        old.logsOffset = 0;
        old.count = 0;
        this.out += `#${old.index} ...\n`;
      }
      if (this.notFirst) this.out += '\n';
      else {
        if (this.desc !== '') this.out += `#0 ${this.desc}\n\n`;
        this.notFirst = true;
      }
      this.out += `#${v.index} ${this.noTrunc || v.name.length <= 72 ? v.name : v.name.slice(0, 72) + '...'}\n`;
    }
    if (v.events.length !== 0) v.logsOffset = 0;
    for (const ev of v.events) this.out += `#${v.index} ${ev}\n`;
    v.events = [];

    let isOpenStatus = false;
    for (const s of v.statuses) {
      if (!v.statusUpdates.has(s.id)) continue;
      const last = this.last.get(s.id);
      if (last && s.completed === null) {
        const progressDelta = s.total > 0 ? (s.current - last.current) / s.total : 0;
        if (progressDelta < MIN_PROGRESS_DELTA && s.timestamp - last.timestamp < MIN_TIME_DELTA) continue;
      }
      this.last.set(s.id, { timestamp: s.timestamp, current: s.current });
      let bytes = '';
      if (s.total !== 0) bytes = ` ${unitsBytes(s.current)} / ${unitsBytes(s.total)}`;
      else if (s.current !== 0) bytes = ` ${unitsBytes(s.current)}`;
      let tm = '';
      const end = s.completed ?? s.timestamp;
      if (s.started !== null) {
        const diff = (end - s.started) / 1e9;
        if (diff > 0.01) tm = ` ${goFixed(diff, 1)}s`;
      }
      if (s.completed !== null) tm += ' done';
      else isOpenStatus = true;
      this.out += `#${v.index} ${s.id}${bytes}${tm}\n`;
    }
    v.statusUpdates = new Set();

    for (const w of v.warnings.slice(v.warningIdx)) {
      this.out += `#${v.index} WARN: ${utf8(w.short)}\n`;
      v.warningIdx++;
    }

    v.logs.forEach((l0, i) => {
      let l = l0;
      if (i === 0 && v.logsOffset !== 0) {
        l = l.slice(v.logsOffset);
        this.out += l;
      } else {
        this.out += `#${v.index} ${l}`;
      }
      if (i !== v.logs.length - 1 || !v.logsPartial) this.out += '\n';
      // container/ring of 10: a batch ending in a partial line overwrites one slot (printer.go does the same)
      v.logsBuffer[v.ringPos] = l;
      if (!v.logsPartial) v.ringPos = (v.ringPos + 1) % LOGS_BUFFER;
    });
    if (v.logs.length > 0) {
      if (v.logsPartial) {
        v.logs = v.logs.slice(-1);
        v.logsOffset = v.logs[0].length;
      } else {
        v.logs = [];
        v.logsOffset = 0;
      }
    }

    this.current = dgst;
    if (isCompleted(v) && !isOpenStatus) {
      this.current = '';
      v.count = 0;
      if (v.logsPartial) this.out += '\n';
      if (v.error !== '') {
        this.out += v.error.endsWith(CANCELED) ? `#${v.index} CANCELED\n` : `#${v.index} ERROR: ${v.error}\n`;
      } else if (v.cached) {
        this.out += `#${v.index} CACHED\n`;
      } else {
        const ivals = mergeIntervals([...v.intervals.values()]);
        let tm = '';
        if (ivals.length > 0) {
          const dt = ivals.reduce((sum, iv) => sum + ((iv.stop ?? this.nowNs()) - iv.start!), 0) / 1e9;
          tm = ` ${goFixed(dt, 1)}s`;
        }
        this.out += `#${v.index} DONE${tm}\n`;
      }
    }
    t.updates.delete(dgst);
  }

  print(t: Trace): void {
    const completed: string[] = [];
    const rest: string[] = [];
    for (const dgst of t.updates) {
      const v = t.byDigest.get(dgst);
      if (!v) continue;
      (isCompleted(v) ? completed : rest).push(dgst);
    }
    const current = this.current;
    if (completed.includes(current)) this.printVtx(t, current);
    const stop = (d: string): Ns => t.byDigest.get(d)!.merged.at(-1)!.stop!;
    for (const dgst of [...completed].sort((a, b) => stop(a) - stop(b))) {
      if (dgst !== current) this.printVtx(t, dgst);
    }
    if (rest.length === 0) {
      if (current !== '') {
        const v = t.byDigest.get(current)!;
        if (isStarted(v) && !isCompleted(v)) return;
      }
      for (const [dgst, v] of t.byDigest) {
        if (isStarted(v) && !isCompleted(v)) {
          this.printVtx(t, dgst);
          return;
        }
      }
      return;
    }
    if (rest.includes(current)) this.printVtx(t, current);
    const now = this.nowNs();
    const stats = new Map<string, { blockTime: Ns; speed: number; share: number; overLimit: boolean }>();
    let sum = 0;
    let max = '';
    if (current !== '' && !rest.includes(current)) rest.push(current);
    for (const dgst of rest) {
      const v = t.byDigest.get(dgst);
      if (!v || v.lastBlockTime === null) continue;
      const tm = now - v.lastBlockTime;
      const speed = v.count / (tm / 1e9);
      const overLimit = tm > MAX_DELAY && dgst !== current;
      stats.set(dgst, { blockTime: tm, speed, share: 0, overLimit });
      sum += speed;
      if (overLimit || max === '' || stats.get(max)!.speed < speed) max = dgst;
    }
    for (const s of stats.values()) s.share = s.speed / sum;
    if (completed.includes(current) || current === '') {
      if (max !== '') this.printVtx(t, max);
      return;
    }
    for (const dgst of rest) {
      if (stats.get(dgst)?.overLimit) {
        this.printVtx(t, dgst);
        return;
      }
    }
    const cur = stats.get(current);
    if (cur && (1 / (1 - cur.share)) * (ANTI_FLICKER / 1e9) < cur.blockTime / 1e9) {
      this.printVtx(t, max);
    }
  }
}


const ESC = '\x1b[';
interface Colors { run: string; cancel: string; error: string }

function align(l: string, r: string, w: number): string {
  return l.padEnd(w - r.length - 1, ' ') + ' ' + r;
}

/** display.go's ttyDisplay: a header and one row per job, redrawn over the previous frame. */
class TtyDisplay {
  private lineCount = 0;
  private repeated = false;

  constructor(private readonly desc: string, private readonly colors: Colors | null, private readonly nowNs: () => Ns) {}

  print(d: ReturnType<Trace['displayInfo']>, width: number, height: number, all: boolean): string {
    const jobs = setupTerminals(d.jobs, height, all);
    let out = `${ESC}1A`.repeat(this.lineCount + 1);
    if (!this.repeated) out += `${ESC}1B`;
    this.repeated = true;
    out += `${ESC}0G${ESC}?25l`;
    const statusStr = d.countCompleted > 0 && d.countCompleted === d.countTotal && all ? 'FINISHED' : '';
    const now = this.nowNs();
    let head = `[+] Building ${goFixed((now - d.startTime) / 1e9, 1)}s (${d.countCompleted}/${d.countTotal}) ${statusStr}`;
    head = this.desc !== '' ? align(head, this.desc, width - 1) : align(head, '', width);
    if (head.length > width) head = head.slice(0, width);
    out += head + '\n';
    let lineCount = 0;
    for (const j of jobs) {
      if (j.intervals.length === 0) continue;
      let dt = 0;
      for (const iv of j.intervals) {
        if (iv.start === null) continue;
        dt += ((iv.stop ?? now) - iv.start) / 1e9;
      }
      if (dt < 0.05) dt = 0;
      const pfx = ' => ';
      const timer = ` ${goFixed(dt, 1).padStart(3, ' ')}s\n`;
      let left = width - pfx.length - timer.length - 1;
      let showStatus = false;
      if (j.status !== '' && left + j.status.length > 20) {
        showStatus = true;
        left -= j.status.length + 1;
      }
      if (left < 12) continue;
      let row = pfx + (j.name.length > left ? j.name.slice(0, left) : j.name);
      if (showStatus) row += ' ' + j.status;
      row = align(row, timer, width);
      if (j.isCompleted && this.colors) {
        const c = j.isCanceled ? this.colors.cancel : j.hasError ? this.colors.error : this.colors.run;
        row = c + row + `${ESC}0m`;
      }
      out += row;
      lineCount++;
      if (j.showTerm && j.vertex?.term) {
        const term = j.vertex.term;
        term.height = termHeightFor(height);
        term.width = Math.max(1, width - TERM_PAD);
        for (const l of term.content()) {
          if (l.trim() !== '') {
            out += `${ESC}2m => => # ${l}\n${ESC}0m`;
            lineCount++;
          }
        }
        termCount.set(j.vertex, (termCount.get(j.vertex) ?? 0) + 1);
        j.showTerm = false;
      }
    }
    const diff = this.lineCount - lineCount;
    if (diff > 0) {
      out += `${' '.repeat(width)}\n`.repeat(diff);
      out += `${ESC}${diff}A${ESC}0G`;
    }
    this.lineCount = lineCount;
    return out + `${ESC}?25h`;
  }
}

function termHeightFor(height: number): number {
  return Math.max(TERM_HEIGHT_MIN, Math.min(TERM_HEIGHT_MIN, height - TERM_HEIGHT_MIN - 1));
}

function setupTerminals(jobs: Job[], height: number, all: boolean): Job[] {
  const candidates: Job[] = [];
  let numInUse = 0;
  for (const j of jobs) {
    if (j.vertex && (termBytes.get(j.vertex) ?? 0) > 0 && !j.isCompleted) candidates.push(j);
    if (!j.isCompleted) numInUse++;
  }
  const weight = (j: Job): number => (termBytes.get(j.vertex!) ?? 0) + (termCount.get(j.vertex!) ?? 0) * 50;
  candidates.sort((a, b) => weight(b) - weight(a));
  let numFree = height - 2 - numInUse;
  let numToHide = 0;
  const termLimit = termHeightFor(height) + 3;
  for (let i = 0; numFree > termLimit && i < candidates.length; i++) {
    candidates[i].showTerm = true;
    numToHide += candidates[i].vertex!.term!.usedHeight();
    numFree -= termLimit;
  }
  return all ? jobs : wrapHeight(jobs, height - 2 - numToHide);
}

function wrapHeight(j: Job[], limit: number): Job[] {
  if (limit < 0) return [];
  let wrapped = [...j];
  if (j.length > limit) {
    wrapped = wrapped.slice(j.length - limit);
    const invisible = j.slice(0, j.length - limit).filter((x) => !x.isCompleted);
    let l = invisible.length;
    if (l > 0) {
      const rewrapped: Job[] = [];
      for (const x of wrapped) {
        if (!x.isCompleted || l <= 0) rewrapped.push(x);
        l--;
      }
      const freespace = wrapped.length - rewrapped.length;
      wrapped = [...invisible.slice(invisible.length - freespace), ...rewrapped];
    }
  }
  return wrapped;
}

/**
 * One display for one build, driven the way progressui's UpdateFrom drives it: `update` per message (drawn
 * at most every 100 ms of the clock), `tick` when 150 ms pass without one, `done` at the end. Each returns
 * the text to write to stderr.
 */
export class ProgressDisplay {
  private readonly trace: Trace;
  private readonly text: TextMux | null = null;
  private readonly tty: TtyDisplay | null = null;
  private readonly warnings: VertexWarning[] = [];
  private tokens = 1;
  private lastAllow: Ns | null = null;

  constructor(private readonly o: DisplayOptions) {
    const nowNs = (): Ns => this.trace.clock(o.now());
    this.trace = new Trace(o.mode === 'tty', nowNs);
    const env = o.env ?? (() => undefined);
    if (o.mode === 'plain') this.text = new TextMux(o.textDesc ?? '', env('PROGRESS_NO_TRUNC') !== '0', nowNs);
    if (o.mode === 'tty') {
      const colors = (env('NO_COLOR') ?? '') !== '' ? null : { run: `${ESC}34m`, cancel: `${ESC}33m`, error: `${ESC}31m` };
      this.tty = new TtyDisplay(o.consoleDesc ?? '', colors, nowNs);
    }
  }

  private size(): { width: number; height: number } {
    const s = this.o.size?.() ?? { width: 0, height: 0 };
    return s.width > 0 && s.height > 0 ? s : { width: 80, height: 10 };
  }

  /** rate.Limiter(every 100 ms, burst 1).Allow() on the caller's clock. */
  private allow(): boolean {
    const now = this.trace.clock(this.o.now());
    if (this.lastAllow !== null) this.tokens = Math.min(1, this.tokens + (now - this.lastAllow) / 1e8);
    this.lastAllow = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  update(s: StatusResponse): string {
    this.warnings.push(...s.warnings);
    if (this.o.mode === 'quiet') return '';
    const width = this.o.mode === 'tty' ? this.size().width : 80;
    this.trace.update(s, width);
    if (!this.allow()) return '';
    return this.tick();
  }

  /** A refresh: the ticker's, or after an update the limiter let through. */
  tick(): string {
    if (this.text) {
      this.text.print(this.trace);
      const out = this.text.out;
      this.text.out = '';
      return out;
    }
    if (this.tty) {
      const { width, height } = this.size();
      return this.tty.print(this.trace.displayInfo(), width, height, false);
    }
    return '';
  }

  /** The last frame (every job, FINISHED if all completed) and the failed steps' output. */
  done(): string {
    if (this.text) return this.tick() + this.trace.errorLogs();
    if (this.tty) {
      const { width, height } = this.size();
      return this.tty.print(this.trace.displayInfo(), width, height, true) + this.trace.errorLogs();
    }
    return '';
  }

  allWarnings(): readonly VertexWarning[] {
    return this.warnings;
  }
}

/** buildx's printWarnings: after the progress, unless quiet. */
export function warningsFooter(warnings: readonly VertexWarning[]): string {
  if (warnings.length === 0) return '';
  const head = `${warnings.length === 1 ? '1 warning found' : `${warnings.length} warnings found`} (use docker --debug to expand):\n`;
  // aec.Apply: yellow whatever NO_COLOR says
  let out = `\n ${ESC}33m${head}${ESC}0m`;
  for (const w of warnings) out += ` - ${utf8(w.short)}\n`;
  return out;
}
