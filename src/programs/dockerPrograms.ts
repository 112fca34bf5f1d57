/**
 * The Docker half of the simulator as one chunk the page loads on demand: the `docker` CLI (src/cli and the
 * API client) and dockerd's core (the API router and server over the engine's operations; dockerd's own
 * start-up loads with the page, see ./dockerd/dockerd.ts). The first screen, a host shell, needs none of it;
 * see DOCKER_CHUNK in ./registry.ts.
 */
export { docker } from './docker/docker.js';
export { dockerdCore } from './dockerd/core.js';
