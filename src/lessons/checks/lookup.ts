/** Small read-only queries on the model that several check kinds share. */
import type { ContainerRecord, DaemonQuery } from '../../engine/daemon/query.js';
import { parseNormalizedNamed, referenceString, tagNameOnly as withDefaultTag } from '../../pkg/reference.js';
import type { Kernel } from '../../engine/kernel/kernel.js';
import type { Process } from '../../engine/kernel/process.js';

/** The name without moby's leading `/`. */
export function containerName(c: ContainerRecord): string {
  return c.Name.replace(/^\//, '');
}

/** `ubuntu`, `ubuntu:latest` and `docker.io/library/ubuntu` are one reference; undefined when malformed. */
export function normalizeRef(ref: string): string | undefined {
  try {
    return referenceString(withDefaultTag(parseNormalizedNamed(ref)));
  } catch {
    return undefined;
  }
}

/** Was `c` created from `ref`? Either as written (`ubuntu` == `ubuntu:latest`) or through the image it names now. */
export function imageMatches(query: DaemonQuery, c: ContainerRecord, ref: string): boolean {
  const want = normalizeRef(ref);
  if (want !== undefined && want === normalizeRef(c.Config.Image)) return true;
  return query.findImage(ref)?.id === c.ImageID;
}

/** A process runs `program` if its command name (ps's COMM) or its executable's file name is that. */
export function runsProgram(p: Pick<Process, 'comm' | 'exe'>, program: string): boolean {
  return p.comm === program || p.exe.slice(p.exe.lastIndexOf('/') + 1) === program;
}

export function programName(p: Process): string {
  return p.comm || p.exe.slice(p.exe.lastIndexOf('/') + 1);
}

/** Live processes (threads left out) whose process group is `pgid` (host numbering). */
export function groupMembers(kernel: Kernel, pgid: number): Process[] {
  const out: Process[] = [];
  for (const p of kernel.procs.values()) {
    if (p.state === 'running' && p.pgid === pgid && p.tgid === p.hostPid) out.push(p);
  }
  return out;
}

/**
 * The processes a terminal's foreground job is "at": members of the foreground group that started no other
 * member (with `sudo docker run …`, docker rather than sudo; with a pipeline, each of its commands).
 */
export function foregroundLeaves(kernel: Kernel, pgid: number): Process[] {
  const members = groupMembers(kernel, pgid);
  return members.filter((p) => !members.some((q) => q !== p && q.parent === p));
}
