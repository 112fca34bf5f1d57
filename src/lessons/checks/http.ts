import { utf8Decode } from '../../engine/kernel/utf8.js';
import type { HttpRequest } from '../../machine/preview.js';
import { int, str } from './fields.js';
import { say } from './said.js';
import { defineCheck, type HttpCheck } from './types.js';

type Bindings = Record<string, ReadonlyArray<{ readonly HostIp: string; readonly HostPort: string }> | null>;

/** Who asks: the learner reads `docker logs`, and a check's request should say what it is. */
const USER_AGENT = 'dockersim-lesson-check/1.0';

/**
 * A port answers: a GET through the host's port (the container's published one, or `host`), as `curl
 * localhost:PORT/path` on the host sends it, with that status and text. The request changes the machine (the
 * server accepts and logs it), so the check does not send it: it reads the last answer the lesson's prober got
 * (lessons/probe.ts) and says it wants one; the runner and the replay send it when the step's other checks hold.
 */
export const httpCheck = defineCheck<HttpCheck>({
  kind: 'http',
  schema: {
    fields: { container: str, port: str, host: int(1), path: str, status: int(100), contains: str },
    refine(v) {
      if ((v.container === undefined) === (v.host === undefined)) return 'http: give either `container` (with `port`) or `host`';
      if (v.host !== undefined && v.port !== undefined) return 'http: `port` is the container\'s; with `host` there is none';
      if (typeof v.port === 'string' && !/^\d+(\/tcp)?$/.test(v.port)) return `http.port: expected PORT or PORT/tcp (80), got ${JSON.stringify(v.port)}`;
      if (typeof v.path === 'string' && !v.path.startsWith('/')) return `http.path: expected a path starting with /, got ${JSON.stringify(v.path)}`;
      return undefined;
    },
  },
  evaluate(k, { machine, probes }) {
    let port = k.host;
    let address = '127.0.0.1';
    if (k.container !== undefined) {
      const c = machine.query.findContainer(k.container);
      if (!c) return { holds: false, found: say('noContainer', { name: k.container }) };
      const json = machine.query.inspect(c.ID) as { NetworkSettings?: { Ports?: Bindings } } | undefined;
      const want = (k.port ?? '80').replace(/\/tcp$/, '') + '/tcp';
      // The IPv4 binding, as the preview's port link picks it: a port published on one address is asked there.
      const b = (json?.NetworkSettings?.Ports?.[want] ?? []).find((x) => !x.HostIp.includes(':'));
      if (!b) return { holds: false, found: say('notPublished', { name: k.container, port: want }) };
      port = Number(b.HostPort);
      if (b.HostIp !== '0.0.0.0' && b.HostIp !== '') address = b.HostIp;
    }
    const path = k.path ?? '/';
    const req: HttpRequest = { method: 'GET', address, port: port!, path, headers: [['User-Agent', USER_AGENT], ['Accept', '*/*']] };
    const url = `${address === '127.0.0.1' ? 'localhost' : address}:${port}${path}`;
    const answer = probes?.answer(req);
    if (!probes) return { holds: false, found: say('httpNoProbe', { url }) };
    if (!answer) return { holds: false, found: say('httpWaiting', { url }) };
    if (!answer.ok) return { holds: false, found: say('httpFailed', { url, message: answer.message }) };
    const status = k.status ?? 200;
    const body = utf8Decode(answer.body);
    const holds = answer.status === status && (k.contains === undefined || body.includes(k.contains));
    if (k.contains !== undefined && answer.status === status && !holds) {
      return { holds, found: say('httpLacks', { url, status: answer.status, text: JSON.stringify(k.contains) }) };
    }
    return { holds, found: say('httpAnswered', { url, status: answer.status }) };
  },
});
