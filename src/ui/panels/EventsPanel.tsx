/**
 * The daemon's events, newest first, each as `docker events` prints it, with a container's state change
 * beside it (created → running → exited): what happened stays readable after a row's flash has gone.
 */
import { memo } from 'react';
import { defineMessages, useMessages } from '../i18n.js';
import { eventLine } from '../store/snapshot/events.js';
import type { EventView } from '../store/snapshot/types.js';
import { usePanel } from './usePanel.js';

const messages = defineMessages({
  en: { empty: 'No events yet: what docker events would show appears here, newest first.' },
  zh: { empty: '还没有事件：docker events 会显示的内容将出现在这里，最新的在最上面。' },
});

export const EventRow = memo(function EventRow({ e }: { e: EventView }): React.JSX.Element {
  return (
    <li className="event" data-type={e.type} data-action={e.action} data-name={e.name}>
      {e.to !== null && (
        <span className="event-transition">
          {e.from !== null && (
            <>
              <span className={`state-badge state-${e.from}`}>{e.from}</span>
              <span aria-hidden="true"> → </span>
            </>
          )}
          <span className={`state-badge state-${e.to}`}>{e.to}</span>
        </span>
      )}
      <code className="event-line">{eventLine(e)}</code>
    </li>
  );
});

export function EventsPanel(): React.JSX.Element {
  const t = useMessages(messages);
  const events = usePanel((s) => s.events);
  if (events.length === 0) return <p className="panel-empty">{t('empty')}</p>;
  return (
    <ol className="events" aria-live="off">
      {events.map((e) => (
        <EventRow key={e.key} e={e} />
      ))}
    </ol>
  );
}
