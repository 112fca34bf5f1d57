/**
 * The page's display preferences: the UI language and presenter mode (large, high-contrast text for a
 * projector). Both are chosen once at start from the address, then what the reader last picked (localStorage),
 * then the browser; a change made with the header's switches is kept for the next visit. The document follows
 * them: `<html lang>` for screen readers and fonts, the `is-presenter` class for presenter.css.
 */
import { create } from 'zustand';
import { pickLocale, useLocale, type Locale } from '../i18n.js';

export const LOCALE_KEY = 'dockersim:locale';
export const PRESENTER_KEY = 'dockersim:presenter';

/** `?locale=` wins, then the reader's last choice, then the browser's languages. */
export function initialLocale(search: string, languages: readonly string[], stored: string | null): Locale {
  if (new URLSearchParams(search).has('locale')) return pickLocale(search, languages);
  if (stored === 'zh' || stored === 'en') return stored;
  return pickLocale('', languages);
}

/** `?presenter=1` / `?presenter=0` win over the reader's last choice; off by default. */
export function initialPresenter(search: string, stored: string | null): boolean {
  const asked = new URLSearchParams(search).get('presenter');
  if (asked === '1' || asked === 'true') return true;
  if (asked === '0' || asked === 'false') return false;
  return stored === '1';
}

/** The `lang` a document in this locale carries (the Chinese text is Simplified). */
export function htmlLang(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}

interface PresenterState {
  readonly on: boolean;
  set(on: boolean): void;
}

export const usePresenter = create<PresenterState>()((set) => ({
  on: false,
  set: (on) => set({ on }),
}));

export interface DisplayOptions {
  readonly search: string;
  readonly languages: readonly string[];
  /** Where choices are kept (null: nowhere). */
  readonly storage: Storage | null;
  /**
   * Write later choices to `storage` (default true). An embed passes false: it follows the app's language but
   * never changes it, and takes presenter mode only from its own address (a docs page is not a projector).
   */
  readonly keep?: boolean;
  readonly root: HTMLElement;
}

/** The page's localStorage, or null where reading it throws (storage disabled for the site). */
export function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage disabled or full: the choice holds for this visit only.
  }
}

/** Sets the starting locale and presenter mode, and keeps the document and storage in step with later changes. */
export function setupDisplay(o: DisplayOptions): () => void {
  const keep = o.keep ?? true;
  useLocale.getState().setLocale(initialLocale(o.search, o.languages, read(o.storage, LOCALE_KEY)));
  usePresenter.getState().set(initialPresenter(o.search, keep ? read(o.storage, PRESENTER_KEY) : null));
  const applyLocale = (l: Locale): void => {
    o.root.lang = htmlLang(l);
  };
  const applyPresenter = (on: boolean): void => {
    o.root.classList.toggle('is-presenter', on);
  };
  applyLocale(useLocale.getState().locale);
  applyPresenter(usePresenter.getState().on);
  const offLocale = useLocale.subscribe((s, prev) => {
    if (s.locale === prev.locale) return;
    applyLocale(s.locale);
    if (keep) write(o.storage, LOCALE_KEY, s.locale);
  });
  const offPresenter = usePresenter.subscribe((s, prev) => {
    if (s.on === prev.on) return;
    applyPresenter(s.on);
    if (keep) write(o.storage, PRESENTER_KEY, s.on ? '1' : '0');
  });
  return () => {
    offLocale();
    offPresenter();
  };
}
