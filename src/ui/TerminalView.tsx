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
  // Strict containment: xterm measures each new glyph's width (a forced layout each), and the page around the
  // terminal need not be laid out again for any of them.
  return <div className="terminal-box" style={{ contain: 'strict' }} ref={box} />;
}
