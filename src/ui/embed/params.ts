/**
 * What an `embed.html?…` address asks for. Docs authors write these by hand, so anything malformed falls back
 * to a default instead of failing: a bad seed is the default seed, an unknown locale is the reader's own.
 */
import type { Locale } from '../i18n.js';
import { lessonFromUrl } from '../lessons/deepLink.js';
import { DEFAULT_SEED } from '../session.js';

/** More than a docs example needs; keeps a hostile address from typing forever. */
export const MAX_COMMANDS = 20;
export const MAX_COMMAND_LENGTH = 2000;

/**
 * Who types at the prompt. `docker`: the learner `user` already in group `docker`, so a docs example's
 * `docker ps` works as written. `sudo`: not in the group, as in the app and the book's chapter 2 (`sudo docker`).
 */
export type EmbedUser = 'docker' | 'sudo';

export interface EmbedParams {
  /** Command lines typed at the prompt at start, in order. */
  readonly cmds: readonly string[];
  readonly seed: number;
  /** `null`: the reader's own (last choice in the app, else the browser's). */
  readonly locale: Locale | null;
  /** A lesson to open (`?lesson=<id>`), null for none. */
  readonly lesson: string | null;
  /** `?user=docker|sudo`; default `docker`, but `sudo` with a lesson (lessons start where the book does). */
  readonly user: EmbedUser;
  /** Show the compact daemon view from the start (`?panel=1`); a button toggles it either way. */
  readonly panel: boolean;
  /** Keep the session across reloads (`?persist=1`), in storage of its own (see storeName). */
  readonly persist: boolean;
  /** `?test=1`: browser tests reach the session as `window.__dockersim`. */
  readonly testHooks: boolean;
}

const flag = (q: URLSearchParams, name: string): boolean => {
  const v = q.get(name);
  return v === '1' || v === 'true' || v === '';
};

/**
 * Commands from every `cmd` parameter, each split at newlines. Control characters are dropped: a command is
 * text typed at the prompt, never keys such as Ctrl-C or an escape sequence.
 */
export function parseCommands(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    for (const raw of v.split(/\r\n|\r|\n/)) {
      const line = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, MAX_COMMAND_LENGTH);
      if (line.trim() === '') continue;
      out.push(line);
      if (out.length === MAX_COMMANDS) return out;
    }
  }
  return out;
}

export function parseSeed(raw: string | null): number {
  return raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : DEFAULT_SEED;
}

export function embedParams(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  const locale = q.get('locale');
  const lesson = lessonFromUrl(search);
  const user = q.get('user');
  return {
    cmds: parseCommands(q.getAll('cmd')),
    seed: parseSeed(q.get('seed')),
    locale: locale === 'zh' || locale === 'en' ? locale : null,
    lesson,
    user: user === 'docker' || user === 'sudo' ? user : lesson === null ? 'docker' : 'sudo',
    panel: flag(q, 'panel'),
    persist: flag(q, 'persist'),
    testHooks: q.get('test') === '1',
  };
}

/**
 * The IndexedDB database a persistent embed keeps its session in: never the app's (`dockersim`), and one per
 * example (commands, seed, lesson), so two different embeds on a docs site do not restore each other.
 */
export function storeName(p: Pick<EmbedParams, 'cmds' | 'seed' | 'lesson' | 'user'>): string {
  // The default user is left out so that sessions saved before `user` existed keep their database.
  const text = JSON.stringify(p.user === 'docker' ? [p.cmds, p.seed, p.lesson] : [p.cmds, p.seed, p.lesson, p.user]);
  // FNV-1a: short, stable, and good enough to tell a handful of examples apart.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `dockersim-embed-${h.toString(16).padStart(8, '0')}`;
}
