/** Shows the session's terminal, filling its box. */
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import type { TerminalScreen } from './terminalScreen.js';

export interface TerminalViewProps {
  readonly screen: TerminalScreen;
}

export function TerminalView({ screen }: TerminalViewProps): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => screen.attach(box.current!), [screen]);
  return <div className="terminal-box" ref={box} />;
}
