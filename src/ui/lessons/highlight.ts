/**
 * What a step is about, for the daemon panel to point at: the first container, image or network its checks
 * name. A step that names nothing (a `ran` or `env` check) points at nothing.
 */
import type { Step } from '../../lessons/index.js';
import type { Highlight } from '../store/panelStore.js';

export function highlightOf(step: Step): Highlight | null {
  for (const { check } of step.checks) {
    if (check.not) continue;
    switch (check.kind) {
      case 'container':
        if (check.name) return { kind: 'container', name: check.name };
        break;
      case 'log':
      case 'file':
      case 'process':
        return { kind: 'container', name: check.container };
      case 'foreground':
        if (check.container && check.container !== 'any') return { kind: 'container', name: check.container };
        break;
      case 'image':
        return { kind: 'image', name: check.ref };
      default:
        break;
    }
  }
  for (const { check } of step.checks) {
    if (check.kind === 'container' && check.image && !check.not) return { kind: 'image', name: check.image };
  }
  return null;
}
