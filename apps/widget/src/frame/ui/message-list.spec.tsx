import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { message } from '../../testing/fakes';
import { buildTimeline, emptyConversation } from '../core/conversation-store';
import { stringsFor } from '../core/i18n';
import { MessageList } from './message-list';

const ATTACK = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

describe('MessageList', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.appendChild(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  function show(bodies: { body: string; own?: boolean }[], greeting: string | null = null) {
    const state = {
      ...emptyConversation('c1'),
      messages: bodies.map((b, i) =>
        message({ seq: i + 1, body: b.body, messageType: b.own ? 'incoming' : 'outgoing', clientMessageId: b.own ? 'x' + i : null }),
      ),
    };
    render(
      <MessageList
        items={buildTimeline(state, [])}
        greeting={greeting}
        agentTyping={null}
        resolved={false}
        locale="en"
        t={stringsFor('en')}
        onRetry={vi.fn()}
        onDiscard={vi.fn()}
      />,
      root,
    );
  }

  it('shows message bodies literally and never creates elements from them', () => {
    show([{ body: ATTACK }, { body: ATTACK, own: true }], ATTACK);

    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    const bubbles = Array.from(root.querySelectorAll('.pw-bubble')).map((b) => b.textContent);
    expect(bubbles.filter((text) => text && text.indexOf(ATTACK) >= 0)).toHaveLength(3);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('links only http(s) URLs', () => {
    show([{ body: 'see https://parley.example/help?a=1. or javascript:alert(1)' }]);
    const links = Array.from(root.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://parley.example/help?a=1']);
    expect(links[0].getAttribute('rel')).toContain('noopener');
  });

  it('puts business messages left with the agent’s name and initials, the visitor’s right', () => {
    show([{ body: 'Hello, how can I help?' }, { body: 'My order is late', own: true }]);
    const rows = root.querySelectorAll('.pw-row');
    const business = rows[1];
    expect(business.classList.contains('pw-business')).toBe(true);
    expect(business.querySelector('.pw-sender')?.textContent).toBe('Jane Doe');
    expect(business.querySelector('.pw-avatar')?.textContent).toBe('JD');
    expect(rows[2].classList.contains('pw-own')).toBe(true);
    expect(rows[2].querySelector('.pw-status')?.textContent).toContain('Sent');
    expect(root.querySelector('[role="log"]')?.getAttribute('aria-label')).toBe('Messages');
  });
});
