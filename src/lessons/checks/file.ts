/**
 * A path in a container's filesystem. A running container is read through its own mount table (what `docker exec
 * NAME cat PATH` sees); a stopped one through its overlay (image layers + RW layer), as `docker cp` would.
 */
import { bool, str } from './fields.js';
import { say } from './said.js';
import { defineCheck, type FileCheck } from './types.js';

export const fileCheck = defineCheck<FileCheck>({
  kind: 'file',
  schema: {
    fields: { container: str, path: str, exists: bool, contains: str },
    required: ['container', 'path'],
    refine: (v) => (v.exists === false && v.contains !== undefined ? 'file: `contains` needs the file to exist' : undefined),
  },
  evaluate(k, { machine }) {
    const c = machine.query.findContainer(k.container);
    if (!c) return { holds: false, found: say('noContainer', { name: k.container }) };
    const text = machine.query.readFile(c.ID, k.path);
    if (text === undefined) return { holds: k.exists === false, found: say('fileMissing', { path: k.path }) };
    if (k.exists === false) return { holds: false, found: say('fileExists', { path: k.path }) };
    const holds = k.contains === undefined || text.includes(k.contains);
    return { holds, found: holds ? say('fileExists', { path: k.path }) : say('fileLacks', { path: k.path, text: JSON.stringify(k.contains) }) };
  },
});
