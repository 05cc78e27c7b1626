import { describe, expect, it } from 'vitest';
import { describeAvailability, pickLocale, stringsFor } from './i18n';

describe('pickLocale', () => {
  it('follows the locale param first', () => {
    expect(pickLocale('ko', 'en-US')).toBe('ko');
    expect(pickLocale('EN', 'ko-KR')).toBe('en');
    expect(pickLocale('ko-KR', 'en-US')).toBe('ko');
  });

  it('falls back to the browser language, Korean only when it starts with ko', () => {
    expect(pickLocale(null, 'ko-KR')).toBe('ko');
    expect(pickLocale('', 'ko')).toBe('ko');
    expect(pickLocale('fr', 'ko-KR')).toBe('ko');
    expect(pickLocale(null, 'en-GB')).toBe('en');
    expect(pickLocale(null, 'ja-JP')).toBe('en');
    expect(pickLocale(undefined, undefined)).toBe('en');
  });
});

describe('strings', () => {
  it('has a Korean string for every English one', () => {
    expect(Object.keys(stringsFor('ko')).sort()).toEqual(Object.keys(stringsFor('en')).sort());
    expect(stringsFor('ko').send).toBe('보내기');
  });
});

describe('describeAvailability', () => {
  const now = new Date(2026, 2, 2, 20, 0); // a Monday evening, local time

  it('gives the typical wait when online', () => {
    expect(describeAvailability({ online: true, expectedReplyMinutes: 5, nextOpenAt: null }, 'en', now)).toBe('Typically replies in 5 minutes');
    expect(describeAvailability({ online: true, expectedReplyMinutes: 5, nextOpenAt: null }, 'ko', now)).toBe('보통 5분 안에 답변해요');
  });

  it('says when the inbox opens again when away', () => {
    const tomorrow = new Date(2026, 2, 3, 9, 0).toISOString();
    const text = describeAvailability({ online: false, expectedReplyMinutes: null, nextOpenAt: tomorrow }, 'en', now);
    expect(text).toMatch(/^We're away\. We'll reply tomorrow at 9:00\sAM\.$/);
    expect(describeAvailability({ online: false, expectedReplyMinutes: null, nextOpenAt: tomorrow }, 'ko', now)).toContain('내일');
  });

  it('falls back to "as soon as we can" without a next opening', () => {
    expect(describeAvailability({ online: false, expectedReplyMinutes: null, nextOpenAt: null }, 'en', now)).toContain('as soon as we can');
  });
});
