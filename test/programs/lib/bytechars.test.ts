import { describe, expect, it } from 'vitest';
import { byteChar, toOutput } from '../../../src/programs/lib/bytechars.js';

describe('bytes inside text (surrogateescape)', () => {
  it('writes plain text as the same string and escaped bytes as bytes beside UTF-8 text', () => {
    expect(toOutput('plain 中')).toBe('plain 中');
    const s = `中${byteChar(0xe4)}${byteChar(0xb8)}${byteChar(0xad)}${byteChar(0x41)}😀${byteChar(0xff)}`;
    expect([...(toOutput(s) as Uint8Array)]).toEqual([0xe4, 0xb8, 0xad, 0xe4, 0xb8, 0xad, 0x41, 0xf0, 0x9f, 0x98, 0x80, 0xff]);
  });
});
