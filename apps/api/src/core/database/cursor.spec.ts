import { decodeCursor, encodeCursor, likeContains } from './cursor';

describe('keyset cursor', () => {
  it('round-trips a timestamp and id exactly', () => {
    const k = { at: new Date('2026-03-04T05:06:07.891Z'), id: '3f1c2a8e-2b7d-4c55-9a0e-1d2c3b4a5f60' };
    expect(decodeCursor(encodeCursor(k))).toEqual(k);
  });

  it('rejects tampered or foreign cursors with validation_failed', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('2026-01-01T00:00:00Z|x').toString('base64url'))).toThrow(/cursor/);
  });

  it('escapes LIKE wildcards', () => {
    expect(likeContains('50%_off')).toBe('%50\\%\\_off%');
  });
});
