/**
 * The list endpoints' filters against moby's semantics (daemon/list.go, daemon/images/image_list.go,
 * daemon/events/filter.go): each filter on a small fleet, the error texts, and a property that `ps`'s
 * answer is exactly the containers a plain reading of the filters picks.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventFilter } from '../../../src/engine/daemon/eventsFilter.js';
import type { EventMessage } from '../../../src/engine/daemon/events.js';
import { FilterArgs } from '../../../src/engine/daemon/filters.js';
import { BadPattern, pathMatch } from '../../../src/engine/daemon/images/pathmatch.js';
import { boot, inDaemon, type Harness } from './harness.js';

type Filters = Record<string, string[]>;
interface Row { Id: string; Names: string[] }

const names = (rows: unknown[]): string[] => (rows as Row[]).map((r) => r.Names[0].slice(1));
const errOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return `${(e as { kind?: string }).kind}: ${(e as Error).message}`;
  }
  return 'no error';
};

interface Fleet {
  readonly h: Harness;
  readonly ids: Record<string, string>;
}

/** Oldest first: web (running), db (running, ubuntu), done (exited 3), fresh (created), nap (paused). */
async function fleet(): Promise<Fleet> {
  const h = boot();
  const ids = await inDaemon(h, async (d, sys) => {
    const out: Record<string, string> = {};
    const make = async (name: string, image: string, cmd: string[], labels: Record<string, string> = {}): Promise<string> => {
      out[name] = d.containerCreate({ Image: image, Cmd: cmd, Labels: labels }, {}, name).Id;
      await sys.sleep(1000);
      return out[name];
    };
    await d.containerStart(await make('web', 'busybox', ['sleep', '1000'], { app: 'web', tier: 'front' }));
    await d.containerStart(await make('db', 'ubuntu', ['sleep', '1000'], { app: 'db' }));
    await d.containerStart(await make('done', 'busybox', ['sh', '-c', 'exit 3']));
    await d.containerWait('done', 'not-running');
    await make('fresh', 'busybox', ['true'], { tier: '' });
    await d.containerStart(await make('nap', 'busybox', ['sleep', '1000']));
    d.containerPause('nap');
    return out;
  });
  return { h, ids };
}

