/** The header's language switch (中文 / English) and presenter-mode toggle. */
import { defineMessages, LOCALES, useLocale, useMessages, type Locale } from '../i18n.js';
import { usePresenter } from './prefs.js';
import './presenter.css';

const messages = defineMessages({
  en: { language: 'Language', presenter: 'Presenter', presenterTitle: 'Large, high-contrast text for a projector' },
  zh: { language: '语言', presenter: '演示模式', presenterTitle: '大字号、高对比度，适合投影' },
});

/** Each language is named in itself, so a reader finds theirs whatever the page shows now. */
const NAMES: Readonly<Record<Locale, { readonly name: string; readonly lang: string }>> = {
  zh: { name: '中文', lang: 'zh-CN' },
  en: { name: 'English', lang: 'en' },
};

export function LanguageSwitch(): React.JSX.Element {
  const t = useMessages(messages);
  const locale = useLocale((s) => s.locale);
  const setLocale = useLocale((s) => s.setLocale);
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      {LOCALES.map((l) => (
        <button key={l} type="button" lang={NAMES[l].lang} className={`lang-${l}`} aria-pressed={l === locale} onClick={() => setLocale(l)}>
          {NAMES[l].name}
        </button>
      ))}
    </div>
  );
}

export function PresenterToggle(): React.JSX.Element {
  const t = useMessages(messages);
  const on = usePresenter((s) => s.on);
  const set = usePresenter((s) => s.set);
  return (
    <button type="button" className="presenter-toggle" aria-pressed={on} title={t('presenterTitle')} onClick={() => set(!on)}>
      {t('presenter')}
    </button>
  );
}
