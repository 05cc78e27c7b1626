import { describe, expect, it, vi } from 'vitest';
import { frameLocalStorage, hostBackedStorage, storageKeys } from './storage';

describe('storage', () => {
  it('names keys parley:<inboxToken>:…', () => {
    expect(storageKeys('pub_1')).toEqual({
      visitor: 'parley:pub_1:visitor',
      outbox: 'parley:pub_1:outbox',
      identifier: 'parley:pub_1:identifier',
    });
  });

  it('reports blocked frame storage as unavailable instead of throwing', () => {
    const blocked = {} as Window;
    Object.defineProperty(blocked, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    expect(frameLocalStorage(blocked)).toBeNull();
    expect(frameLocalStorage(window)).not.toBeNull();
  });

  it('host-backed storage reads the host snapshot, writes through, and takes other tabs’ changes', () => {
    const write = vi.fn();
    const storage = hostBackedStorage({ 'parley:pub_1:visitor': 'vt-1' }, write);
    expect(storage.get('parley:pub_1:visitor')).toBe('vt-1');

    storage.set('parley:pub_1:outbox', '[]');
    storage.remove('parley:pub_1:visitor');
    expect(write.mock.calls).toEqual([
      ['parley:pub_1:outbox', '[]'],
      ['parley:pub_1:visitor', null],
    ]);

    storage.external('parley:pub_1:outbox', '[{"x":1}]');
    expect(storage.get('parley:pub_1:outbox')).toBe('[{"x":1}]');
    expect(write).toHaveBeenCalledTimes(2);
  });
});
