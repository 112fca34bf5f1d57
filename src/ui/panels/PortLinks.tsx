/**
 * A running container's published ports, each a link that opens the web preview at that port of the host
 * (as a hosted Docker lab shows a port link beside a container).
 */
import { defineMessages, useMessages } from '../i18n.js';
import { openPreview } from '../preview/previewState.js';
import { portHost, type PortLink } from '../store/snapshot/ports.js';

const messages = defineMessages({
  en: { ports: 'Published ports', open: 'Open {host} in the web preview ({port} in the container)' },
  zh: { ports: '已发布的端口', open: '在网页预览中打开 {host}（容器内的 {port}）' },
});

export function PortLinks({ ports }: { ports: readonly PortLink[] }): React.JSX.Element {
  const t = useMessages(messages);
  return (
    <span className="crow-ports" role="group" aria-label={t('ports')}>
      {ports.map((l) => (
        <button
          key={`${l.address}:${l.hostPort}`}
          type="button"
          className="link-button crow-port"
          title={t('open', { host: portHost(l), port: l.containerPort })}
          onClick={() => openPreview(`${portHost(l)}/`)}
        >
          {portHost(l)} → {l.containerPort}
        </button>
      ))}
    </span>
  );
}
