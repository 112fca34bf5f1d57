/**
 * nano's screens against the real nano 7.2's (testdata/*.screens, recorded by capture.py from the same keys):
 * each scenario's files are put in the learner's home, the command runs at the prompt, and after each step the
 * simulated terminal must show what the real one showed, row for row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScreenTerm } from './screen.js';

interface Scenario {
  readonly name: string;
  readonly cmd: string;
  readonly steps: readonly string[];
  readonly files?: Readonly<Record<string, string>>;
  readonly rows?: number;
  readonly cols?: number;
}

const dir = join(__dirname, 'testdata');
const scenarios = JSON.parse(readFileSync(join(dir, 'scenarios.json'), 'utf8')) as Scenario[];

function recorded(name: string): string[][] {
  const text = readFileSync(join(dir, `${name}.screens`), 'utf8');
  return text.split(/^--- step \d+\n/m).slice(1).map((s) => s.replace(/\n$/, '').split('\n'));
}

describe('nano and less match the real nano 7.2 and less 590', () => {
  for (const sc of scenarios) {
    it(sc.name, async () => {
      const t = new ScreenTerm({ rows: sc.rows, cols: sc.cols });
      const fs = t.machine.kernel.hostPidNs.init!.fsView;
      for (const [name, content] of Object.entries(sc.files ?? {})) {
        fs.writeFile(`/home/user/${name}`, content);
        fs.chown(`/home/user/${name}`, 1000, 1000);
      }
      await t.line(`clear; ${sc.cmd}`);
      const want = recorded(sc.name);
      for (let i = 0; i < sc.steps.length; i++) {
        if (sc.steps[i] !== '') await t.keys(sc.steps[i]);
        // A blank real screen is nano gone (tmux then shows nothing); here the shell's prompt is back.
        if (want[i].every((r) => r === '')) expect(t.altScreen, `${sc.name} step ${i}: nano has exited`).toBe(false);
        else expect(t.rows(), `${sc.name} step ${i}`).toEqual(want[i].concat(Array(t.rows().length - want[i].length).fill('')));
      }
    });
  }
});
