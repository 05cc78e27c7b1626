import type { CannedResponseDto } from '@parley/shared/contracts';
import { cannedQuery, insertCanned, matchCanned } from './canned';

const canned = (shortCode: string, content = `${shortCode} text`): CannedResponseDto => ({
  id: shortCode,
  shortCode,
  content,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('canned responses by shortcode', () => {
  it('finds the shortcode typed right before the caret, at the start or after a space', () => {
    expect(cannedQuery('/tr', 3)).toBe('tr');
    expect(cannedQuery('안녕하세요 /Track', 12)).toBe('track');
    expect(cannedQuery('/', 1)).toBe('');
  });

  it('ignores slashes inside words and URLs, and a shortcode the caret has left', () => {
    expect(cannedQuery('and/or', 6)).toBeNull();
    expect(cannedQuery('https://x.example/track', 23)).toBeNull();
    expect(cannedQuery('/track thanks', 13)).toBeNull();
  });

  it('lists shortcodes starting with the query before those containing it', () => {
    const list = [canned('thanks'), canned('track'), canned('hours'), canned('fasttrack')];

    expect(matchCanned(list, 'tr').map((c) => c.shortCode)).toEqual(['track', 'fasttrack']);
    expect(matchCanned(list, '').length).toBe(4);
  });

  it('replaces the shortcode with the content and puts the caret after it', () => {
    expect(insertCanned('Hi /tra', 7, 'Please share your order number.')).toEqual({
      text: 'Hi Please share your order number.',
      caret: 34,
    });
    expect(insertCanned('/hours and more', 6, 'Mon–Fri 10–19')).toEqual({ text: 'Mon–Fri 10–19 and more', caret: 13 });
  });
});
