import { UUID_PATTERN } from '@parley/shared/domain';
import { AppException } from '../errors/app.exception';

/** Opaque keyset cursor over (timestamp, id), newest first. */
export interface Keyset {
  at: Date;
  id: string;
}

export function encodeCursor(k: Keyset): string {
  return Buffer.from(`${k.at.toISOString()}|${k.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Keyset {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || !UUID_PATTERN.test(id) || Number.isNaN(at.getTime())) {
    throw new AppException('validation_failed', 'cursor is not a cursor returned by this API', [{ field: 'cursor', errors: ['invalid cursor'] }]);
  }
  return { at, id };
}

/** Escapes LIKE wildcards so user text matches literally. */
export const likeContains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
