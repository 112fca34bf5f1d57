/**
 * Node globals some dependencies expect, installed before anything else runs (imported first by main.tsx).
 * `Buffer` is the real `buffer` package: memfs captures `Buffer.allocUnsafe` when it loads.
 */
import { Buffer } from 'buffer';
import browserProcess from './process.js';

const g = globalThis as unknown as Record<string, unknown>;
g.process ??= browserProcess;
g.Buffer ??= Buffer;
