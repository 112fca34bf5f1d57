/**
 * docker/cli's volume and mount flags for `run`/`create`: `-v` (compose loader's ParseVolume, then binds vs
 * anonymous volumes as opts.go splits them), `--mount` (opts.MountOpt's CSV fields), `--tmpfs` and
 * `--volumes-from`, into the request's Binds, Config.Volumes, Mounts, Tmpfs and VolumesFrom. A relative host
 * path starting with `.` is made absolute from the CLI's working directory, as filepath.Abs does.
 */
import type { Json } from '../../client.js';
import { ramInBytes } from '../../../pkg/units.js';

type Flags = { get(name: string): readonly string[] };

/** ParseVolume's verdict on one `-v` value: its type and whether it names a source. */
function parseVolume(spec: string): { source: string; type: 'bind' | 'volume' } {
  if (spec.length === 0) throw new Error('invalid empty volume spec');
  if (spec.length <= 2) return { source: '', type: 'volume' };
  const chars = [...spec];
  let buffer = '';
  let source = '';
  let target = '';
  const field = (end: boolean): void => {
    if (buffer === '') throw new Error(`invalid spec: ${spec}: empty section between colons`);
    if (source === '' && end) target = buffer;
    else if (source === '') source = buffer;
    else if (target === '') target = buffer;
    else if (!end) throw new Error(`invalid spec: ${spec}: too many colons`);
  };
  for (let i = 0; i <= chars.length; i++) {
    const ch = chars[i];
    const end = i === chars.length;
    if (!end && ch === ':' && buffer.length === 1 && /\p{L}/u.test(buffer)) buffer += ch;
    else if (end || ch === ':') {
      field(end);
      buffer = '';
    } else buffer += ch;
  }
  void target;
  if (source === '') return { source, type: 'volume' };
  const isPath = '.~/'.includes(source[0]) || (source.length > 1 && /^\p{L}:/u.test(source));
  return { source, type: isPath ? 'bind' : 'volume' };
}

function abs(p: string, cwd: () => string): string {
  if (p.startsWith('/') || !p.startsWith('.')) return p;
  const out: string[] = [];
  for (const part of `${cwd()}/${p}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** encoding/csv's one record, as MountOpt reads its value: commas separate, double quotes quote. */
function csvFields(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let f = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) throw new Error('parse error on line 1, column ' + (s.length + 1) + ': extraneous or missing " in quoted-field');
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            f += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        f += s[i++];
      }
      if (i < s.length && s[i] !== ',') throw new Error(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
    } else {
      const j = s.indexOf(',', i);
      f = j < 0 ? s.slice(i) : s.slice(i, j);
      if (f.includes('"')) throw new Error(`parse error on line 1, column ${i + f.indexOf('"') + 1}: bare " in non-quoted-field`);
      i = j < 0 ? s.length : j;
    }
    out.push(f);
    if (i >= s.length) return out;
    i++;
  }
}

const GO_BOOL: Record<string, boolean> = {
  1: true, t: true, T: true, TRUE: true, true: true, True: true, 0: false, f: false, F: false, FALSE: false, false: false, False: false,
};

