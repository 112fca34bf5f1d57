/** The session menu's actions: reset, export, import, share link. */
import type { PageControls } from '../controls/pageControls.js';
import type { TerminalDeck } from '../controls/terminalDeck.js';
import type { Session } from '../session.js';
import { useLocale } from '../i18n.js';
import { lessonProgress } from './lessonSlot.js';
import { notify } from './notices.js';
import { BadSave, parseSaved } from './saved.js';
import type { Saver } from './saver.js';
import { snapshot } from './saver.js';
import { encodeShared, shareUrl } from './shareLink.js';
import type { SessionStore } from './store.js';

/** `href` without the given parameters: links the page has taken in are not taken again on a reload. */
export function withoutParams(href: string, ...names: string[]): string {
  const u = new URL(href);
  for (const n of names) u.searchParams.delete(n);
  return u.toString();
}

/** The page's URL without a session to load: a reload then opens the saved session (or a fresh one). */
export function plainUrl(href: string): string {
  return withoutParams(href, 'session');
}

/**
 * `shareableLessons` picks from the session's lesson slot what a share link carries (the lesson open and its
 * step, not the sharer's progress elsewhere); without it no lesson travels.
 */
export function makePageControls(
  session: Session,
  deck: TerminalDeck,
  saver: Saver,
  store: SessionStore,
  shareableLessons?: (slot: unknown) => unknown,
): PageControls {
  const reload = (): void => location.replace(plainUrl(location.href));
  const current = () => snapshot(session, deck.layout(), { speed: session.driver.speed }, Date.now());
  return {
    session,
    deck,
    reset() {
      saver.stop();
      void store.clear().finally(reload);
    },
    exportFile() {
      const blob = new Blob([JSON.stringify(current(), null, 1)], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `dockersim-session-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    },
    async importFile(file) {
      const text = await file.text();
      try {
        parseSaved(text);
      } catch (e) {
        notify('importBad', { reason: e instanceof BadSave ? `${e.reason}: ${e.message}` : String(e) });
        return false;
      }
      // The page reloads into the imported session: the one running now must not be saved over it.
      saver.stop();
      await store.save(text);
      reload();
      return true;
    },
    async shareLink() {
      const lessons = shareableLessons?.(lessonProgress()) ?? null;
      const param = await encodeShared({ seed: session.seed, journal: session.journal, head: session.head, lessons });
      return shareUrl(location.href, param, useLocale.getState().locale);
    },
    prefsChanged: () => saver.soon(),
  };
}
