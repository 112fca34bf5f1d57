/**
 * Canned replies of POST /build for the CLI's build tests: BuildKit traces (v2) built with the codec, as the
 * daemon is to send them, and a fake client stream that moves a shared clock to each message's time, so the
 * display's timers and rate limits see the build's own timing.
 */
import type { BuildRequest, BuildStream, JSONMessage } from '../../../../src/cli/client.js';
import type { StatusResponse, Timestamp, Vertex, VertexLog, VertexStatus, VertexWarning } from '../../../../src/pkg/buildkit/status.js';
import { encodeStatusResponse } from '../../../../src/pkg/buildkit/statuspb.js';
import { base64Encode as encodeBase64 } from '../../../../src/pkg/base64.js';

/** 2026-11-30T…: the build's first second. */
export const T0 = 1_796_000_000;
export const ts = (ms: number): Timestamp => ({ seconds: T0 + Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 });

export interface Step {
  /** Milliseconds after T0 when the message arrives. */
  readonly at: number;
  readonly msg: JSONMessage;
}

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

export function trace(at: number, s: Partial<StatusResponse>): Step {
  const full: StatusResponse = { vertexes: [], statuses: [], logs: [], warnings: [], ...s };
  return { at, msg: { id: 'moby.buildkit.trace', aux: encodeBase64(encodeStatusResponse(full)) } };
}

export function vtx(digest: string, name: string, o: { started?: number; completed?: number; cached?: boolean; error?: string } = {}): Vertex {
  return {
    digest, inputs: [], name, cached: o.cached ?? false, error: o.error ?? '',
    ...(o.started !== undefined && { started: ts(o.started) }), ...(o.completed !== undefined && { completed: ts(o.completed) }),
  };
}

export function status(vertex: string, id: string, at: number, o: { started?: number; completed?: number; current?: number; total?: number } = {}): VertexStatus {
  return {
    id, vertex, name: '', current: o.current ?? 0, total: o.total ?? 0, timestamp: ts(at),
    ...(o.started !== undefined && { started: ts(o.started) }), ...(o.completed !== undefined && { completed: ts(o.completed) }),
  };
}

export function log(vertex: string, at: number, text: string): VertexLog {
  return { vertex, timestamp: ts(at), stream: 1, msg: bytes(text) };
}

export function warning(vertex: string, short: string, line: number, file: string, text: string): VertexWarning {
  return {
    vertex, level: 1, short: bytes(short), detail: [], url: '',
    info: { filename: file, data: bytes(text), language: 'Dockerfile' },
    ranges: [{ start: { line, character: 0 }, end: { line, character: 0 } }],
  };
}

export const IMAGE_ID = 'sha256:22d47c8cb6e5c1d3b6f45e3a2c1b0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a';

export const STATIC_WEB = `FROM ubuntu:18.04
LABEL maintainer="james@example.com"
RUN apt-get update
RUN apt-get install -y nginx
RUN echo 'Hi, I am in your container' \\
    >/var/www/html/index.html
EXPOSE 80
`;

const FROM_NAME = '[1/4] FROM docker.io/library/ubuntu:18.04@sha256:152dc042452c496007f07ca9127571cb9c29697f42acbfad72324b2bb2e43c98';
const RUN3 = "[4/4] RUN echo 'Hi, I am in your container'     >/var/www/html/index.html";

/** The steps every build of static_web starts with: definition, metadata, .dockerignore, FROM. */
function head(): Step[] {
  return [
    trace(0, { vertexes: [vtx('d1', '[internal] load build definition from Dockerfile', { started: 0 })], statuses: [status('d1', 'transferring dockerfile:', 0, { started: 0 })] }),
    trace(10, { statuses: [status('d1', 'transferring dockerfile:', 10, { started: 0, completed: 10, current: 217 })] }),
    trace(20, { vertexes: [vtx('d1', '[internal] load build definition from Dockerfile', { started: 0, completed: 20 })] }),
    trace(30, { vertexes: [vtx('d2', '[internal] load metadata for docker.io/library/ubuntu:18.04', { started: 30 })] }),
    trace(630, { vertexes: [vtx('d2', '[internal] load metadata for docker.io/library/ubuntu:18.04', { started: 30, completed: 630 })] }),
    trace(640, { vertexes: [vtx('d3', '[internal] load .dockerignore', { started: 640 })], statuses: [status('d3', 'transferring context:', 640, { started: 640 })] }),
    trace(650, {
      vertexes: [vtx('d3', '[internal] load .dockerignore', { started: 640, completed: 650 })],
      statuses: [status('d3', 'transferring context:', 650, { started: 640, completed: 650, current: 2 })],
    }),
    trace(660, { vertexes: [vtx('d4', FROM_NAME, { started: 660, completed: 660 })] }),
  ];
}

