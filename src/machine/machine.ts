/**
 * The simulated host (host.ts) with Docker's read model loaded, so `machine.query` is there from boot: what
 * Node, the tests and the lesson tools use. A page imports host.ts and loads the read model when needed.
 */
import './daemonQuery.js';

export * from './host.js';
