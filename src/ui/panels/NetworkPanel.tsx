/** The default bridge: docker0 with its gateway, and each running container's endpoint (IP and MAC). */
import { useMemo } from 'react';
import { defineMessages, useMessages } from '../i18n.js';
import { isHighlightedContainer } from '../store/panelStore.js';
import { bridgeView } from '../store/snapshot/network.js';
import { usePanel, usePanelActions } from './usePanel.js';

const messages = defineMessages({
  en: {
    network: 'network “{name}” · bridge {iface}',
    subnet: 'Subnet', gateway: 'Gateway (docker0)',
    none: 'No container is attached: docker0 has no carrier until one starts.',
    container: 'Container', ip: 'IPv4 address', mac: 'MAC address',
  },
  zh: {
    network: '网络 “{name}” · 网桥 {iface}',
    subnet: '子网', gateway: '网关（docker0）',
    none: '没有容器接入：在第一个容器启动前 docker0 没有载波。',
    container: '容器', ip: 'IPv4 地址', mac: 'MAC 地址',
  },
});

export function NetworkPanel(): React.JSX.Element {
  const t = useMessages(messages);
  const containers = usePanel((s) => s.containers);
  const highlight = usePanel((s) => s.highlight);
  const { select } = usePanelActions();
  const net = useMemo(() => bridgeView(Object.values(containers)), [containers]);
  const lit = highlight?.kind === 'network' && highlight.name === net.name;
  return (
    <section className={`network${lit ? ' is-highlighted' : ''}`} aria-label={net.name}>
      <h3 className="network-title">{t('network', { name: net.name, iface: net.iface })}</h3>
      <dl className="facts">
        <dt>{t('subnet')}</dt>
        <dd>{net.subnet}</dd>
        <dt>{t('gateway')}</dt>
        <dd>{net.gateway}</dd>
      </dl>
      {net.endpoints.length === 0 ? (
        <p className="panel-empty">{t('none')}</p>
      ) : (
        <table className="endpoints">
          <thead>
            <tr>
              <th scope="col">{t('container')}</th>
              <th scope="col">{t('ip')}</th>
              <th scope="col">{t('mac')}</th>
            </tr>
          </thead>
          <tbody>
            {net.endpoints.map((e) => (
              <tr key={e.id} className={isHighlightedContainer(highlight, containers[e.id]) ? 'is-highlighted' : undefined}>
                <td>
                  <button type="button" className="link-button" onClick={() => select({ kind: 'container', id: e.id })}>
                    {e.name}
                  </button>
                </td>
                <td>{e.ip}</td>
                <td>{e.mac}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
