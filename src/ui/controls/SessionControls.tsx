/** Everything the header carries for the session: terminal tabs, time, session menu, notices. */
import { useStore } from 'zustand';
import './controls.css';
import { Notices } from './Notices.js';
import { pageControls } from './pageControls.js';
import { SessionMenu } from './SessionMenu.js';
import { TerminalTabs } from './TerminalTabs.js';
import { TimeControls } from './TimeControls.js';

export function SessionControls(): React.JSX.Element | null {
  const controls = useStore(pageControls, (s) => s.controls);
  if (!controls) return <Notices />;
  return (
    <>
      <TerminalTabs deck={controls.deck} />
      <TimeControls controls={controls} />
      <SessionMenu controls={controls} />
      <Notices />
    </>
  );
}
