/**
 * A command from a lesson: a button that types it into the learner's terminal WITHOUT pressing Enter (the
 * learner reads it, then presses Enter), and a button that copies it.
 */
import { useEffect, useState } from 'react';
import { defineMessages, useMessages } from '../i18n.js';

const messages = defineMessages({
  en: { type: 'Type into the terminal: {cmd}', copy: 'Copy', copied: 'Copied', copyLabel: 'Copy {cmd}', press: 'Press {keys} in the terminal' },
  zh: { type: '输入到终端：{cmd}', copy: '复制', copied: '已复制', copyLabel: '复制 {cmd}', press: '在终端里按 {keys}' },
});

export interface CommandLineProps {
  readonly text: string;
  readonly onType: (text: string) => void;
}

export function CommandLine({ text, onType }: CommandLineProps): React.JSX.Element {
  const t = useMessages(messages);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = (): void => {
    void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => {});
  };
  return (
    <div className="lesson-cmd">
      <button type="button" className="lesson-cmd-type" onClick={() => onType(text)} aria-label={t('type', { cmd: text })} title={t('type', { cmd: text })}>
        <span aria-hidden="true" className="lesson-cmd-prompt">$</span>
        <code>{text}</code>
      </button>
      <button type="button" className="lesson-cmd-copy" onClick={copy} aria-label={t('copyLabel', { cmd: text })}>
        {copied ? t('copied') : t('copy')}
      </button>
    </div>
  );
}

/** A special key of a solution (`<Ctrl-P><Ctrl-Q>`): a button that sends it to the terminal. */
export function KeysLine({ label, keys, onType }: { readonly label: string; readonly keys: string; readonly onType: (text: string) => void }): React.JSX.Element {
  const t = useMessages(messages);
  return (
    <div className="lesson-cmd">
      <button type="button" className="lesson-cmd-type" onClick={() => onType(keys)} aria-label={t('press', { keys: label })} title={t('press', { keys: label })}>
        <kbd>{label}</kbd>
      </button>
    </div>
  );
}
