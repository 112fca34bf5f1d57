/**
 * What a saved session is: enough to rebuild the machine by replay (seed, journal, head), plus how the page
 * looked (terminal layout, preferences) and an opaque slot the lessons fill. The same shape is stored in
 * IndexedDB, exported to a file and (without the page parts) packed into a share link.
 */
import { JOURNAL_FORMAT, type JournalEntry, type Position } from '../../machine/journal.js';

/** Bumped when this shape changes; a saved session of another version is set aside, not guessed at. */
export const SAVE_FORMAT = 1;

export interface TerminalLayout {
  /** The terminal shown (or focused, when split). */
  readonly active: number;
  /** All open terminals side by side instead of tabs. */
  readonly split: boolean;
}

export interface UiPrefs {
  /** Virtual ms per real ms. */
  readonly speed: number;
}

export interface SavedSession {
  readonly format: number;
  readonly journalFormat: number;
  readonly seed: number;
  readonly journal: readonly JournalEntry[];
  readonly head: Position;
  readonly layout: TerminalLayout;
  readonly prefs: UiPrefs;
  /** Lesson progress: whatever the lesson runner stored; carried along untouched. */
  readonly lessons: unknown;
  /** The editor pane: shown or not, and the file it has open (src/ui/editor/); carried along untouched. */
  readonly editor: unknown;
  /** Real time of the save (ms since the epoch), shown in the notice when a save is set aside. */
  readonly savedAt: number;
}

export const DEFAULT_LAYOUT: TerminalLayout = { active: 0, split: false };
export const DEFAULT_PREFS: UiPrefs = { speed: 1 };

export class BadSave extends Error {
  constructor(readonly reason: 'json' | 'version' | 'shape', detail: string) {
    super(detail);
    this.name = 'BadSave';
  }
}

const KINDS = new Set(['open', 'keys', 'resize', 'flow', 'close', 'respawn', 'write', 'http']);

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isEntry(e: unknown): e is JournalEntry {
  if (typeof e !== 'object' || e === null) return false;
  const r = e as Record<string, unknown>;
  if (!isNum(r.step) || !isNum(r.at) || typeof r.kind !== 'string' || !KINDS.has(r.kind)) return false;
  if (r.kind === 'write') return typeof r.path === 'string' && typeof r.data === 'string' && isTarget(r.target);
  if (r.kind === 'http') return isRequest(r);
  if (!isNum(r.term)) return false;
  switch (r.kind) {
    case 'keys':
      return typeof r.data === 'string';
    case 'open':
    case 'resize':
      return isNum(r.rows) && isNum(r.cols);
    case 'flow':
      return typeof r.stopped === 'boolean';
    default:
      return true;
  }
}

function isRequest(r: Record<string, unknown>): boolean {
  return (
    r.method === 'GET' &&
    typeof r.address === 'string' &&
    isNum(r.port) &&
    typeof r.path === 'string' &&
    r.path.startsWith('/') &&
    Array.isArray(r.headers) &&
    r.headers.every((h) => Array.isArray(h) && h.length === 2 && typeof h[0] === 'string' && typeof h[1] === 'string')
  );
}

function isTarget(t: unknown): boolean {
  if (typeof t !== 'object' || t === null) return false;
  const r = t as Record<string, unknown>;
  return r.kind === 'host' || (r.kind === 'container' && typeof r.id === 'string');
}

/** Checks a parsed value; throws BadSave saying what is wrong. Missing page parts get defaults. */
export function checkSaved(v: unknown): SavedSession {
  if (typeof v !== 'object' || v === null) throw new BadSave('shape', 'not an object');
  const r = v as Record<string, unknown>;
  if (r.format !== SAVE_FORMAT || r.journalFormat !== JOURNAL_FORMAT) {
    throw new BadSave('version', `format ${String(r.format)}/${String(r.journalFormat)}, expected ${SAVE_FORMAT}/${JOURNAL_FORMAT}`);
  }
  if (!isNum(r.seed)) throw new BadSave('shape', 'seed');
  if (!Array.isArray(r.journal)) throw new BadSave('shape', 'journal');
  const bad = r.journal.findIndex((e) => !isEntry(e));
  if (bad >= 0) throw new BadSave('shape', `journal entry ${bad}`);
  const head = r.head as Record<string, unknown> | undefined;
  if (!head || !isNum(head.step) || !isNum(head.at)) throw new BadSave('shape', 'head');
  const layout = (r.layout ?? {}) as Record<string, unknown>;
  const prefs = (r.prefs ?? {}) as Record<string, unknown>;
  return {
    format: SAVE_FORMAT,
    journalFormat: JOURNAL_FORMAT,
    seed: r.seed,
    journal: r.journal as JournalEntry[],
    head: { step: head.step, at: head.at },
    layout: {
      active: isNum(layout.active) ? layout.active : DEFAULT_LAYOUT.active,
      split: typeof layout.split === 'boolean' ? layout.split : DEFAULT_LAYOUT.split,
    },
    prefs: { speed: isNum(prefs.speed) && prefs.speed > 0 ? prefs.speed : DEFAULT_PREFS.speed },
    lessons: r.lessons ?? null,
    editor: r.editor ?? null,
    savedAt: isNum(r.savedAt) ? r.savedAt : 0,
  };
}

/** Parses text (a file, a stored value) into a saved session. */
export function parseSaved(text: string): SavedSession {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new BadSave('json', (e as Error).message);
  }
  return checkSaved(v);
}
