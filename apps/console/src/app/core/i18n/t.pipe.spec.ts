import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18nService } from './i18n.service';
import { LocaleToggle } from './locale-toggle';
import { TPipe } from './t.pipe';

@Component({
  imports: [TPipe, LocaleToggle],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ 'nav.conversations' | t }}</h1>
    <pl-locale-toggle />`,
})
class Host {}

describe('t pipe and locale toggle', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
  });

  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  function button(root: HTMLElement, lang: string): HTMLButtonElement {
    return root.querySelector<HTMLButtonElement>(`button[lang="${lang}"]`)!;
  }

  it('re-renders an OnPush view when the locale changes', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const heading = fixture.nativeElement.querySelector('h1') as HTMLElement;
    expect(heading.textContent).toBe('Conversations');

    TestBed.inject(I18nService).setLocale('ko');
    await fixture.whenStable();

    expect(heading.textContent).toBe('대화');
  });

  it('switches and persists the locale from the KO/EN buttons, marking the current one pressed', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(button(root, 'en').getAttribute('aria-pressed')).toBe('true');
    expect(button(root, 'ko').getAttribute('aria-pressed')).toBe('false');

    button(root, 'ko').click();
    await fixture.whenStable();

    expect(root.querySelector('h1')?.textContent).toBe('대화');
    expect(button(root, 'ko').getAttribute('aria-pressed')).toBe('true');
    expect(button(root, 'ko').getAttribute('aria-label')).toBe('KO 한국어');
    expect(localStorage.getItem('parley.locale')).toBe('ko');
  });
});
