import { describe, expect, it } from 'vitest';
import { conflict, DaemonError, invalidParameter, isDaemonError, kindFromStatus, notFound, notModified, statusFromError, systemError, type ErrorKind } from '../../src/pkg/errdefs.js';

describe('errdefs and httpstatus', () => {
  it('a class decides the status, and the client recovers the class from it', () => {
    expect([notFound('x'), invalidParameter('x'), conflict('x'), notModified('x'), systemError('x')].map(statusFromError)).toEqual([404, 400, 409, 304, 500]);
    const kinds: ErrorKind[] = ['NotFound', 'InvalidParameter', 'Conflict', 'NotModified', 'Unauthorized', 'Forbidden', 'Unavailable', 'NotImplemented', 'System'];
    for (const kind of kinds) expect(kindFromStatus(statusFromError(new DaemonError(kind, 'x')))).toBe(kind);
  });

  it('an unclassified error is a 500, and an unknown status a System error', () => {
    expect(statusFromError(new Error('strconv.Atoi: parsing "x": invalid syntax'))).toBe(500);
    expect(kindFromStatus(418)).toBe('System');
  });

  it('the body is the bare message', () => {
    expect(JSON.stringify(notFound('No such container: web'))).toBe('{"message":"No such container: web"}');
    expect(isDaemonError(conflict('x'), 'Conflict')).toBe(true);
    expect(isDaemonError(conflict('x'), 'NotFound')).toBe(false);
  });
});
