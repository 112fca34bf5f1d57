/**
 * A lesson without a start state runs on whatever the learner left behind: when what its text takes for granted
 * (`assumes`) is not so here, the panel says which assumption fails and what the machine shows instead, and
 * offers the lesson a fresh machine of its own (the learner's is kept, as for a lesson with a start state).
 */
import type { CheckResult } from '../../lessons/evaluate.js';
import { sayIn } from '../../lessons/checks/said.js';
import { defineMessages, useLocale, useMessages } from '../i18n.js';
import { checkText } from './checkText.js';
import { InlineMarkdown } from './Markdown.js';

const messages = defineMessages({
  en: {
    head: 'This lesson assumes:',
    now: '(now: {found})',
    fresh: 'Start on a fresh machine (yours is kept)',
    starting: 'Starting…',
  },
  zh: {
    head: '本课假定：',
    now: '（现在：{found}）',
    fresh: '在一台全新的机器上开始（你的机器会保留）',
    starting: '正在启动……',
  },
});

export function AssumesBanner({ unmet, starting, onFresh }: {
  readonly unmet: readonly CheckResult[];
  readonly starting: boolean;
  readonly onFresh: () => void;
}): React.JSX.Element | null {
  const t = useMessages(messages);
  const locale = useLocale((s) => s.locale);
  if (unmet.length === 0) return null;
  return (
    <div className="lesson-assumes" role="status">
      <p>{t('head')}</p>
      <ul>
        {unmet.map((r) => (
          <li key={r.line}>
            <InlineMarkdown text={checkText(r.check, locale)} />{' '}
            <span className="lesson-check-found">{t('now', { found: sayIn(r.said, locale) })}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="lesson-button is-primary" onClick={onFresh} disabled={starting}>
        {starting ? t('starting') : t('fresh')}
      </button>
    </div>
  );
}
