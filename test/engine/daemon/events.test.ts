import { describe, expect, it } from 'vitest';
import { containerActor, DaemonEvents, EVENTS_LIMIT, marshalEvent } from '../../../src/engine/daemon/events.js';

const T = 1_629_574_695_515_050_031n;

describe('DaemonEvents', () => {
  it('delivers to subscribers until disposed', () => {
    let t = T;
    const ev = new DaemonEvents(() => t++);
    const seen: string[] = [];
    const sub = ev.subscribe((e) => seen.push(`${e.Type} ${e.Action}`));
    ev.log('container', 'create', containerActor({ id: 'c1', name: '/web', image: 'ubuntu' }));
    ev.log('network', 'connect', { ID: 'n1', Attributes: { container: 'c1', name: 'bridge', type: 'bridge' } });
    sub.dispose();
    ev.log('container', 'start', containerActor({ id: 'c1', name: '/web', image: 'ubuntu' }));
    expect(seen).toEqual(['container create', 'network connect']);
    expect(ev.buffered()).toEqual([]);
    expect(ev.buffered(T + 1n).map((e) => e.Action)).toEqual(['connect', 'start']);
    expect(ev.buffered(undefined, T).map((e) => e.Action)).toEqual(['create']);
  });

  it('keeps only the last 256 for replay', () => {
    let t = 0n;
    const ev = new DaemonEvents(() => t++);
    for (let i = 0; i < 300; i++) ev.log('image', 'tag', { ID: `i${i}`, Attributes: {} });
    const kept = ev.buffered(0n);
    expect(kept).toHaveLength(EVENTS_LIMIT);
    expect(kept[0].Actor.ID).toBe('i44');
  });

  it("marshals moby's JSON: deprecated fields first, sorted attributes, exact timeNano", () => {
    const ev = new DaemonEvents(() => T);
    const e = ev.log('container', 'die', containerActor({ id: 'abc', name: '/web', image: 'ubuntu', labels: { z: '1', a: '2' } }, { exitCode: '0', execDuration: '3' }));
    expect(marshalEvent(e)).toBe(
      '{"status":"die","id":"abc","from":"ubuntu","Type":"container","Action":"die","Actor":{"ID":"abc","Attributes":' +
        '{"a":"2","execDuration":"3","exitCode":"0","image":"ubuntu","name":"web","z":"1"}},"scope":"local",' +
        '"time":1629574695,"timeNano":1629574695515050031}',
    );
    const n = ev.log('network', 'disconnect', { ID: 'n1', Attributes: { container: 'abc' } });
    expect(marshalEvent(n)).toBe(
      '{"Type":"network","Action":"disconnect","Actor":{"ID":"n1","Attributes":{"container":"abc"}},"scope":"local","time":1629574695,"timeNano":1629574695515050031}',
    );
  });
});
