import { describe, expect, it } from 'vitest';
import { formatStanza } from '../../../../src/engine/rootfs/packages/status.js';

describe('a dpkg status stanza', () => {
  it('puts the fields in dpkg’s order, fields it does not order after them in their own order', () => {
    const fields = new Map([
      ['X-Custom', '1'], ['Version', '1.24.0-2ubuntu7'], ['Package', 'nginx'], ['Status', 'install ok installed'],
      ['Description', 'small, powerful, scalable web/proxy server'], ['Architecture', 'amd64'], ['X-Other', '2'],
    ]);
    expect(formatStanza(fields)).toBe(
      'Package: nginx\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.24.0-2ubuntu7\n' +
        'Description: small, powerful, scalable web/proxy server\nX-Custom: 1\nX-Other: 2\n',
    );
  });

  it('keeps fields already in order as they are', () => {
    const fields = new Map([['Package', 'a'], ['Priority', 'optional'], ['Depends', 'b (>= 1)'], ['X-Later', 'x']]);
    expect(formatStanza(fields)).toBe('Package: a\nPriority: optional\nDepends: b (>= 1)\nX-Later: x\n');
  });
});
