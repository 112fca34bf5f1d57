/**
 * The current step: its prose with clickable commands, its checks (✓/✗ live, with what the machine showed),
 * hints one at a time, and the solution on request.
 */
import { describeCheck } from '../../lessons/evaluate.js';
import { sayIn } from '../../lessons/checks/said.js';
import type { RunnerState } from '../../lessons/runner.js';
import { defineMessages, useLocale, useMessages } from '../i18n.js';
import { checkText } from './checkText.js';
import { CommandLine, KeysLine } from './CommandLine.js';
import { InlineMarkdown, Markdown } from './Markdown.js';
import { renderSegments } from './markdown.js';

const messages = defineMessages({
  en: {
    checks: 'What the machine must show',
    passed: 'done',
    pending: 'not yet',
    found: 'The machine shows: {found}',
    hint: 'Hint',
    moreHint: 'Another hint',
    noHints: 'No more hints.',
    hintN: 'Hint {n}',
    solution: 'Show solution',
    solutionTitle: 'Solution',
    wait: '(wait {s} s)',
    terminal: '(on terminal {n})',
    challenge: 'Challenge',
  },
  zh: {
    checks: '机器上需要看到',
    passed: '已完成',
    pending: '尚未完成',
    found: '机器上现在是：{found}',
    hint: '提示',
    moreHint: '再来一条提示',
    noHints: '没有更多提示了。',
    hintN: '提示 {n}',
    solution: '显示答案',
    solutionTitle: '答案',
    wait: '（等待 {s} 秒）',
    terminal: '（在终端 {n} 上）',
    challenge: '挑战',
  },
});

export interface StepViewProps {
  readonly run: RunnerState;
  readonly onType: (text: string) => void;
  readonly onHint: () => void;
  readonly onSolution: () => void;
  /** A `preview:` link in the prose was clicked (its href). */
  readonly onPreview?: (href: string) => void;
}

export function StepView({ run, onType, onHint, onSolution, onPreview }: StepViewProps): React.JSX.Element {
  const t = useMessages(messages);
  const locale = useLocale((s) => s.locale);
  const { step, evaluation, hints, solutionShown } = run;
  const isTask = step.id !== 'recap';
  const moreHints = hints.length < step.hints.length;
  return (
    <div className="lesson-step">
      {step.id === 'challenge' && <span className="lesson-badge">{t('challenge')}</span>}
      {renderSegments(step.markdown).map((seg, i) =>
        seg.kind === 'html' ? (
          <div key={i} className="lesson-md" onClick={(e) => clickPreview(e, onPreview)} dangerouslySetInnerHTML={{ __html: seg.html }} />
        ) : (
          <div key={i} className="lesson-cmds">
            {seg.lines.map((line, j) => (
              <CommandLine key={j} text={line} onType={onType} />
            ))}
          </div>
        ),
      )}

      {isTask && (
        <section className="lesson-checks" aria-label={t('checks')}>
          <h4>{t('checks')}</h4>
          <ul>
            {evaluation.results.map((r, i) => (
              <li key={i} className={r.passed ? 'is-passed' : 'is-pending'} title={describeCheck(r.check)}>
                <span className="lesson-check-mark" role="img" aria-label={r.passed ? t('passed') : t('pending')}>
                  {r.passed ? '✓' : '✗'}
                </span>
                <span className="lesson-check-text">
                  <InlineMarkdown text={checkText(r.check, locale)} />
                  {!r.passed && r.found !== '' && !r.stuck && <span className="lesson-check-found">{t('found', { found: sayIn(r.said, locale) })}</span>}
                  {r.stuck && (
                    <span className="lesson-check-found lesson-check-stuck" role="note">
                      <InlineMarkdown text={sayIn(r.said, locale)} />
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {hints.length > 0 && (
        <div className="lesson-hints">
          {hints.map((h, i) => (
            <div key={i} className="lesson-hint" role="note" aria-label={t('hintN', { n: i + 1 })}>
              <Markdown text={h.markdown} />
            </div>
          ))}
        </div>
      )}

      {solutionShown && (
        <section className="lesson-solution" aria-label={t('solutionTitle')}>
          <h4>{t('solutionTitle')}</h4>
          {step.actions.map((a, i) => {
            if (a.kind === 'type') return <CommandLine key={i} text={a.text} onType={onType} />;
            if (a.kind === 'keys') return <KeysLine key={i} label={a.label} keys={a.keys} onType={onType} />;
            if (a.kind === 'wait') return <p key={i} className="lesson-note">{t('wait', { s: a.ms / 1000 })}</p>;
            return <p key={i} className="lesson-note">{t('terminal', { n: a.terminal })}</p>;
          })}
        </section>
      )}

      {isTask && (
        <div className="lesson-help">
          {(moreHints || hints.length === 0) && step.hints.length > 0 && (
            <button type="button" className="lesson-button" onClick={onHint}>
              {hints.length === 0 ? t('hint') : t('moreHint')}
            </button>
          )}
          {!moreHints && hints.length > 0 && <span className="lesson-note">{t('noHints')}</span>}
          {!solutionShown && (
            <button type="button" className="lesson-button" onClick={onSolution}>
              {t('solution')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** The prose is HTML from markdown.ts, so its `preview:` links are found by delegation. */
function clickPreview(e: React.MouseEvent, onPreview: ((href: string) => void) | undefined): void {
  const a = (e.target as Element).closest('a[data-preview]');
  if (!a) return;
  e.preventDefault();
  onPreview?.(a.getAttribute('data-preview') ?? '');
}
