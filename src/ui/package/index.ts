/** The npm package's browser entry (`import { DockerSim } from 'dockersim'`). */
export { DockerSim } from './DockerSim.js';
export type { DockerSimProps } from './props.js';
