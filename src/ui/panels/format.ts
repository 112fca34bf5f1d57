/** Small text helpers the panels share; sizes use the CLI's own go-units port, so they read as `docker images`. */
export { humanSize3 as formatBytes } from '../../pkg/units.js';

/** `sha256:abcdef…` → the 12 hex digits Docker shows. */
export function shortDigest(d: string): string {
  return d.replace(/^sha256:/, '').slice(0, 12);
}
