/** The tab strip of the learner's terminals: switch, close, open another, show them side by side. */
import { useStore } from 'zustand';
import { defineMessages, useMessages } from '../i18n.js';
import type { TerminalDeck } from './terminalDeck.js';

const messages = defineMessages({
  en: { tab: 'Terminal {n}', close: 'Close terminal {n}', add: 'New terminal', split: 'Side by side', tabs: 'Tabs', list: 'Terminals' },
  zh: { tab: '终端 {n}', close: '关闭终端 {n}', add: '新终端', split: '并排显示', tabs: '标签页', list: '终端' },
});

export function TerminalTabs({ deck }: { readonly deck: TerminalDeck }): React.JSX.Element {
  const t = useMessages(messages);
  const ids = useStore(deck.store, (s) => s.ids);
  const active = useStore(deck.store, (s) => s.active);
  const split = useStore(deck.store, (s) => s.split);
  return (
    <div className="term-tabs" role="tablist" aria-label={t('list')}>
      {ids.map((id) => (
        <span key={id} className={id === active ? 'term-tab is-active' : 'term-tab'}>
          <button type="button" role="tab" aria-selected={id === active} onClick={() => deck.activate(id)}>
            {t('tab', { n: id + 1 })}
          </button>
          <button type="button" className="term-tab-close" aria-label={t('close', { n: id + 1 })} title={t('close', { n: id + 1 })} onClick={() => deck.close(id)}>
            ×
          </button>
        </span>
      ))}
      <button type="button" className="term-add" aria-label={t('add')} title={t('add')} onClick={() => deck.add()}>
        +
      </button>
      <button type="button" className="term-split" aria-pressed={split} onClick={() => deck.toggleSplit()}>
        {split ? t('tabs') : t('split')}
      </button>
    </div>
  );
}
