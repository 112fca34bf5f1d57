/** date: prints the virtual clock (always UTC) in GNU's default, +FORMAT, -R and -I forms. */
import { tool } from './common.js';
import { parseDate } from './dateparse.js';
import { strftime } from './timefmt.js';

const ISO: Record<string, string> = {
  date: '%Y-%m-%d',
  hours: '%Y-%m-%dT%H%:z',
  minutes: '%Y-%m-%dT%H:%M%:z',
  seconds: '%Y-%m-%dT%H:%M:%S%:z',
  ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
};

export const date = tool(
  {
    name: 'date',
    short: 'd:I::Rs:u',
    long: [
      { name: 'date', key: 'd', arg: 'required' },
      { name: 'iso-8601', key: 'I', arg: 'optional' },
      { name: 'rfc-email', key: 'R' },
      { name: 'rfc-3339', arg: 'required' },
      { name: 'set', key: 's', arg: 'required' },
      { name: 'utc', key: 'u' },
      { name: 'universal', key: 'u' },
    ],
    authors: 'Written by David MacKenzie.',
  },
  async (t, opts, args) => {
    let when = t.sys.now();
    let fmt = '%a %b %e %H:%M:%S %Z %Y';
    let formats = 0;
    for (const o of opts) {
      if (o.key === 'd') {
        const d = parseDate(o.value!, t.sys.now());
        if (d === null) {
          await t.error(`invalid date ${t.lq(o.value!)}`);
          return 1;
        }
        when = d;
      } else if (o.key === 'I') {
        const k = o.value ?? 'date';
        const match = Object.keys(ISO).filter((x) => x.startsWith(k));
        if (match.length !== 1) {
          await t.error(`invalid argument ${t.lq(k)} for '--iso-8601'`);
          await t.sys.write(2, "Valid arguments are:\n  - 'hours'\n  - 'minutes'\n  - 'date'\n  - 'seconds'\n  - 'ns'\n");
          return t.usage();
        }
        fmt = ISO[match[0]];
        formats++;
      } else if (o.key === 'R') {
        fmt = '%a, %d %b %Y %H:%M:%S %z';
        formats++;
      } else if (o.key === 'rfc-3339') {
        const f: Record<string, string> = { date: '%Y-%m-%d', seconds: '%Y-%m-%d %H:%M:%S%:z', ns: '%Y-%m-%d %H:%M:%S.%N%:z' };
        if (!(o.value! in f)) return t.usage(`invalid argument ${t.lq(o.value!)} for '--rfc-3339'`);
        fmt = f[o.value!];
        formats++;
      } else if (o.key === 's') {
        await t.error('cannot set date: Operation not permitted');
        return 1;
      }
    }
    for (const a of args) {
      if (!a.startsWith('+')) {
        if (args.length > 1) return t.usage(`extra operand ${t.lq(args[1])}`);
        await t.error(t.sys.euid === 0 ? 'cannot set date: Operation not permitted' : `invalid date ${t.lq(a)}`);
        return 1;
      }
      if (args.length > 1) return t.usage(`extra operand ${t.lq(args[1])}`);
      if (formats > 0) {
        await t.error('multiple output formats specified');
        return 1;
      }
      fmt = a.slice(1);
    }
    await t.out.write(`${strftime(fmt, when)}\n`);
    return 0;
  },
);