describe('ps filters (GET /containers/json)', () => {
  let f: Fleet;
  const ps = (filters: Filters, all = true): Promise<string[]> =>
    inDaemon(f.h, async (d) => names(d.containerList({ all, filters })));
  const psErr = (filters: Filters): Promise<string> => inDaemon(f.h, async (d) => errOf(() => d.containerList({ all: true, filters })));

  beforeAll(async () => {
    f = await fleet();
  });

  it('label, before, since, ancestor, exited, network, health, is-task, isolation, volume, publish/expose', async () => {
    expect(await ps({})).toEqual(['nap', 'fresh', 'done', 'db', 'web']);
    expect(await ps({ label: ['app'] })).toEqual(['db', 'web']);
    expect(await ps({ label: ['app=web'] })).toEqual(['web']);
    expect(await ps({ label: ['app', 'tier=front'] })).toEqual(['web']);
    expect(await ps({ label: ['tier='] })).toEqual(['fresh']);
    expect(await ps({ before: ['done'] })).toEqual(['db', 'web']);
    expect(await ps({ before: ['done'] }, false)).toEqual(['db', 'web']);
    expect(await ps({ since: ['done'] })).toEqual(['nap', 'fresh']);
    expect(await ps({ since: ['done'] }, false)).toEqual(['nap']);
    expect(await ps({ since: [f.ids.db] })).toEqual(['nap', 'fresh', 'done']);
    expect(await ps({ ancestor: ['busybox'] })).toEqual(['nap', 'fresh', 'done', 'web']);
    expect(await ps({ ancestor: ['ubuntu:latest'] })).toEqual(['db']);
    expect(await ps({ ancestor: ['nginx'] })).toEqual([]);
    expect(await ps({ exited: ['3'] })).toEqual(['done']);
    expect(await ps({ exited: ['0'] })).toEqual([]);
    expect(await ps({ network: ['bridge'] })).toEqual(['nap', 'fresh', 'done', 'db', 'web']);
    expect(await ps({ network: ['host'] })).toEqual([]);
    expect(await ps({ health: ['none'] })).toEqual(['nap', 'fresh', 'done', 'db', 'web']);
    expect(await ps({ health: ['healthy'] })).toEqual([]);
    expect(await ps({ 'is-task': ['false'] })).toEqual(['nap', 'fresh', 'done', 'db', 'web']);
    expect(await ps({ 'is-task': ['1'] })).toEqual([]);
    expect(await ps({ isolation: ['default'] })).toEqual(['nap', 'fresh', 'done', 'db', 'web']);
    expect(await ps({ volume: ['/data'] })).toEqual([]);
    expect(await ps({ publish: ['80'] })).toEqual([]);
    expect(await ps({ expose: ['8000-8010/udp'] })).toEqual([]);
    expect(await ps({ status: ['paused'] }, false)).toEqual(['nap']);
    expect(await ps({ id: [f.ids.db.slice(0, 5)] })).toEqual(['db']);
    expect(await ps({ name: ['^d'] })).toEqual(['done', 'db']);
    // The walk is over the name matches only: a `before` container they leave out is never reached.
    expect(await ps({ name: ['^d'], before: ['web'] })).toEqual([]);
  });

  it('refuses what moby refuses, in its words', async () => {
    expect(await psErr({ foo: ['1'] })).toBe("InvalidParameter: invalid filter 'foo'");
    expect(await psErr({ status: ['up'] })).toBe("InvalidParameter: invalid filter 'status=up': invalid value for state (up): must be one of created, running, paused, restarting, removing, exited, dead");
    expect(await psErr({ health: ['ok'] })).toBe("InvalidParameter: invalid filter 'health=ok': invalid value for health (ok): must be one of none, starting, healthy, unhealthy");
    expect(await psErr({ exited: ['x'] })).toBe(`InvalidParameter: invalid filter 'exited=x': strconv.Atoi: parsing "x": invalid syntax`);
    expect(await psErr({ 'is-task': ['maybe'] })).toBe("InvalidParameter: invalid filter 'is-task=[maybe]'");
    expect(await psErr({ 'is-task': ['true', 'false'] })).toBe("InvalidParameter: invalid filter 'is-task=[false true]'");
    expect(await psErr({ before: ['nosuch'] })).toBe('NotFound: No such container: nosuch');
    // Only a full ID or a name: moby's view.Get is an exact lookup.
    expect(await psErr({ since: [f.ids.web.slice(0, 12)] })).toBe(`NotFound: No such container: ${f.ids.web.slice(0, 12)}`);
    expect(await psErr({ publish: ['80:80'] })).toBe("System: filter for 'publish' should not contain ':': 80:80");
    expect(await psErr({ publish: ['abc'] })).toBe(`System: error while looking up for publish abc: strconv.ParseUint: parsing "abc": invalid syntax`);
    expect(await psErr({ expose: ['90-80'] })).toBe('System: error while looking up for expose 90-80: invalid range specified for port: 90-80');
    expect(await psErr({ expose: ['70000'] })).toBe(`System: error while looking up for expose 70000: strconv.ParseUint: parsing "70000": value out of range`);
  });

  it('lists exactly the containers a plain reading of the filters picks (property)', async () => {
    const all = await inDaemon(f.h, async (d) => d.containerList({ all: true }) as unknown as Array<Row & { Labels: Record<string, string>; State: string; Image: string }>);
    const exitCodes: Record<string, number | null> = { done: 3 };
    const images: Record<string, string> = { db: 'ubuntu' };
    const pools = {
      label: ['app', 'app=web', 'app=db', 'tier', 'tier=front', 'nope'],
      status: ['created', 'running', 'paused', 'exited'],
      name: ['web', 'db', 'o', '^n', 'zzz'],
      ancestor: ['busybox', 'ubuntu', 'alpine'],
      exited: ['0', '3'],
      network: ['bridge', 'none'],
      health: ['none', 'healthy'],
    } as const;
    type Key = keyof typeof pools;
    const arbFilters = fc.record(
      Object.fromEntries(Object.entries(pools).map(([k, vs]) => [k, fc.subarray([...vs], { minLength: 1 })])) as Record<Key, fc.Arbitrary<string[]>>,
      { requiredKeys: [] },
    );
    const picks = (c: (typeof all)[number], fs: Partial<Record<Key, string[]>>): boolean => {
      const name = c.Names[0].slice(1);
      for (const [k, vs] of Object.entries(fs) as Array<[Key, string[]]>) {
        const one = (v: string): boolean => {
          switch (k) {
            case 'label': {
              const [lk, lv] = v.split('=');
              return lk in c.Labels && (lv === undefined || c.Labels[lk] === lv);
            }
            case 'status': return c.State === v;
            case 'name': return new RegExp(v).test(name);
            case 'ancestor': return (images[name] ?? 'busybox') === v;
            case 'exited': return exitCodes[name] === Number(v);
            case 'network': return v === 'bridge';
            case 'health': return v === 'none';
          }
        };
        if (k === 'label' ? !vs.every(one) : !vs.some(one)) return false;
      }
      return true;
    };
    await fc.assert(fc.asyncProperty(arbFilters, async (fs) => {
      const got = await ps(fs as Filters);
      expect(got).toEqual(all.filter((c) => picks(c, fs)).map((c) => c.Names[0].slice(1)));
    }), { numRuns: 60 });
  });
});

