/**
 * `<DockerSim>`: one terminal on a simulated host of its own, in a React page. This module is small and safe
 * to import where there is no DOM (server rendering): the simulator itself (the machine, xterm.js, the panels)
 * is in a chunk loaded when the component mounts, and the Docker half and the lessons only when a command or
 * a lesson needs them. Every instance has its own machine, terminal, daemon view and lesson.
 */
import { lazy, Suspense } from 'react';
import { DEFAULT_HEIGHT, type DockerSimProps } from './props.js';

const Simulator = lazy(() => import('./Simulator.js'));

function cssHeight(h: number | string | undefined): string {
  if (typeof h === 'number' && Number.isFinite(h) && h > 0) return `${h}px`;
  if (typeof h === 'string' && h.trim() !== '') return /^\d+(\.\d+)?$/.test(h.trim()) ? `${h.trim()}px` : h;
  return DEFAULT_HEIGHT;
}

export function DockerSim(props: DockerSimProps): React.JSX.Element {
  return (
    <div className={props.className ? `dockersim ${props.className}` : 'dockersim'} style={{ height: cssHeight(props.height) }}>
      <Suspense fallback={null}>
        <Simulator {...props} />
      </Suspense>
    </div>
  );
}
