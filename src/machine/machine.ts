/**
 * The simulated host (host.ts) with Docker's read model and the code no boot runs (late.ts) loaded, so
 * `machine.query` is there from boot and a machine never waits: what Node, the tests and the lesson tools use.
 * A page imports host.ts and loads both when needed.
 */
import './daemonQuery.js';
import './late.js';

export * from './host.js';
