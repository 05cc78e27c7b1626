import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSocket, flush, session } from '../../testing/fakes';
import { flow, stepMessage } from '../../testing/flows';
import { ChatController } from '../core/chat-controller';
import { memoryStorage } from '../core/storage';
import { App } from './app';

describe('flow steps in the panel', () => {
  let root: HTMLElement;
  let socket: FakeSocket;
  let chat: ChatController;

  beforeEach(async () => {
    root = document.createElement('div');
    document.body.appendChild(root);
    chat = new ChatController({
      inboxToken: 'inbox-1',
      hostOrigin: 'https://shop.example',
      locale: 'en',
      storage: memoryStorage(),
      createSession: () => Promise.resolve(session({ contact: { id: 'contact-1', name: 'Sarah Lim', email: 'sarah@brightnest.example.com', phone: null }, inbox: { ...session().inbox, flow: flow() } })),
      openSocket: () => {
        socket = new FakeSocket();
        socket.responders['message.send'] = (payload) => ({ ok: true, message: { id: 'sent-1', conversationId: 'c1', seq: 1, createdAt: '2026-01-01T09:00:00.000Z', payload } });
        return socket;
      },
      toHost: () => undefined,
      isVisible: () => true,
    });
    await chat.start(null);
    socket.accept();
    await flush();
    act(() => {
      render(<App controller={chat} />, root);
      chat.setOpen(true);
    });
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const buttons = () => Array.from(root.querySelectorAll<HTMLButtonElement>('.pw-choices button')).map((b) => b.textContent);
  const bubbles = () => Array.from(root.querySelectorAll('.pw-bubble')).map((b) => b.textContent);
  const arrive = async (m: Parameters<typeof stepMessage>) => {
    act(() => socket.fire('message.created', stepMessage(...m)));
    await flush();
  };

  it('shows the start step before the first message, as real buttons in a labelled group', () => {
    expect(bubbles()[0]).toBe('How can we help?');
    const group = root.querySelector('.pw-choices');
    expect(group?.getAttribute('role')).toBe('group');
    expect(group?.getAttribute('aria-label')).toBe('How can we help?');
    expect(buttons()).toEqual(['Shipping', 'B2B 견적']);
    expect(Array.from(root.querySelectorAll('.pw-choices button')).every((b) => b.getAttribute('type') === 'button')).toBe(true);
  });

  it('a click becomes the visitor’s bubble and sends the choice; only the latest step’s buttons show', async () => {
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.pw-choices button')?.click();
      await flush();
    });
    expect(socket.requestsFor('message.send')[0].payload).toMatchObject({ body: 'Shipping', flow: { stepId: 'start', buttonId: 'shipping' } });
    expect(buttons()).toEqual([]);
    expect(bubbles()).toContain('You: Shipping');

    await arrive([2, { stepId: 'area', kind: 'menu', buttons: [{ id: 'kr', label: 'Within Korea' }, { id: 'abroad', label: 'Abroad' }] }, 'Where to?']);
    expect(buttons()).toEqual(['Within Korea', 'Abroad']);
    expect(root.querySelector('.pw-choices')?.getAttribute('aria-label')).toBe('Where to?');
    await arrive([3, { stepId: 'size', kind: 'menu', buttons: [{ id: 's', label: 'Small parcel' }] }, 'How big?']);
    expect(buttons()).toEqual(['Small parcel']);
  });

  it('a contact step shows the one-line contact prompt', async () => {
    await arrive([1, { stepId: 'reach', kind: 'contact_capture', buttons: [] }, 'How can we reach you?']);
    expect(root.querySelector('form.pw-capture input')?.getAttribute('aria-label')).toBe('Your name, email or phone number');
  });

  it('a quote step shows a labelled form that sends quote.submit and then the request number and status', async () => {
    socket.responders['quote.submit'] = () => ({ ok: true, quoteRequest: { id: 'q1', displayId: 12, status: 'new', conversationId: 'c1' } });
    await arrive([1, { stepId: 'quote', kind: 'quote_form', buttons: [] }, 'Fill in the form.']);
    const form = root.querySelector('form.pw-quote') as HTMLFormElement;
    expect(form).not.toBeNull();
    // Every field has a visible label around it.
    const fields = Array.from(form.querySelectorAll('input, select, textarea'));
    expect(fields.length).toBeGreaterThanOrEqual(10);
    expect(fields.every((f) => f.closest('label')?.querySelector('span')?.textContent)).toBe(true);
    expect((form.querySelector('input[type="email"]') as HTMLInputElement).value).toBe('sarah@brightnest.example.com');

    const type = (input: Element | null, value: string) =>
      act(() => {
        (input as HTMLInputElement).value = value;
        input?.dispatchEvent(new Event('input', { bubbles: true }));
      });
    const item = () => form.querySelectorAll('.pw-quote-item');
    act(() => (Array.from(form.querySelectorAll('button')).find((b) => b.textContent === '+ Add an item') as HTMLButtonElement).click());
    expect(item()).toHaveLength(2);
    expect(item()[1].querySelector('button')?.getAttribute('aria-label')).toBe('Remove item 2');
    act(() => (item()[1].querySelector('button') as HTMLButtonElement).click());
    expect(item()).toHaveLength(1);

    await act(async () => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await flush();
    });
    expect(root.querySelector('#pw-quote-error')?.textContent).toContain('Item 1');
    expect(socket.requestsFor('quote.submit')).toEqual([]);

    type(item()[0].querySelector('input'), 'Ceramic mugs 350ml');
    type(item()[0].querySelector('input[type="number"]'), '400');
    await act(async () => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await flush();
    });
    expect(socket.requestsFor('quote.submit')[0].payload).toMatchObject({
      clientRequestId: expect.any(String),
      conversationId: 'c1',
      items: [{ name: 'Ceramic mugs 350ml', url: null, quantity: 400, targetUnitPrice: null, currency: 'USD' }],
      contact: { name: 'Sarah Lim', email: 'sarah@brightnest.example.com' },
    });
    expect(root.querySelector('.pw-quote-done')?.textContent).toBe('Quote request Q-12 received · New');
    expect(root.querySelector('form.pw-quote')).toBeNull();
  });
});
