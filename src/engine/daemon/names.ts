/**
 * Container names: validation and the name registry (moby's names table in container/view.go). Registered
 * names carry their leading `/`, as in the API's `Name` and `Names`. One container may hold several names
 * (legacy links); each name maps to one ID. The random names are namegen.ts's: the registry is made at boot,
 * the word lists come with the Docker half.
 */
import { conflict, invalidParameter, notFound, type DaemonError } from '../../pkg/errdefs.js';

export const VALID_CONTAINER_NAME_CHARS = '[a-zA-Z0-9][a-zA-Z0-9_.-]';
/** A leading `/` is allowed; note the `+`: a one-character name is invalid. */
export const VALID_CONTAINER_NAME_PATTERN = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function validateContainerName(name: string): DaemonError | null {
  if (VALID_CONTAINER_NAME_PATTERN.test(name)) return null;
  return invalidParameter(`Invalid container name (${name}), only ${VALID_CONTAINER_NAME_CHARS} are allowed`);
}

export function nameConflictMessage(name: string, id: string): string {
  return `Conflict. The container name "${name}" is already in use by container "${id}". ` +
    'You have to remove (or rename) that container to be able to reuse that name.';
}

export class NameRegistry {
  private readonly byName = new Map<string, string>();

  /** The ID a name is reserved to; `name` must carry its `/`. */
  get(name: string): string | undefined {
    return this.byName.get(name);
  }

  /** Every name reserved to `id`, in reservation order. */
  namesOf(id: string): string[] {
    const out: string[] = [];
    for (const [name, owner] of this.byName) if (owner === id) out.push(name);
    return out;
  }

  /** Idempotent for the same ID; false if the name belongs to another container. */
  tryReserve(name: string, id: string): boolean {
    const owner = this.byName.get(name);
    if (owner !== undefined) return owner === id;
    this.byName.set(name, id);
    return true;
  }

  release(name: string): void {
    this.byName.delete(name);
  }

  /** Drops every name of a removed container. */
  releaseAll(id: string): void {
    for (const name of this.namesOf(id)) this.byName.delete(name);
  }

  /**
   * daemon.reserveName: validates (the message quotes `name` as given), adds the `/`, reserves, or throws
   * the 409 Conflict naming the current owner. Returns the canonical name.
   */
  reserveName(id: string, name: string): string {
    const invalid = validateContainerName(name);
    if (invalid) throw invalid;
    const canonical = name.startsWith('/') ? name : `/${name}`;
    if (!this.tryReserve(canonical, id)) throw conflict(nameConflictMessage(canonical, this.byName.get(canonical)!));
    return canonical;
  }

  /**
   * The name half of daemon.ContainerRename: `currentName` is the container's Name (with `/`), `oldArg` what the
   * user typed (compared after adding `/`, as moby does). Returns the new canonical name; the caller updates the
   * container and emits `rename` with `oldName`.
   */
  rename(id: string, currentName: string, oldArg: string, newArg: string): string {
    if (oldArg === '' || newArg === '') throw invalidParameter('Neither old nor new names may be empty');
    const newName = newArg.startsWith('/') ? newArg : `/${newArg}`;
    const oldName = oldArg.startsWith('/') ? oldArg : `/${oldArg}`;
    if (oldName === newName || currentName === newName) {
      throw invalidParameter('Renaming a container with the same name as its current name');
    }
    let reserved: string;
    try {
      reserved = this.reserveName(id, newName);
    } catch (e) {
      const err = e as DaemonError;
      err.message = `Error when allocating new name: ${err.message}`;
      throw err;
    }
    this.release(currentName);
    return reserved;
  }

  /** Looks a name up or throws moby's NotFound (used by tests and name-only APIs). */
  mustGet(name: string): string {
    const id = this.byName.get(name.startsWith('/') ? name : `/${name}`);
    if (id === undefined) throw notFound(`No such container: ${name}`);
    return id;
  }
}