describe('images filters (GET /images/json)', () => {
  let h: Harness;
  const images = (filters: Filters): Promise<Array<{ RepoTags: string[]; RepoDigests: string[] }>> =>
    inDaemon(h, async (d) => d.imageList({ filters }) as never);
  const tags = async (filters: Filters): Promise<string[]> => (await images(filters)).flatMap((i) => i.RepoTags);
  const imgErr = (filters: Filters): Promise<string> => inDaemon(h, async (d) => errOf(() => d.imageList({ filters })));

  beforeAll(() => {
    h = boot();
  });

  it('reference (a path glob on the familiar name or name:tag), dangling, before/since, until, label', async () => {
    expect(await tags({})).toEqual(['busybox:latest', 'ubuntu:latest']);
    expect(await tags({ reference: ['ubuntu'] })).toEqual(['ubuntu:latest']);
    expect(await tags({ reference: ['*box:*'] })).toEqual(['busybox:latest']);
    expect(await tags({ reference: ['ubuntu:24.04'] })).toEqual([]);
    // Only the tag reference matched `ubuntu:latest`, so the digest is not listed with it.
    expect(await images({ reference: ['ubuntu:latest'] })).toMatchObject([{ RepoDigests: [], RepoTags: ['ubuntu:latest'] }]);
    expect((await images({ reference: ['ubuntu'] }))[0].RepoDigests).toHaveLength(1);
    expect(await tags({ dangling: ['true'] })).toEqual([]);
    expect(await tags({ dangling: ['false'] })).toEqual(['busybox:latest', 'ubuntu:latest']);
    expect(await tags({ before: ['busybox'] })).toEqual(['ubuntu:latest']);
    expect(await tags({ since: ['ubuntu'] })).toEqual(['busybox:latest']);
    expect(await tags({ until: ['2000-01-01'] })).toEqual([]);
    expect(await tags({ until: ['1h'] })).toEqual(['busybox:latest', 'ubuntu:latest']);
    expect(await tags({ label: ['maintainer'] })).toEqual([]);
  });

  it('refuses in moby\'s words', async () => {
    expect(await imgErr({ foo: ['1'] })).toBe("InvalidParameter: invalid filter 'foo'");
    expect(await imgErr({ dangling: ['maybe'] })).toBe("InvalidParameter: invalid filter 'dangling=[maybe]'");
    expect(await imgErr({ before: ['nosuch'] })).toBe('NotFound: No such image: nosuch:latest');
    expect(await imgErr({ reference: ['['] })).toBe('System: syntax error in pattern');
    expect(await imgErr({ until: ['soon'] })).toBe('System: failed to parse value as time or duration: "soon"');
  });
});

