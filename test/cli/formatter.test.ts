import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tabwrite } from '../../src/cli/formatter/tabwriter.js';
import { commandCell, PS_HEADERS, PS_TABLE, truncateID } from '../../src/cli/formatter/container.js';
import { displayablePorts } from '../../src/cli/formatter/ports.js';
import { renderRows } from '../../src/cli/formatter/format.js';
import { compileTemplate, TemplateError } from '../../src/cli/formatter/template.js';
import { GO_TYPE, goJSON } from '../../src/cli/formatter/gofmt.js';

describe('tabwriter (minwidth 10, padding 3)', () => {
  it('pads every column but the last, at least 10 wide', () => {
    expect(tabwrite('CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n')).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
  });
  it('never makes a column narrower than its content + padding', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 15 }).map((s) => s.replace(/[\t\n]/g, '')), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const out = tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n').split('\n');
        const widths = [0, 1].map((c) => Math.max(10, ...rows.map((r) => [...r[c]].length + 3)));
        rows.forEach((r, i) => {
          const chars = [...out[i]];
          expect(chars.slice(0, widths[0]).join('')).toBe(r[0] + ' '.repeat(widths[0] - [...r[0]].length));
          expect(chars.slice(widths[0], widths[0] + widths[1]).join('')).toBe(r[1] + ' '.repeat(widths[1] - [...r[1]].length));
        });
      }),
    );
  });
});

describe('ps cells', () => {
  it('TruncateID, command, ports', () => {
    expect(truncateID('sha256:0123456789abcdef0123')).toBe('0123456789ab');
    expect(commandCell("/bin/sh -c 'while true; do date; done'", true)).toBe('"/bin/sh -c \'while t…"');
    expect(commandCell('echo "hi"', true)).toBe('"echo \\"hi\\""');
    expect(displayablePorts([
      { IP: '0.0.0.0', PrivatePort: 81, PublicPort: 81, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 80, Type: 'tcp' },
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { PrivatePort: 443, Type: 'tcp' },
    ])).toBe('0.0.0.0:80-81->80-81/tcp, 443/tcp, [::]:8080->80/tcp');
  });
  it('renders the default ps table with the exact headers', () => {
    const row = { [GO_TYPE]: '*formatter.ContainerContext', ID: 'a1b2c3d4e5f6', Image: 'ubuntu', Command: '"/bin/bash"', RunningFor: '28 seconds ago', Status: 'Exited (0) 5 seconds ago', Ports: '', Names: 'hungry_hopper' };
    expect(renderRows('', PS_TABLE, [row], PS_HEADERS)).toBe(
      'CONTAINER ID   IMAGE     COMMAND       CREATED          STATUS                     PORTS     NAMES\n' +
      'a1b2c3d4e5f6   ubuntu    "/bin/bash"   28 seconds ago   Exited (0) 5 seconds ago             hungry_hopper\n',
    );
    expect(renderRows('table {{.ID}}\\t{{.Names}}', PS_TABLE, [], PS_HEADERS)).toBe('CONTAINER ID   NAMES\n');
    expect(renderRows('{{.Names}}', PS_TABLE, [row], PS_HEADERS)).toBe('hungry_hopper\n');
  });
});

describe('Go templates', () => {
  const data = { State: { Running: true, Pid: 42 }, Config: { Env: ['A=1', 'B=2'], Labels: { z: '<&>', a: 'x' } }, Name: '/web', Mounts: [{ Source: '/a' }, { Source: '/b' }] };
  const run = (t: string, d: unknown = data): string => compileTemplate(t).execute(d);
  it('fields, json, range, if, index, len, functions', () => {
    expect(run('{{.State.Running}} {{.State.Pid}} {{.Name}}')).toBe('true 42 /web');
    expect(run('{{json .Config}}')).toBe('{"Env":["A=1","B=2"],"Labels":{"a":"x","z":"<&>"}}');
    expect(run('{{range .Mounts}}{{.Source}} {{end}}')).toBe('/a /b ');
    expect(run('{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}')).toBe('a=x;z=<&>;');
    expect(run('{{if .State.Running}}up{{else}}down{{end}}')).toBe('up');
    expect(run('{{if not .State.Running}}a{{else if .Name}}b{{else}}c{{end}}')).toBe('b');
    expect(run('{{index .Config.Labels "z"}} {{len .Mounts}} {{upper "ab"}} {{lower "AB"}} {{title "hello world"}}')).toBe('<&> 2 AB ab Hello World');
    expect(run('{{join .Config.Env ","}}|{{split "a:b" ":"}}|{{println "x" 1}}|{{printf "%s-%d" "a" 3}}')).toBe('A=1,B=2|[a b]|x 1\n|a-3');
    expect(run('{{.Nope}}')).toBe('<no value>');
    expect(run('{{.Config}}')).toBe('map[Env:[A=1 B=2] Labels:map[a:x z:<&>]]');
    expect(run('{{- .Name -}}  x')).toBe('/webx');
  });
  it('prints int64 fields as digits and real floats as Go does', () => {
    expect(run('{{.HostConfig.Memory}} {{.F}} {{.G}}', { HostConfig: { Memory: 268435456 }, F: 0.5, G: 1.5e-7 })).toBe('268435456 0.5 1.5e-07');
  });
  it("Go's error texts", () => {
    expect(() => compileTemplate('{{.ID')).toThrow(new TemplateError('template: :1: unclosed action'));
    expect(() => compileTemplate('{{bogus .ID}}')).toThrow(new TemplateError('template: :1: function "bogus" not defined'));
    const ctx = { [GO_TYPE]: '*formatter.ContainerContext', ID: 'x' };
    expect(() => run('{{.Bogus}}', ctx)).toThrow(
      new TemplateError('template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *formatter.ContainerContext'),
    );
  });
  it('json leaves HTML characters alone (SetEscapeHTML(false)) and escapes controls', () => {
    expect(goJSON({ b: 'a\u2028\n', a: 1.5 })).toBe('{"a":1.5,"b":"a\\u2028\\n"}');
  });
});
