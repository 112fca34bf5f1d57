/**
 * The containers, newest first, as `docker ps -a` lists them: state, name, image, command, IP and the daemon's
 * own STATUS text (`Up 3 minutes`, `Exited (0) 2 seconds ago`), on two lines that wrap rather than cut a name
 * or a status short; a container with a health check shows its verdict (starting, healthy, unhealthy) in a badge
 * beside its state. A row flashes when its state changes: the
 * flash element is keyed by the state, so React mounts a new one and its CSS animation plays once.
 */
import { memo, useCallback, useState } from 'react';
import { defineMessages, useMessages } from '../i18n.js';
import { isHighlightedContainer } from '../store/panelStore.js';
import type { ContainerView } from '../store/snapshot/types.js';
import { usePanel, usePanelActions } from './usePanel.js';
import { PortLinks } from './PortLinks.js';

const messages = defineMessages({
  en: {
    empty: 'No containers yet. Try: sudo docker run -d --name web busybox sleep 1000',
    more: '{n} more not shown', showAll: 'Show all',
    health: 'Health check: {status}',
  },
  zh: {
    empty: '还没有容器。试试：sudo docker run -d --name web busybox sleep 1000',
    more: '还有 {n} 个未显示', showAll: '全部显示',
    health: '健康检查：{status}',
  },
});

/** Rows drawn at first: the rest on request, so 1,000 containers do not make every update slow. */
export const MAX_ROWS = 200;

interface RowProps {
  readonly c: ContainerView;
  readonly selected: boolean;
  readonly highlighted: boolean;
  readonly onSelect: (id: string) => void;
}

const HEALTH_MARK = { starting: '…', healthy: '✓', unhealthy: '✗' } as const;

const Row = memo(function Row({ c, selected, highlighted, onSelect }: RowProps): React.JSX.Element {
  const t = useMessages(messages);
  return (
    <li className={`crow${highlighted ? ' is-highlighted' : ''}`} data-name={c.name} data-state={c.state}>
      <button type="button" className="crow-button" aria-pressed={selected} onClick={() => onSelect(c.id)}>
        <span className="crow-flash" key={c.state} aria-hidden="true" />
        <span className="crow-main">
          <span className={`state-badge state-${c.state}`}>{c.state}</span>
          {c.health !== '' && (
            // Docker's own word (what `docker ps` and inspect say), a mark that does not rely on colour alone.
            <span className={`health-badge health-${c.health}`} title={t('health', { status: c.health })}>
              <span aria-hidden="true">{HEALTH_MARK[c.health]} </span>
              {c.health}
            </span>
          )}
          <span className="crow-name">{c.name}</span>
          <span className="crow-status">{c.status}</span>
        </span>
        <span className="crow-meta">
          <span className="crow-image">{c.image}</span>
          <span className="crow-command">{c.command}</span>
          <span className="crow-ip">{c.ip}</span>
        </span>
      </button>
      {c.ports.length > 0 && <PortLinks ports={c.ports} />}
    </li>
  );
});

export function ContainersPanel(): React.JSX.Element {
  const t = useMessages(messages);
  const order = usePanel((s) => s.order);
  const containers = usePanel((s) => s.containers);
  const selection = usePanel((s) => s.selection);
  const highlight = usePanel((s) => s.highlight);
  const { select } = usePanelActions();
  const [all, setAll] = useState(false);
  // Stable, so rows whose view did not change skip rendering.
  const onSelect = useCallback((id: string): void => select({ kind: 'container', id }), [select]);
  if (order.length === 0) return <p className="panel-empty">{t('empty')}</p>;
  const shown = all ? order : order.slice(0, MAX_ROWS);
  return (
    <div className="containers">
      <ul className="crows">
        {shown.map((id) => {
          const c = containers[id];
          return (
            <Row
              key={id}
              c={c}
              selected={selection?.kind === 'container' && selection.id === id}
              highlighted={isHighlightedContainer(highlight, c)}
              onSelect={onSelect}
            />
          );
        })}
      </ul>
      {shown.length < order.length && (
        <p className="panel-more">
          {t('more', { n: order.length - shown.length })}{' '}
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            {t('showAll')}
          </button>
        </p>
      )}
    </div>
  );
}
