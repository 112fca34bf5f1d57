/**
 * A subscription or resource its owner releases (xterm.js's IDisposable, VS Code's Disposable): the kernel's
 * tty listeners, the daemon's event and log followers, the UI's terminal links and timers all hand one back.
 */
export interface Disposable {
  dispose(): void;
}
