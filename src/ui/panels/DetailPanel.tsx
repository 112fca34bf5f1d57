/**
 * The selected item in detail. A container: its process tree (host PID beside the PID inside it), a live tail
 * of its log, `docker diff`, its events and `docker inspect`; an image: `docker image inspect`. Every value is
 * a text node: log lines and commands are the container's own untrusted text. Nothing here scrolls by itself:
 * the details scroll as one (DaemonPanel), so a section is never a slit.
 */
import { memo, useMemo } from 'react';
import { defineMessages, useMessages } from '../i18n.js';
import type { ChangeView, ContainerDetail, ListView, LogLineView, ProcessView } from '../store/snapshot/types.js';
import { shortDigest } from './format.js';
import { EventRow } from './EventsPanel.js';
import { JsonTree } from './JsonTree.js';
import { usePanel, usePanelActions } from './usePanel.js';

const messages = defineMessages({
  en: {
    container: 'Container {name}', image: 'Image {name}', close: 'Close details',
    processes: 'Processes', hostPid: 'Host PID', pid: 'PID', ppid: 'PPID', uid: 'UID', cmd: 'Command',
    noProcesses: 'Not running: no processes.',
    changes: 'Changes (docker diff)', noChanges: 'No changes to the image’s files.',
    logs: 'Logs (last {n} lines)', noLogs: 'Nothing logged yet.',
    inspect: 'docker inspect', omitted: '… {n} more',
    events: 'Events (docker events)', noEvents: 'No events seen for it.',
  },
  zh: {
    container: '容器 {name}', image: '镜像 {name}', close: '关闭详情',
    processes: '进程', hostPid: '宿主机 PID', pid: 'PID', ppid: 'PPID', uid: 'UID', cmd: '命令',
    noProcesses: '未运行：没有进程。',
    changes: '文件变化（docker diff）', noChanges: '镜像的文件没有变化。',
    logs: '日志（最后 {n} 行）', noLogs: '还没有日志。',
    inspect: 'docker inspect', omitted: '……还有 {n} 项',
    events: '事件（docker events）', noEvents: '没有它的事件。',
  },
});

const Processes = memo(function Processes({ list }: { list: ListView<ProcessView> }): React.JSX.Element {
  const t = useMessages(messages);
  if (list.items.length === 0) return <p className="panel-empty">{t('noProcesses')}</p>;
  return (
    <table className="procs">
      <thead>
        <tr>
          <th scope="col">{t('hostPid')}</th>
          <th scope="col">{t('pid')}</th>
          <th scope="col">{t('ppid')}</th>
          <th scope="col">{t('uid')}</th>
          <th scope="col">{t('cmd')}</th>
        </tr>
      </thead>
      <tbody>
        {list.items.map((p) => (
          <tr key={p.hostPid}>
            <td>{p.hostPid}</td>
            <td>{p.nsPid}</td>
            <td>{p.nsPpid}</td>
            <td>{p.user}</td>
            <td className="procs-cmd" style={{ paddingLeft: `${0.4 + p.depth}em` }}>
              {p.depth > 0 ? '└ ' : ''}
              {p.command}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

const Changes = memo(function Changes({ list }: { list: ListView<ChangeView> }): React.JSX.Element {
  const t = useMessages(messages);
  if (list.items.length === 0) return <p className="panel-empty">{t('noChanges')}</p>;
  return (
    <ul className="changes">
      {list.items.map((c) => (
        <li key={`${c.kind}${c.path}`} className={`change-${c.kind}`}>
          <span className="change-kind">{c.kind}</span> {c.path}
        </li>
      ))}
      {list.omitted > 0 && <li>{t('omitted', { n: list.omitted })}</li>}
    </ul>
  );
});

const Logs = memo(function Logs({ list }: { list: ListView<LogLineView> }): React.JSX.Element {
  const t = useMessages(messages);
  if (list.items.length === 0) return <p className="panel-empty">{t('noLogs')}</p>;
  return (
    <ol className="logs">
      {list.items.map((l) => (
        <li key={l.key} className={`log-${l.stream}`}>
          {l.text}
        </li>
      ))}
    </ol>
  );
});

/** This container's events from the timeline, newest first. */
function ContainerEvents({ id }: { id: string }): React.JSX.Element {
  const t = useMessages(messages);
  const all = usePanel((s) => s.events);
  const mine = useMemo(() => all.filter((e) => e.id === id), [all, id]);
  if (mine.length === 0) return <p className="panel-empty">{t('noEvents')}</p>;
  return (
    <ol className="events">
      {mine.map((e) => (
        <EventRow key={e.key} e={e} />
      ))}
    </ol>
  );
}

function ContainerSections({ d }: { d: ContainerDetail }): React.JSX.Element {
  const t = useMessages(messages);
  return (
    <>
      <details open className="detail-section">
        <summary>{t('processes')}</summary>
        <Processes list={d.processes} />
      </details>
      <details open className="detail-section">
        <summary>{t('logs', { n: d.logs.items.length })}</summary>
        <Logs list={d.logs} />
      </details>
      <details open className="detail-section">
        <summary>{t('changes')}</summary>
        <Changes list={d.changes} />
      </details>
      <details open className="detail-section">
        <summary>{t('events')}</summary>
        <ContainerEvents id={d.id} />
      </details>
    </>
  );
}

export function DetailPanel(): React.JSX.Element | null {
  const t = useMessages(messages);
  const detail = usePanel((s) => s.detail);
  const name = usePanel((s) => {
    const d = s.detail;
    if (!d) return '';
    if (d.kind === 'container') return s.containers[d.id]?.name ?? shortDigest(d.id);
    return s.images.images.find((i) => i.id === d.id)?.tags[0] ?? shortDigest(d.id);
  });
  const { select } = usePanelActions();
  if (!detail) return null;
  return (
    <section className="detail" aria-label={t(detail.kind === 'container' ? 'container' : 'image', { name })}>
      <header className="detail-header">
        <h3>{t(detail.kind === 'container' ? 'container' : 'image', { name })}</h3>
        <button type="button" className="icon-button" aria-label={t('close')} title={t('close')} onClick={() => select(null)}>
          ×
        </button>
      </header>
      {detail.kind === 'container' && <ContainerSections d={detail} />}
      <details className="detail-section">
        <summary>{t('inspect')}</summary>
        <JsonTree value={detail.inspect} />
      </details>
    </section>
  );
}
