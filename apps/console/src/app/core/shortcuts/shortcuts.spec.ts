import { DestroyRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { KeyPress, SEQUENCE_TIMEOUT_MS, Shortcut, ShortcutMatcher, Shortcuts, isTextField } from './shortcuts';

const key = (k: string, overrides: Partial<KeyPress> = {}): KeyPress => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: document.body,
  ...overrides,
});
const shortcut = (keys: string, overrides: Partial<Shortcut> = {}): Shortcut => ({
  keys,
  descriptionKey: 'shortcuts.help',
  group: 'general',
  action: () => undefined,
  ...overrides,
});

describe('keyboard shortcuts', () => {
  describe('ShortcutMatcher', () => {
    it('matches single keys, case-sensitively (Shift+R is "R")', () => {
      const matcher = new ShortcutMatcher();
      const r = shortcut('r');
      const shiftR = shortcut('R');

      expect(matcher.match(key('r'), [r, shiftR], 0)).toBe(r);
      expect(matcher.match(key('R'), [r, shiftR], 0)).toBe(shiftR);
      expect(matcher.match(key('x'), [r, shiftR], 0)).toBeNull();
    });

    it('completes a two-key sequence typed in time, and forgets the first key after the timeout', () => {
      const matcher = new ShortcutMatcher();
      const goConversations = shortcut('g c');
      const all = [goConversations, shortcut('c')];

      expect(matcher.match(key('g'), all, 0)).toBe('pending');
      expect(matcher.match(key('c'), all, 500)).toBe(goConversations);

      expect(matcher.match(key('g'), all, 1_000)).toBe('pending');
      expect(matcher.match(key('c'), all, 1_000 + SEQUENCE_TIMEOUT_MS + 1)).toBe(all[1]);
    });

    it('never fires while the agent types in a text field, except shortcuts meant for fields', () => {
      const matcher = new ShortcutMatcher();
      const approve = shortcut('a');
      const close = shortcut('Escape', { inFields: true });
      const textarea = document.createElement('textarea');

      expect(matcher.match(key('a', { target: textarea }), [approve, close], 0)).toBeNull();
      expect(matcher.match(key('Escape', { target: textarea }), [approve, close], 0)).toBe(close);
      expect(matcher.match(key('g', { target: textarea }), [shortcut('g c')], 0)).toBeNull();
    });

    it('leaves browser and OS shortcuts alone', () => {
      const matcher = new ShortcutMatcher();
      expect(matcher.match(key('a', { ctrlKey: true }), [shortcut('a')], 0)).toBeNull();
      expect(matcher.match(key('a', { metaKey: true }), [shortcut('a')], 0)).toBeNull();
    });

    it('lets a later registration win over an earlier one with the same keys', () => {
      const global = shortcut('j');
      const page = shortcut('j');
      expect(new ShortcutMatcher().match(key('j'), [global, page], 0)).toBe(page);
    });
  });

  it('treats text inputs, selects and editable content as fields, not buttons or checkboxes', () => {
    const make = (tag: string, type?: string) => {
      const element = document.createElement(tag);
      if (type) element.setAttribute('type', type);
      return element;
    };
    expect(isTextField(make('input', 'search'))).toBe(true);
    expect(isTextField(make('select'))).toBe(true);
    expect(isTextField(make('input', 'checkbox'))).toBe(false);
    expect(isTextField(make('button'))).toBe(false);
  });

  describe('Shortcuts service', () => {
    it('runs the action of a registered shortcut and stops the key from doing anything else', () => {
      const service = TestBed.inject(Shortcuts);
      const action = vi.fn();
      service.register([shortcut('/', { action })]);

      const event = new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true });
      document.body.dispatchEvent(event);

      expect(action).toHaveBeenCalledOnce();
      expect(event.defaultPrevented).toBe(true);
    });

    it("drops a screen's shortcuts when the screen goes away, and lists only the active ones", () => {
      const service = TestBed.inject(Shortcuts);
      const action = vi.fn();
      let destroy: () => void = () => undefined;
      const destroyRef = { onDestroy: (fn: () => void) => ((destroy = fn), () => undefined) } as unknown as DestroyRef;
      service.register([shortcut('a', { action, descriptionKey: 'conversations.shortcut.approve' })], destroyRef);
      expect(service.active().map((s) => s.keys)).toEqual(['a']);

      destroy();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));

      expect(action).not.toHaveBeenCalled();
      expect(service.active()).toEqual([]);
    });
  });
});