describe("Go's path.Match", () => {
  it('matches as Go does', () => {
    expect(pathMatch('*', 'ubuntu')).toBe(true);
    expect(pathMatch('*', 'library/ubuntu')).toBe(false);
    expect(pathMatch('u?untu', 'ubuntu')).toBe(true);
    expect(pathMatch('[a-c]usybox', 'busybox')).toBe(true);
    expect(pathMatch('[^a-c]usybox', 'busybox')).toBe(false);
    expect(pathMatch('ubuntu\\:*', 'ubuntu:24.04')).toBe(true);
    expect(pathMatch('ubu', 'ubuntu')).toBe(false);
    for (const bad of ['[', '[]', 'a\\', '[z-a]', '[a-]']) expect(() => pathMatch(bad, 'x'), bad).toThrow(BadPattern);
  });
});

describe('filters.Args', () => {
  it('Match tries the value, then a regexp; a bad regexp is skipped', () => {
    const f = new FilterArgs({ name: ['^we', '('] });
    expect(f.match('name', 'web')).toBe(true);
    expect(f.match('name', 'db')).toBe(false);
    expect(new FilterArgs({ name: ['('] }).match('name', '(')).toBe(true);
    expect(new FilterArgs({}).match('name', 'x')).toBe(true);
  });
});

describe('events filters', () => {
  const ev = (Type: EventMessage['Type'], Action: string, ID: string, Attributes: Record<string, string>): EventMessage =>
    ({ Type, Action: Action as EventMessage['Action'], Actor: { ID, Attributes }, scope: 'local', timeNano: 0n });
  const events = [
    ev('image', 'pull', 'busybox:latest', { name: 'busybox' }),
    ev('container', 'create', 'c0ffee01', { app: 'web', image: 'busybox', name: 'web' }),
    ev('container', 'exec_start: sh -c ls', 'c0ffee01', { app: 'web', image: 'busybox', name: 'web', execID: 'e1' }),
    ev('container', 'die', 'beef0002', { image: 'ubuntu:latest', name: 'db', exitCode: '0' }),
    ev('network', 'connect', 'net1', { container: 'c0ffee01', name: 'bridge', type: 'bridge' }),
  ];
  const pick = (filters: Filters): string[] => events.filter(eventFilter(filters)).map((e) => `${e.Type} ${e.Action}`);

  it('type, event, container, image, label, network; unknown names filter nothing, as in moby', () => {
    expect(pick({ type: ['image'] })).toEqual(['image pull']);
    expect(pick({ event: ['die', 'pull'] })).toEqual(['image pull', 'container die']);
    expect(pick({ event: ['exec_start'] })).toEqual(['container exec_start: sh -c ls']);
    expect(pick({ container: ['web'] })).toEqual(['container create', 'container exec_start: sh -c ls']);
    expect(pick({ container: ['beef'] })).toEqual(['container die']);
    expect(pick({ image: ['busybox'] })).toEqual(['image pull', 'container create', 'container exec_start: sh -c ls']);
    expect(pick({ image: ['ubuntu'] })).toEqual(['container die']);
    expect(pick({ label: ['app=web'] })).toEqual(['container create', 'container exec_start: sh -c ls']);
    expect(pick({ network: ['bridge'] })).toEqual(['network connect']);
    expect(pick({ type: ['container'], event: ['die'], container: ['db'] })).toEqual(['container die']);
    expect(pick({ foo: ['bar'] })).toHaveLength(events.length);
  });
});
