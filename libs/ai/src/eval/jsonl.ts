import { readFileSync } from 'node:fs';

/** Reads a JSON Lines file; blank lines are skipped, a bad line fails with its line number. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => {
      try {
        return JSON.parse(line) as T;
      } catch (error) {
        throw new Error(`${path}:${n}: invalid JSON (${(error as Error).message})`);
      }
    });
}
