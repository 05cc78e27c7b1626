/**
 * localStorage access that never throws: storage can be disabled, full, or blocked
 * (private browsing, strict cookie settings), and the console must still work without it.
 */
export function readItem(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeItem(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not persisted; the in-memory state still holds for this page.
  }
}

export function removeItem(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // Nothing stored that we could remove.
  }
}
