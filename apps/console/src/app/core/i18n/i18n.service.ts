import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { readItem, writeItem } from '../storage/local-storage';
import { Locale, MESSAGES, MessageKey, isLocale } from './messages';

export const LOCALE_STORAGE_KEY = 'parley.locale';

export type MessageParams = Readonly<Record<string, string | number>>;

/** The UI locale and its messages, as signals, so templates re-render when the locale changes. */
@Injectable({ providedIn: 'root' })
export class I18nService {
  readonly #document = inject(DOCUMENT);
  readonly #locale = signal<Locale>(this.#initialLocale());

  readonly locale = this.#locale.asReadonly();
  readonly messages = computed(() => MESSAGES[this.#locale()]);

  constructor() {
    this.#applyToDocument(this.#locale());
  }

  setLocale(locale: Locale): void {
    this.#locale.set(locale);
    writeItem(LOCALE_STORAGE_KEY, locale);
    this.#applyToDocument(locale);
  }

  /** Reads the locale signal, so a caller inside a template or `computed` tracks locale changes. */
  t(key: MessageKey, params?: MessageParams): string {
    const text = this.messages()[key];
    return params ? interpolate(text, params) : text;
  }

  #initialLocale(): Locale {
    const stored = readItem(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
    const language = this.#document.defaultView?.navigator?.language ?? '';
    return language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
  }

  #applyToDocument(locale: Locale): void {
    // Screen readers pick their voice from `lang`; Korean line breaking in styles.css keys off it too.
    this.#document.documentElement.lang = locale;
  }
}

/** Fills `{name}` placeholders; an unknown one stays visible rather than silently vanishing. */
export function interpolate(text: string, params: MessageParams): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}
