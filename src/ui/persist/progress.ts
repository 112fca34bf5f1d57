/** The progress indicator shown while a saved session replays (plain DOM: React is not up yet). */
import { defineMessages, useLocale } from '../i18n.js';

const messages = defineMessages({
  en: { restoring: 'Restoring your session…' },
  zh: { restoring: '正在恢复你的会话……' },
});

export interface Progress {
  update(fraction: number): void;
  close(): void;
}

export function showProgress(parent: HTMLElement = document.body): Progress {
  const box = document.createElement('div');
  box.className = 'restore-progress';
  box.setAttribute('role', 'status');
  const label = document.createElement('div');
  label.textContent = messages[useLocale.getState().locale].restoring;
  const bar = document.createElement('progress');
  bar.max = 1;
  bar.value = 0;
  box.append(label, bar);
  parent.appendChild(box);
  return {
    update: (f) => {
      bar.value = f;
    },
    close: () => box.remove(),
  };
}
