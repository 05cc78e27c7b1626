import { TestBed } from '@angular/core/testing';
import { I18nService, LOCALE_STORAGE_KEY, interpolate } from './i18n.service';
import { MESSAGES, en, ko } from './messages';

describe('I18nService', () => {
  let languageSpy: ReturnType<typeof vi.spyOn>;

  function browserLanguage(language: string) {
    languageSpy.mockReturnValue(language);
  }

  beforeEach(() => {
    localStorage.clear();
    languageSpy = vi.spyOn(navigator, 'language', 'get');
  });

  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('uses the locale stored by an earlier choice, over the browser language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    browserLanguage('ko-KR');

    expect(TestBed.inject(I18nService).locale()).toBe('en');
  });

  it('falls back to Korean when the browser language starts with ko', () => {
    browserLanguage('ko-KR');

    expect(TestBed.inject(I18nService).locale()).toBe('ko');
  });

  it('falls back to English for any other browser language', () => {
    browserLanguage('fr-FR');

    expect(TestBed.inject(I18nService).locale()).toBe('en');
  });

  it('ignores a stored value that is not a supported locale', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'de');
    browserLanguage('ko');

    expect(TestBed.inject(I18nService).locale()).toBe('ko');
  });

  it('persists the chosen locale, so the next visit starts in it', () => {
    browserLanguage('en-US');
    TestBed.inject(I18nService).setLocale('ko');

    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ko');

    TestBed.resetTestingModule();
    expect(TestBed.inject(I18nService).locale()).toBe('ko');
  });

  it('translates into the current locale and follows a change', () => {
    browserLanguage('en-US');
    const i18n = TestBed.inject(I18nService);
    expect(i18n.t('nav.settings')).toBe('Settings');

    i18n.setLocale('ko');

    expect(i18n.t('nav.settings')).toBe('설정');
    expect(document.documentElement.lang).toBe('ko');
  });

  it('fills {placeholders} from params and leaves unknown ones visible', () => {
    expect(
      interpolate('{who} has {count} new', { who: 'Mina', count: 3 }),
    ).toBe('Mina has 3 new');
    expect(interpolate('{who} uses {what}', { who: 'Mina' })).toBe(
      'Mina uses {what}',
    );
  });

  it('has a non-empty Korean text for every English key', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ko[key]?.trim(), key).toBeTruthy();
    }
    expect(Object.keys(MESSAGES.ko).sort()).toEqual(
      Object.keys(MESSAGES.en).sort(),
    );
  });
});
