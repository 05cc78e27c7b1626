import type { CannedResponseDto } from '@parley/shared/contracts';

/** The `/shortcode` being typed right before the caret, e.g. `/tra` → `tra`; null when there is none. */
export function cannedQuery(text: string, caret: number): string | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)\/([\w-]*)$/.exec(before);
  return match ? match[1].toLowerCase() : null;
}

/** Canned responses whose shortcode starts with the query (then those that contain it), at most `limit`. */
export function matchCanned(responses: readonly CannedResponseDto[], query: string, limit = 8): CannedResponseDto[] {
  const starts = responses.filter((r) => r.shortCode.toLowerCase().startsWith(query));
  const contains = responses.filter((r) => !r.shortCode.toLowerCase().startsWith(query) && r.shortCode.toLowerCase().includes(query));
  return [...starts, ...contains].slice(0, limit);
}

/** Replaces the `/shortcode` before the caret with the response's content; returns the new text and caret. */
export function insertCanned(text: string, caret: number, content: string): { text: string; caret: number } {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)(\/[\w-]*)$/.exec(before);
  if (!match) return { text, caret };
  const start = caret - match[1].length;
  const next = text.slice(0, start) + content + text.slice(caret);
  return { text: next, caret: start + content.length };
}
