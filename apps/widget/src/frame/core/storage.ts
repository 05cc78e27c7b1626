export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function storageKeys(inboxToken: string) {
  const prefix = 'parley:' + inboxToken + ':';
  return { visitor: prefix + 'visitor', outbox: prefix + 'outbox', identifier: prefix + 'identifier' };
}

export function memoryStorage(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    get: (key) => (map.has(key) ? (map.get(key) as string) : null),
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  };
}

/**
 * The frame's own localStorage, or null where the browser blocks storage in third-party iframes
 * (third-party cookies blocked, incognito, Brave): reading `localStorage` then throws.
 */
export function frameLocalStorage(win: Window): KeyValueStore | null {
  try {
    const storage = win.localStorage;
    const probe = 'parley:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    const fallback = memoryStorage();
    return {
      get(key) {
        try {
          return storage.getItem(key);
        } catch {
          return fallback.get(key);
        }
      },
      set(key, value) {
        try {
          storage.setItem(key, value);
        } catch {
          // Quota exceeded: keep going in memory rather than lose the value for this page view.
          fallback.set(key, value);
        }
      },
      remove(key) {
        try {
          storage.removeItem(key);
        } catch {
          fallback.remove(key);
        }
      },
    };
  } catch {
    return null;
  }
}

export interface HostBackedStorage extends KeyValueStore {
  /** A change made by another tab, relayed by the loader. */
  external(key: string, value: string | null): void;
}

/**
 * Fallback for blocked frame storage: the loader keeps our keys in the host page's (first-party)
 * localStorage. Reads come from the snapshot it sent at start-up, writes go through to it.
 */
export function hostBackedStorage(snapshot: Record<string, string>, write: (key: string, value: string | null) => void): HostBackedStorage {
  const memory = memoryStorage();
  for (const key in snapshot) if (typeof snapshot[key] === 'string') memory.set(key, snapshot[key]);
  return {
    get: memory.get,
    set(key, value) {
      memory.set(key, value);
      write(key, value);
    },
    remove(key) {
      memory.remove(key);
      write(key, null);
    },
    external(key, value) {
      if (value === null) memory.remove(key);
      else memory.set(key, value);
    },
  };
}