function exporting(at: number, layers: boolean): Step[] {
  const end = layers ? at + 600 : at;
  return [
    trace(at, { vertexes: [vtx('d8', 'exporting to image', { started: at })], statuses: [status('d8', 'exporting layers', at, { started: at })] }),
    trace(end, {
      vertexes: [vtx('d8', 'exporting to image', { started: at, completed: end })],
      statuses: [
        status('d8', 'exporting layers', end, { started: at, completed: end }),
        status('d8', `writing image ${IMAGE_ID}`, end, { started: end, completed: end }),
        status('d8', 'naming to docker.io/jamtur01/static_web', end, { started: end, completed: end }),
      ],
    }),
    { at: end, msg: { id: 'moby.image.id', aux: { ID: IMAGE_ID } } },
  ];
}

/** `docker build -t jamtur01/static_web .` on a fresh daemon. */
export function coldBuild(): Step[] {
  return [
    ...head(),
    trace(670, { vertexes: [vtx('d5', '[2/4] RUN apt-get update', { started: 670 })] }),
    trace(2520, { logs: [log('d5', 2520, 'Get:1 http://archive.ubuntu.com/ubuntu bionic InRelease [242 kB]\n')] }),
    trace(6220, { logs: [log('d5', 6220, 'Reading package lists...\n')] }),
    trace(8070, { vertexes: [vtx('d5', '[2/4] RUN apt-get update', { started: 670, completed: 8070 })] }),
    trace(8080, { vertexes: [vtx('d6', '[3/4] RUN apt-get install -y nginx', { started: 8080 })] }),
    trace(14905, { logs: [log('d6', 14905, 'Setting up nginx (1.14.0-0ubuntu1.11) ...\n')] }),
    trace(17180, { vertexes: [vtx('d6', '[3/4] RUN apt-get install -y nginx', { started: 8080, completed: 17180 })] }),
    trace(17190, { vertexes: [vtx('d7', RUN3, { started: 17190 })] }),
    trace(17490, { vertexes: [vtx('d7', RUN3, { started: 17190, completed: 17490 })] }),
    ...exporting(17500, true),
  ];
}

/** The same build again: every step from the cache. */
export function cachedBuild(): Step[] {
  return [
    ...head(),
    trace(670, {
      vertexes: [
        vtx('d5', '[2/4] RUN apt-get update', { started: 670, completed: 670, cached: true }),
        vtx('d6', '[3/4] RUN apt-get install -y nginx', { started: 670, completed: 670, cached: true }),
        vtx('d7', RUN3, { started: 670, completed: 670, cached: true }),
      ],
    }),
    ...exporting(680, false),
  ];
}

export const FAILED = 'process "/bin/sh -c apt-get install -y ngin" did not complete successfully: exit code: 100';

/** `RUN apt-get install -y ngin`: the step fails, the daemon ends the stream with BuildKit's error. */
export function failedBuild(): Step[] {
  const name = '[3/4] RUN apt-get install -y ngin';
  return [
    ...head(),
    trace(670, { vertexes: [vtx('d5', '[2/4] RUN apt-get update', { started: 670, completed: 670, cached: true })] }),
    trace(680, { vertexes: [vtx('d6', name, { started: 680 })] }),
    trace(900, { logs: [log('d6', 900, 'Reading package lists...\n')] }),
    trace(1560, { logs: [log('d6', 1560, 'E: Unable to locate package ngin\n')] }),
    trace(1600, { vertexes: [vtx('d6', name, { started: 680, completed: 1600, error: FAILED })] }),
    { at: 1600, msg: { errorDetail: { message: FAILED }, error: FAILED } },
  ];
}

/**
 * A fake reply: `nextMessageWithin` returns nothing (a tick) when the next message is further than `ms` away
 * on the clock, else moves the clock to it.
 */
export function cannedStream(steps: readonly Step[], clock: { now: number }, base = T0 * 1000): BuildStream {
  const queue = [...steps];
  return {
    async nextMessage() {
      const s = queue.shift();
      if (!s) return null;
      clock.now = Math.max(clock.now, base + s.at);
      return s.msg;
    },
    async nextMessageWithin(ms) {
      const s = queue[0];
      if (!s) return null;
      if (base + s.at > clock.now + ms) {
        clock.now += ms;
        return undefined;
      }
      queue.shift();
      clock.now = Math.max(clock.now, base + s.at);
      return s.msg;
    },
    close() {},
  };
}

/** What the fake client saw of a build request. */
export function describeRequest(req: BuildRequest): string {
  return JSON.stringify({ query: req.query, headers: req.headers, bytes: req.body.length });
}
