/**
 * Volumes as `docker volume ls` lists them, each with the containers that mount it and where (inspect's
 * Mounts), then every container's bind mounts: host path → container path, read-only or not.
 */
import { defineMessages, useMessages } from '../i18n.js';
import { usePanel, usePanelActions } from './usePanel.js';

const messages = defineMessages({
  en: {
    volumes: 'Volumes', binds: 'Bind mounts',
    noVolumes: 'No volume yet: `docker volume create` or `-v name:/path` makes one.',
    volume: 'Volume', container: 'Container', path: 'Path in the container', hostPath: 'Host path',
    mode: 'Mode', anonymous: 'anonymous', unused: '(not mounted)',
  },
  zh: {
    volumes: '数据卷', binds: '绑定挂载',
    noVolumes: '还没有数据卷：`docker volume create` 或 `-v 名称:/路径` 会创建一个。',
    volume: '数据卷', container: '容器', path: '容器内路径', hostPath: '主机路径',
    mode: '模式', anonymous: '匿名', unused: '（未挂载）',
  },
});

export function VolumesPanel(): React.JSX.Element {
  const t = useMessages(messages);
  const volumes = usePanel((s) => s.storage.volumes);
  const binds = usePanel((s) => s.storage.binds);
  const { select } = usePanelActions();
  const containerLink = (id: string, name: string) => (
    <button type="button" className="link-button" onClick={() => select({ kind: 'container', id })}>
      {name}
    </button>
  );
  return (
    <>
      <section className="network volumes" aria-label={t('volumes')}>
        <h3 className="network-title">{t('volumes')}</h3>
        {volumes.length === 0 ? (
          <p className="panel-empty">{t('noVolumes')}</p>
        ) : (
          <table className="mounts">
            <thead>
              <tr>
                <th scope="col">{t('volume')}</th>
                <th scope="col">{t('container')}</th>
                <th scope="col">{t('path')}</th>
                <th scope="col">{t('mode')}</th>
              </tr>
            </thead>
            <tbody>
              {volumes.flatMap((v) => {
                // An anonymous volume's 64-hex name, shortened as `docker ps` shortens IDs.
                const name = (
                  <td rowSpan={Math.max(1, v.usedBy.length)} title={v.mountpoint}>
                    {v.anonymous ? `${v.name.slice(0, 12)} (${t('anonymous')})` : v.name}
                  </td>
                );
                if (v.usedBy.length === 0) {
                  return [
                    <tr key={v.name}>
                      {name}
                      <td colSpan={3}>{t('unused')}</td>
                    </tr>,
                  ];
                }
                return v.usedBy.map((u, i) => (
                  <tr key={`${v.name}\0${u.containerId}\0${u.destination}`}>
                    {i === 0 && name}
                    <td>{containerLink(u.containerId, u.containerName)}</td>
                    <td>{u.destination}</td>
                    <td>{u.rw ? 'rw' : 'ro'}</td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        )}
      </section>
      {binds.length > 0 && (
        <section className="network binds" aria-label={t('binds')}>
          <h3 className="network-title">{t('binds')}</h3>
          <table className="mounts">
            <thead>
              <tr>
                <th scope="col">{t('container')}</th>
                <th scope="col">{t('hostPath')}</th>
                <th scope="col">{t('path')}</th>
                <th scope="col">{t('mode')}</th>
              </tr>
            </thead>
            <tbody>
              {binds.map((b) => (
                <tr key={`${b.containerId}\0${b.destination}`}>
                  <td>{containerLink(b.containerId, b.containerName)}</td>
                  <td>{b.source}</td>
                  <td>{b.destination}</td>
                  <td>{b.rw ? 'rw' : 'ro'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
