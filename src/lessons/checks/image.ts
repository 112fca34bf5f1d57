import { familiarString, parseNormalizedNamed } from '../../pkg/reference.js';
import { int, str } from './fields.js';
import { say, type Said } from './said.js';
import { defineCheck, type ImageCheck } from './types.js';

type Config = {
  readonly Labels?: Record<string, string> | null;
  readonly Env?: readonly string[] | null;
  readonly Cmd?: readonly string[] | null;
  readonly Entrypoint?: readonly string[] | null;
  readonly ExposedPorts?: Record<string, unknown> | null;
  readonly User?: string;
  readonly WorkingDir?: string;
};

/** `KEY=value` matches that pair, `KEY` any value. */
function pairIn(want: string, pairs: ReadonlyMap<string, string>): boolean {
  const eq = want.indexOf('=');
  if (eq < 0) return pairs.has(want);
  return pairs.get(want.slice(0, eq)) === want.slice(eq + 1);
}

/** An argv as the author wrote it: `["nginx","-g","daemon off;"]` exactly, or `nginx -g daemon off;` word by word. */
function argvIs(want: string, argv: readonly string[] | null | undefined): boolean {
  const have = argv ?? [];
  if (want.trimStart().startsWith('[')) {
    try {
      return JSON.stringify(JSON.parse(want)) === JSON.stringify(have);
    } catch {
      return false;
    }
  }
  return have.join(' ') === want;
}

function show(argv: readonly string[] | null | undefined): string {
  return argv && argv.length > 0 ? JSON.stringify(argv) : '[]';
}

/**
 * The reference resolves in the local image store, as `docker image inspect REF` would find it; with the other
 * fields, its config holds what they say (what `docker image inspect -f '{{.Config…}}'` shows).
 */
export const imageCheck = defineCheck<ImageCheck>({
  kind: 'image',
  schema: {
    fields: { ref: str, layers: int(1), label: str, env: str, cmd: str, entrypoint: str, exposes: str, user: str, workdir: str },
    required: ['ref'],
    refine(v) {
      try {
        parseNormalizedNamed(String(v.ref));
      } catch {
        return `image.ref: invalid reference format: ${JSON.stringify(v.ref)}`;
      }
      for (const f of ['cmd', 'entrypoint'] as const) {
        const text = v[f];
        if (typeof text === 'string' && text.trimStart().startsWith('[')) {
          try {
            if (!Array.isArray(JSON.parse(text))) return `image.${f}: a JSON value that is not an array: ${text}`;
          } catch {
            return `image.${f}: not valid JSON: ${text}`;
          }
        }
      }
      if (typeof v.exposes === 'string' && !/^\d+(\/(tcp|udp|sctp))?$/.test(v.exposes)) {
        return `image.exposes: expected PORT or PORT/PROTO (80, 53/udp), got ${JSON.stringify(v.exposes)}`;
      }
      return undefined;
    },
  },
  evaluate(k, { machine }) {
    const img = machine.query.findImage(k.ref);
    if (!img) {
      const tags = machine.query.images().flatMap((i) => i.repoTags);
      return {
        holds: false,
        found: tags.length > 0 ? say('images', { tags }) : say('noImages', { ref: familiarString(parseNormalizedNamed(k.ref)) }),
      };
    }
    const json = machine.query.imageInspect(img.id) as { Config?: Config; RootFS?: { Layers?: readonly string[] } } | undefined;
    const config = json?.Config ?? {};
    const ref = k.ref;
    const field = (name: string, value: string): Said => say('imageField', { ref, field: name, value });
    const env = new Map((config.Env ?? []).map((e) => {
      const eq = e.indexOf('=');
      return eq < 0 ? [e, ''] : [e.slice(0, eq), e.slice(eq + 1)];
    }));
    const tests: Array<[boolean, () => Said]> = [];
    if (k.layers !== undefined) {
      const n = json?.RootFS?.Layers?.length ?? 0;
      tests.push([n === k.layers, () => field('layers', String(n))]);
    }
    if (k.label !== undefined) {
      const labels = config.Labels ?? {};
      tests.push([pairIn(k.label, new Map(Object.entries(labels))), () => field('Labels', JSON.stringify(labels))]);
    }
    if (k.env !== undefined) tests.push([pairIn(k.env, env), () => field('Env', JSON.stringify(config.Env ?? []))]);
    if (k.cmd !== undefined) tests.push([argvIs(k.cmd, config.Cmd), () => field('Cmd', show(config.Cmd))]);
    if (k.entrypoint !== undefined) tests.push([argvIs(k.entrypoint, config.Entrypoint), () => field('Entrypoint', show(config.Entrypoint))]);
    if (k.exposes !== undefined) {
      const ports = Object.keys(config.ExposedPorts ?? {});
      const want = k.exposes.includes('/') ? k.exposes : `${k.exposes}/tcp`;
      tests.push([ports.includes(want), () => field('ExposedPorts', ports.join(' ') || '{}')]);
    }
    if (k.user !== undefined) tests.push([(config.User ?? '') === k.user, () => field('User', JSON.stringify(config.User ?? ''))]);
    if (k.workdir !== undefined) tests.push([(config.WorkingDir ?? '') === k.workdir, () => field('WorkingDir', JSON.stringify(config.WorkingDir ?? ''))]);
    const failed = tests.find(([ok]) => !ok);
    if (failed) return { holds: false, found: failed[1]() };
    if (tests.length > 0) return { holds: true, found: tests[tests.length - 1][1]() };
    return { holds: true, found: say('images', { tags: machine.query.images().flatMap((i) => i.repoTags) }) };
  },
});
