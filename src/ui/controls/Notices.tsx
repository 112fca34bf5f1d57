/** Notices from the persistence code (a saved session set aside, a journal too large…), dismissable. */
import { useStore } from 'zustand';
import { defineMessages, useMessages } from '../i18n.js';
import { dismiss, noticeStore } from '../persist/notices.js';

const messages = defineMessages({
  en: {
    setAside: 'The saved session could not be restored ({reason}). It was set aside (IndexedDB key “{key}”) and a new session started.',
    linkBad: 'The shared session link could not be replayed ({reason}). A new session started; the link was kept (IndexedDB key “{key}”).',
    importBad: 'That file is not a dockersim session ({reason}).',
    journalLarge: 'This session has {count} recorded inputs: reloading it replays them all and gets slower. Reset to start fresh.',
    journalFull: 'This session is too long to keep saving ({count} inputs): a reload returns to the last save. Reset to start fresh.',
    saveFailed: 'The session could not be saved ({reason}).',
    simStopped: 'The simulation stopped on an internal error ({reason}). Export the session and reset.',
    dismiss: 'Dismiss',
  },
  zh: {
    setAside: '无法恢复已保存的会话（{reason}）。它已另存（IndexedDB 键“{key}”），并开始了新会话。',
    linkBad: '无法重放分享的会话链接（{reason}）。已开始新会话；链接已另存（IndexedDB 键“{key}”）。',
    importBad: '该文件不是 dockersim 会话（{reason}）。',
    journalLarge: '本会话已记录 {count} 次输入：重新加载时要全部重放，会越来越慢。可以重置以重新开始。',
    journalFull: '本会话过长，已停止保存（{count} 次输入）：重新加载会回到上次保存的状态。可以重置以重新开始。',
    saveFailed: '无法保存会话（{reason}）。',
    simStopped: '模拟因内部错误而停止（{reason}）。请导出会话并重置。',
    dismiss: '关闭',
  },
});

export function Notices(): React.JSX.Element | null {
  const t = useMessages(messages);
  const notices = useStore(noticeStore, (s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role="alert">
          <span>{t(n.kind, n.vars)}</span>
          <button type="button" aria-label={t('dismiss')} title={t('dismiss')} onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
