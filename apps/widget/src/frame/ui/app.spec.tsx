import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSocket, message, session } from '../../testing/fakes';
import { ChatController } from '../core/chat-controller';
import { memoryStorage } from '../core/storage';
import { App } from './app';

function controller(sessionResponse = session()) {
  return new ChatController({
    inboxToken: 'inbox-1',
    hostOrigin: 'https://shop.example',
    locale: 'ko',
    storage: memoryStorage(),
    createSession: () => Promise.resolve(sessionResponse),
    openSocket: () => new FakeSocket(),
    toHost: () => undefined,
    isVisible: () => true,
  });
}

describe('App', () => {
  const root = document.createElement('div');
  document.body.appendChild(root);
  afterEach(() => render(null, root));

  it('shows a panel opened between the first render and its subscription', async () => {
    const chat = controller();
    render(<App controller={chat} />, root);
    chat.setOpen(true);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(root.querySelector('[role="dialog"]')).not.toBeNull();
    expect(root.querySelector('.pw-launcher')?.getAttribute('aria-label')).toBe('채팅 닫기');
  });

  it('shows unread business messages as a badge and in the launcher’s label', async () => {
    const chat = controller(
      session({
        conversations: [{ id: 'c1', status: 'open', lastSeq: 2, contactLastReadSeq: 1, agentLastReadSeq: 0, messages: [message({ seq: 1 }), message({ seq: 2 })] }],
      }),
    );
    await chat.start(null);
    render(<App controller={chat} />, root);

    expect(root.querySelector('.pw-badge')?.textContent).toBe('1');
    expect(root.querySelector('.pw-launcher')?.getAttribute('aria-label')).toBe('채팅 열기 (읽지 않은 메시지 1개)');
  });
});
