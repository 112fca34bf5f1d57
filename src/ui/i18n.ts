/**
 * UI text in Chinese and English. Each component keeps its own messages beside it (`defineMessages`), so
 * features never fight over one big dictionary; the locale lives in a zustand store the header's switch sets.
 */
import { createContext, useContext } from 'react';
import { create } from 'zustand';

export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];

/** `?locale=` wins, then the browser's first language we have (any `zh-*` is Chinese), else English. */
export function pickLocale(search: string, languages: readonly string[]): Locale {
  const asked = new URLSearchParams(search).get('locale');
  if (asked === 'zh' || asked === 'en') return asked;
  for (const lang of languages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

interface LocaleState {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
}

export const useLocale = create<LocaleState>()((set) => ({
  locale: 'en',
  setLocale: (locale) => set({ locale }),
}));

/**
 * A part of the page with a language of its own (a `<DockerSim locale="zh">` among others): its components
 * read it instead of the page's. Null: the page's.
 */
export const LocaleContext = createContext<Locale | null>(null);

export type Messages<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

/** Declares a component's messages; both locales must have every key (the type checks it). */
export function defineMessages<K extends string>(m: Messages<K>): Messages<K> {
  return m;
}

/** `{name}` placeholders are replaced from `vars`. */
export function format(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => (k in vars ? String(vars[k]) : all));
}

export type Translate<K extends string> = (key: K, vars?: Readonly<Record<string, string | number>>) => string;

/** The translate function for the current locale; re-renders the component when the locale changes. */
export function useMessages<K extends string>(m: Messages<K>): Translate<K> {
  const own = useContext(LocaleContext);
  const page = useLocale((s) => s.locale);
  const locale = own ?? page;
  return (key, vars) => format(m[locale][key], vars);
}
