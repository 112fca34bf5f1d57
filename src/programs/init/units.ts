/** systemd unit files, as far as PID 1 here needs them: what to run and how to describe it. */
import type { Fs } from '../../engine/kernel/fsTypes.js';

export interface Unit {
  readonly name: string;
  readonly path: string;
  readonly description: string;
  readonly documentation: string;
  readonly execStart: readonly string[];
  readonly triggeredBy: string | undefined;
  /** `Type=`: `notify` units are started only once the service says it is ready. */
  readonly type: string;
}

const UNIT_DIRS = ['/etc/systemd/system', '/usr/lib/systemd/system', '/lib/systemd/system'];

/** `docker` and `docker.service` name the same unit. */
export function unitName(arg: string): string {
  return /\.(service|socket|target|timer|mount)$/.test(arg) ? arg : `${arg}.service`;
}

export function loadUnit(fs: Fs, name: string): Unit | undefined {
  for (const dir of UNIT_DIRS) {
    const path = `${dir}/${name}`;
    let text: string;
    try {
      text = fs.readText(path);
    } catch {
      continue;
    }
    const get = (key: string): string => /^(\w+)=(.*)$/m.test(text) ? (new RegExp(`^${key}=(.*)$`, 'm').exec(text)?.[1] ?? '') : '';
    const socket = name.replace(/\.service$/, '.socket');
    const requires = get('Requires');
    return {
      name,
      path,
      description: get('Description'),
      documentation: get('Documentation'),
      execStart: get('ExecStart').split(/\s+/).filter((w) => w !== ''),
      triggeredBy: requires.split(/\s+/).includes(socket) ? socket : undefined,
      type: get('Type') || 'simple',
    };
  }
  return undefined;
}
