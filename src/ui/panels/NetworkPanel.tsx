/**
 * Every network as `docker network inspect` shows it: the default bridge (docker0), user-defined bridges with
 * their subnet, gateway and internal flag, host and none while a container is on them; each with its running
 * members (IP, MAC, and the names the embedded DNS answers on a user-defined network). The volumes follow.
 */
import { defineMessages, useMessages } from '../i18n.js';
import { isHighlightedContainer } from '../store/panelStore.js';
import type { NetworkView } from '../store/snapshot/networks.js';
import { usePanel, usePanelActions } from './usePanel.js';
import { VolumesPanel } from './VolumesPanel.js';

const messages = defineMessages({
  en: {
    network: 'network “{name}” · bridge {iface}',
    userNetwork: 'network “{name}” · driver {driver}',
    subnet: 'Subnet', gateway: 'Gateway (docker0)', userGateway: 'Gateway', internal: 'Internal',
    yes: 'yes: no way out of the network', no: 'no',
    none: 'No container is attached: docker0 has no carrier until one starts.',
    noneUser: 'No running container is on this network.',
    container: 'Container', ip: 'IPv4 address', mac: 'MAC address', dns: 'DNS names', noIp: '(no address)',
  },
  zh: {
    network: '网络 “{name}” · 网桥 {iface}',
    userNetwork: '网络 “{name}” · 驱动 {driver}',
    subnet: '子网', gateway: '网关（docker0）', userGateway: '网关', internal: '内部网络',
    yes: '是：无法访问外部', no: '否',
    none: '没有容器接入：在第一个容器启动前 docker0 没有载波。',
    noneUser: '此网络上没有运行中的容器。',
    container: '容器', ip: 'IPv4 地址', mac: 'MAC 地址', dns: 'DNS 名称', noIp: '（无地址）',
  },
});

export function NetworkPanel(): React.JSX.Element {
  const networks = usePanel((s) => s.storage.networks);
  return (
    <>
      {networks.map((n) => (
        <NetworkSection key={n.name} net={n} />
      ))}
      <VolumesPanel />
    </>
  );
}

function prefixOf(subnet: string): string {
  const slash = subnet.indexOf('/');
  return slash < 0 ? '' : subnet.slice(slash);
}

function NetworkSection({ net }: { readonly net: NetworkView }): React.JSX.Element {
  const t = useMessages(messages);
  const containers = usePanel((s) => s.containers);
  const highlight = usePanel((s) => s.highlight);
  const { select } = usePanelActions();
  const isBridge = net.name === 'bridge';
  // A bridge lists what is attached now; host and none have no addresses, so they list every member.
  const members = net.driver === 'bridge' ? net.members.filter((m) => m.ip !== '') : net.members;
  const lit = highlight?.kind === 'network' && highlight.name === net.name;
  return (
    <section className={`network${lit ? ' is-highlighted' : ''}`} aria-label={net.name}>
      <h3 className="network-title">
        {isBridge ? t('network', { name: net.name, iface: 'docker0' }) : t('userNetwork', { name: net.name, driver: net.driver })}
      </h3>
      {net.subnet !== '' && (
        <dl className="facts">
          <dt>{t('subnet')}</dt>
          <dd>{net.subnet}</dd>
          <dt>{isBridge ? t('gateway') : t('userGateway')}</dt>
          <dd>{`${net.gateway}${prefixOf(net.subnet)}`}</dd>
          {net.userDefined && (
            <>
              <dt>{t('internal')}</dt>
              <dd>{net.internal ? t('yes') : t('no')}</dd>
            </>
          )}
        </dl>
      )}
      {members.length === 0 ? (
        <p className="panel-empty">{isBridge ? t('none') : t('noneUser')}</p>
      ) : (
        <table className="endpoints">
          <thead>
            <tr>
              <th scope="col">{t('container')}</th>
              <th scope="col">{t('ip')}</th>
              <th scope="col">{t('mac')}</th>
              {net.userDefined && <th scope="col">{t('dns')}</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((e) => {
              const view = containers[e.id];
              return (
                <tr key={e.id} className={view && isHighlightedContainer(highlight, view) ? 'is-highlighted' : undefined}>
                  <td>
                    <button type="button" className="link-button" onClick={() => select({ kind: 'container', id: e.id })}>
                      {e.name}
                    </button>
                  </td>
                  <td>{e.ip || t('noIp')}</td>
                  <td>{e.mac}</td>
                  {net.userDefined && <td>{e.dnsNames.join(', ')}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
