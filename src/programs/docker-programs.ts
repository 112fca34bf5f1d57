/**
 * The Docker half of the simulator as one chunk the page loads on demand: the `docker` CLI (src/cli and the
 * API client) and `dockerd` (the API router and server over the engine's operations). The first screen, a
 * host shell, needs none of it; see DOCKER_CHUNK in ./registry.ts.
 */
export { docker } from './docker/docker.js';
export { makeDockerd } from './dockerd/dockerd.js';
