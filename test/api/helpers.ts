/** Test helpers: a fake backend (one function per method, each throwing until a test sets it) and an in-memory exchange. */
import { DaemonError } from '../../src/pkg/errdefs.js';
import { RequestParser } from '../../src/api/http/parser.js';
import type { EngineBackend } from '../../src/api/router/index.js';
import { engineRouter } from '../../src/api/router/index.js';
import type { RawStream, Waiter } from '../../src/api/server/types.js';
import { HttpResponseWriter } from '../../src/api/server/writer.js';
import { bytesFromArray } from '../../src/api/bytes.js';

export const NOW_MS = Date.UTC(2026, 10, 28, 9, 0, 0);

export function fakeBackend(overrides: Partial<EngineBackend> = {}): EngineBackend {
  const unset = (name: string) => () => {
    throw new DaemonError('NotImplemented', `fake: ${name} not set`);
  };
  const names = [
    'systemVersion', 'systemInfo', 'subscribeEvents', 'nowNs', 'containerCreate', 'containerKill', 'containerPause',
    'containerUnpause', 'containerRename', 'containerResize', 'containerRestart', 'containerRm', 'containerStart',
    'containerStop', 'containerWait', 'containers', 'containerInspect', 'containerTop', 'containerChanges',
    'containerLogs', 'containerStats', 'containerAttach', 'containerExecCreate', 'containerExecInspect',
    'containerExecResize', 'execExists', 'containerExecStart', 'images', 'imageInspect', 'imageDelete', 'imageSearch',
    'imagePull',
  ];
  const b: Record<string, unknown> = {};
  for (const n of names) b[n] = unset(n);
  return { ...(b as unknown as EngineBackend), ...overrides };
}

/** A Waiter outside the kernel: plain promises are fine here. */
export function memoryWaiter(): Waiter & { gone: boolean } {
  let kick: (() => void) | null = null;
  const w = {
    gone: false,
    wake(): void {
      const k = kick;
      kick = null;
      k?.();
    },
    async until(cond: () => boolean): Promise<void> {
      while (!cond()) await new Promise<void>((r) => (kick = r));
    },
    clientGone: (): boolean => w.gone,
  };
  return w;
}

/** Runs raw request bytes through the engine router; returns every byte the server wrote. */
export async function exchange(backend: EngineBackend, request: string): Promise<string> {
  const router = engineRouter(backend);
  const parser = new RequestParser();
  parser.push(request);
  let out = '';
  const waiter = memoryWaiter();
  for (let req = parser.next(); req; req = parser.next()) {
    const transport = {
      send: async (b: string | Uint8Array) => void (out += typeof b === 'string' ? b : bytesFromArray(b)),
      raw: (): RawStream => ({
        write: async (b: string) => void (out += b),
        read: async () => null,
        readAvailable: () => null,
        hasInput: () => true,
        closeWrite: () => undefined,
      }),
    };
    const w = new HttpResponseWriter(req, transport, () => NOW_MS);
    await router.serve(req, w, waiter);
    await w.finish();
    if (w.hijacked) break;
  }
  return out;
}

export const HEADERS = 'Api-Version: 1.50\r\nDocker-Experimental: false\r\nOstype: linux\r\nServer: Docker/28.2.2 (linux)\r\n';
export const DATE = 'Date: Sat, 28 Nov 2026 09:00:00 GMT\r\n';
