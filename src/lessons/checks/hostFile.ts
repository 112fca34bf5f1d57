import { utf8Decode } from '../../engine/kernel/utf8.js';
import { HOST } from '../../machine/files.js';
import { bool, str } from './fields.js';
import { say } from './said.js';
import { defineCheck, type HostFileCheck } from './types.js';

/** A path on the host as the learner sees it (`~/` is their home), with that text when `contains` is given. */
export const hostFileCheck = defineCheck<HostFileCheck>({
  kind: 'hostFile',
  schema: {
    fields: { path: str, exists: bool, contains: str },
    required: ['path'],
    refine(v) {
      if (v.exists === false && v.contains !== undefined) return 'hostFile: `contains` needs the file to exist';
      return typeof v.path === 'string' && !v.path.startsWith('/') && !v.path.startsWith('~/')
        ? `hostFile.path: expected an absolute path or ~/…, got ${JSON.stringify(v.path)}`
        : undefined;
    },
  },
  evaluate(k, { machine }) {
    const path = k.path.startsWith('~/') ? `${machine.files.home()}/${k.path.slice(2)}` : k.path;
    const read = machine.files.read(HOST, path);
    // A file the learner may not read (root's ~/.docker, /var/lib/docker) is there or not: the check cannot
    // tell, so it holds neither way and says why rather than calling it missing.
    if (!read.ok && read.code === 'EACCES') return { holds: false, found: say('fileUnreadable', { path: k.path }) };
    if (!read.ok) return { holds: k.exists === false, found: say('fileMissing', { path: k.path }) };
    if (k.exists === false) return { holds: false, found: say('fileExists', { path: k.path }) };
    const holds = k.contains === undefined || utf8Decode(read.value).includes(k.contains);
    return { holds, found: holds ? say('fileExists', { path: k.path }) : say('fileLacks', { path: k.path, text: JSON.stringify(k.contains) }) };
  },
});
