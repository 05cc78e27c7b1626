import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import type { MessageDto } from '@parley/shared/contracts';
import { aMessage } from '../../../../testing/conversations';
import { LOCALE_STORAGE_KEY } from '../../../core/i18n/i18n.service';
import { MessageContent } from './message-content';

describe('MessageContent', () => {
  async function render(message: MessageDto) {
    const fixture = TestBed.createComponent(MessageContent);
    fixture.componentRef.setInput('message', message);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  });

  afterEach(() => localStorage.clear());

  it('shows a sent quote as a card with its number, amount and a link to the request, instead of the raw text', async () => {
    const root = await render(
      aMessage({
        messageType: 'outgoing',
        senderType: 'agent',
        body: 'Quote Q-1042: https://parley.example/q/abc',
        content: {
          quote: { quoteRequestId: 'q-1', displayId: 1042, amount: 1_500_000, currency: 'KRW', validUntil: '2026-12-05', url: 'https://x', pdfUrl: 'https://x.pdf' },
        },
      }),
    );

    expect(root.querySelector('[data-testid="message-quote"]')?.textContent).toContain('Quote Q-1042 sent');
    expect(root.textContent).toContain('₩1,500,000');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/quotes/q-1');
    expect(root.textContent).not.toContain('https://parley.example/q/abc');
  });

  it('shows the buttons a flow step offered as chips that do nothing, and customer text as text', async () => {
    const root = await render(
      aMessage({
        messageType: 'template',
        senderType: 'bot',
        body: '무엇을 도와드릴까요?',
        content: { flowStep: { stepId: 'start', kind: 'menu', buttons: [{ id: 'order', label: '주문' }, { id: 'x', label: '<b>배송</b>' }] } },
      }),
    );

    expect(root.querySelector('.body')?.textContent).toBe('무엇을 도와드릴까요?');
    const chips = Array.from(root.querySelectorAll('.chips li'));
    expect(chips.map((c) => c.textContent)).toEqual(['주문', '<b>배송</b>']);
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('.chips button, .chips a')).toBeNull();
  });
});
