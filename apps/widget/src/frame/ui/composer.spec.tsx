import { LIMITS } from '@parley/shared/domain';
import { createRef, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { stringsFor } from '../core/i18n';
import { Composer } from './composer';

describe('Composer', () => {
  let root: HTMLElement;
  let onSend: Mock<(text: string) => boolean>;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.appendChild(root);
    onSend = vi.fn<(text: string) => boolean>(() => true);
    act(() => render(<Composer t={stringsFor('en')} onSend={onSend} onInput={vi.fn()} inputRef={createRef()} />, root));
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const textarea = () => root.querySelector('textarea') as HTMLTextAreaElement;
  const type = (value: string) =>
    act(() => {
      textarea().value = value;
      textarea().dispatchEvent(new Event('input', { bubbles: true }));
    });
  const key = (init: KeyboardEventInit) => act(() => void textarea().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init })));

  it('is labelled', () => {
    expect(root.querySelector('label[for="pw-input"]')?.textContent).toBe('Message');
    expect(root.querySelector('button[type="submit"]')?.getAttribute('aria-label')).toBe('Send');
  });

  it('sends on Enter and clears the field', () => {
    type('hello');
    key({});
    expect(onSend).toHaveBeenCalledWith('hello');
    expect(textarea().value).toBe('');
  });

  it('keeps Shift+Enter for a new line and Enter that ends an IME composition', () => {
    type('안녕');
    key({ shiftKey: true });
    key({ isComposing: true });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send whitespace', () => {
    type('  \n  ');
    key({});
    expect(onSend).not.toHaveBeenCalled();
    expect((root.querySelector('button[type="submit"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a counter near the limit and refuses to send past it', () => {
    type('a'.repeat(100));
    expect(root.querySelector('.pw-count')).toBeNull();

    type('a'.repeat(LIMITS.messageBodyMax - 10));
    expect(root.querySelector('.pw-count')?.textContent).toBe('9,990 / 10,000');

    type('a'.repeat(LIMITS.messageBodyMax + 1));
    key({});
    expect(onSend).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('10,000');
    expect(textarea().getAttribute('aria-invalid')).toBe('true');
  });
});