/** opts.MountOpt.Set: one `--mount` value as a mount.Mount (JSON field order as Go writes it). */
export function parseMount(value: string, cwd: () => string = () => '/'): Json {
  const fields = csvFields(value);
  let type = 'volume';
  let source = '';
  let target = '';
  let readOnly = false;
  let consistency = '';
  let bind: Json | null = null;
  type VolumeOptions = { NoCopy?: boolean; Labels: Record<string, string>; Subpath?: string; DriverConfig: Json };
  let vol = null as VolumeOptions | null;
  let image: Json | null = null;
  let tmpfs: Json | null = null;
  const volume = (): VolumeOptions => (vol ??= { Labels: {}, DriverConfig: {} });
  const bindOpts = (): Json => (bind ??= {});
  const tmpfsOpts = (): Json => (tmpfs ??= {});
  const bool = (key: string, val: string): boolean => {
    const b = GO_BOOL[val];
    if (b === undefined) throw new Error(`invalid value for ${key}: ${val}`);
    return b;
  };
  const setOnMap = (m: Record<string, string>, v: string): void => {
    const eq = v.indexOf('=');
    const k = eq < 0 ? v : v.slice(0, eq);
    if (k !== '') m[k] = eq < 0 ? '' : v.slice(eq + 1);
  };
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') readOnly = true;
      else if (key === 'volume-nocopy') volume().NoCopy = true;
      else if (key === 'bind-nonrecursive') bindOpts().NonRecursive = true;
      else throw new Error(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    switch (key) {
      case 'type': type = val.toLowerCase(); break;
      case 'source': case 'src': source = abs(val, cwd); break;
      case 'target': case 'dst': case 'destination': target = val; break;
      case 'readonly': case 'ro': readOnly = bool(key, val); break;
      case 'consistency': consistency = val.toLowerCase(); break;
      case 'bind-propagation': bindOpts().Propagation = val.toLowerCase(); break;
      case 'bind-nonrecursive': bindOpts().NonRecursive = bool(key, val); break;
      case 'bind-recursive':
        if (val === 'disabled') bindOpts().NonRecursive = true;
        else if (val === 'writable') bindOpts().ReadOnlyNonRecursive = true;
        else if (val === 'readonly') bindOpts().ReadOnlyForceRecursive = true;
        else if (val !== 'enabled') throw new Error(`invalid value for ${key}: ${val} (must be "enabled", "disabled", "writable", or "readonly")`);
        else bindOpts();
        break;
      case 'volume-subpath': volume().Subpath = val; break;
      case 'volume-nocopy': {
        const b = GO_BOOL[val];
        if (b === undefined) throw new Error(`invalid value for volume-nocopy: ${val}`);
        volume().NoCopy = b;
        break;
      }
      case 'volume-label': setOnMap(volume().Labels, val); break;
      case 'volume-driver': volume().DriverConfig.Name = val; break;
      case 'volume-opt': setOnMap(((volume().DriverConfig.Options ??= {}) as Record<string, string>), val); break;
      case 'image-subpath': (image ??= {}).Subpath = val; break;
      case 'tmpfs-size': {
        const n = ramInBytes(val);
        if (typeof n === 'string') throw new Error(`invalid value for ${key}: ${val}`);
        tmpfsOpts().SizeBytes = n;
        break;
      }
      case 'tmpfs-mode': {
        if (!/^[0-7]+$/.test(val) || parseInt(val, 8) > 0xffffffff) throw new Error(`invalid value for ${key}: ${val}`);
        tmpfsOpts().Mode = parseInt(val, 8);
        break;
      }
      default:
        throw new Error(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (type === '') throw new Error('type is required');
  if (target === '') throw new Error('target is required');
  const mix = (set: unknown, prefix: string, own: string): void => {
    if (set !== null && type !== own) throw new Error(`cannot mix '${prefix}-*' options with mount type '${type}'`);
  };
  mix(vol, 'volume', 'volume');
  mix(image, 'image', 'image');
  mix(bind, 'bind', 'bind');
  mix(tmpfs, 'tmpfs', 'tmpfs');
  const b = bind as Json | null;
  if (b?.ReadOnlyNonRecursive && !readOnly) throw new Error("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
  if (b?.ReadOnlyForceRecursive) {
    if (!readOnly) throw new Error("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction");
    if (b.Propagation !== 'rprivate') throw new Error("option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction");
  }
  const out: Json = { Type: type };
  if (source) out.Source = source;
  out.Target = target;
  if (readOnly) out.ReadOnly = true;
  if (consistency) out.Consistency = consistency;
  if (b) out.BindOptions = b;
  if (vol) {
    const v: VolumeOptions = vol;
    const o: Json = {};
    if (v.NoCopy) o.NoCopy = true;
    if (Object.keys(v.Labels).length > 0) o.Labels = v.Labels;
    if (v.Subpath) o.Subpath = v.Subpath;
    o.DriverConfig = v.DriverConfig;
    out.VolumeOptions = o;
  }
  if (image) out.ImageOptions = image;
  if (tmpfs) out.TmpfsOptions = tmpfs;
  return out;
}

/** pflag's check of a `--mount` value: MountOpt.Set's error, or null. */
export function mountError(value: string): string | null {
  try {
    parseMount(value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The create request's volume fields from the flags (zero values left out, as the CLI's JSON has them). */
export function mountOptions(f: Flags, cwd: () => string = () => '/'): { volumes: Json; host: Json } {
  const binds: string[] = [];
  const volumes: Json = {};
  for (const v of f.get('volume')) {
    const parsed = parseVolume(v);
    if (parsed.source === '') {
      volumes[v] = {};
      continue;
    }
    if (parsed.type === 'bind') {
      const i = v.indexOf(':');
      binds.push(`${abs(v.slice(0, i), cwd)}${v.slice(i)}`);
    } else binds.push(v);
  }
  const host: Json = {};
  if (binds.length > 0) host.Binds = binds;
  const from = f.get('volumes-from');
  if (from.length > 0) host.VolumesFrom = [...from];
  const tmpfs = f.get('tmpfs');
  if (tmpfs.length > 0) {
    host.Tmpfs = Object.fromEntries(tmpfs.map((t) => {
      const i = t.indexOf(':');
      return i < 0 ? [t, ''] : [t.slice(0, i), t.slice(i + 1)];
    }));
  }
  const mounts = f.get('mount');
  if (mounts.length > 0) host.Mounts = mounts.map((m) => parseMount(m, cwd));
  return { volumes, host };
}
