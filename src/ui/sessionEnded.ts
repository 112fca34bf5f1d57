/** The line a terminal shows once its shell has exited. */
import { defineMessages, format, useLocale } from './i18n.js';

const messages = defineMessages({
  en: { ended: 'Session ended. Press Enter for a new shell.' },
  zh: { ended: '会话已结束。按 Enter 打开新的 shell。' },
});

/**
 * What the terminal app writes below the last output of a shell that has exited (dim, on its own line). Not
 * machine output: a restored screen gets it again where the journal says a new shell was asked for.
 */
export function sessionEndedNotice(): string {
  return `\x1b[0;2m[${format(messages[useLocale.getState().locale].ended)}]\x1b[0m\r\n`;
}
