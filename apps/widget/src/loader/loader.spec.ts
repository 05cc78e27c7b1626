import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FrameToHost } from '../shared/bridge';
import { install } from './index';
import { mountWidget, type MountedWidget } from './loader';
import { findOwnScript, frameUrl, readConfig, type LoaderConfig } from './script-config';

const HOST_ORIGIN = 'https://chat.example.com';
const config: LoaderConfig = { inboxToken: 'pub_abc', locale: null, host: HOST_ORIGIN, hostOrigin: HOST_ORIGIN };

function page(html: string, url = 'https://shop.example/products?id=1') {
  return new JSDOM('<!doctype html><html><head></head><body>' + html + '</body></html>', { url }).window;
}

function fromFrame(win: Window, widget: MountedWidget, data: FrameToHost | object, origin = HOST_ORIGIN, source?: Window | null) {
  const event = new (win as unknown as typeof globalThis).MessageEvent('message', { data, origin });
  // Set after construction: jsdom's MessageEvent init only accepts windows of its own instance.
  Object.defineProperty(event, 'source', { value: source === undefined ? widget.iframe.contentWindow : source });
  win.dispatchEvent(event);
}

describe('script attributes', () => {
  it('reads the inbox token, locale and HOST from its own tag', () => {
    const win = page('<script src="https://chat.example.com/parley/widget.js?v=3" data-inbox="pub_abc" data-locale="KO" async></script>');
    const script = findOwnScript(win.document);
    expect(script).not.toBeNull();
    expect(readConfig(script as HTMLScriptElement, win.document.baseURI)).toEqual({
      inboxToken: 'pub_abc',
      locale: 'ko',
      host: 'https://chat.example.com/parley',
      hostOrigin: 'https://chat.example.com',
    });
  });

  it('falls back to the tag whose src ends in /widget.js when currentScript is unavailable', () => {
    const win = page(
      '<script src="https://cdn.example/analytics.js" data-inbox="other"></script>' +
        '<script src="https://chat.example.com/widget.js" data-inbox="pub_abc"></script>' +
        '<script src="https://cdn.example/app.js"></script>',
    );
    expect(win.document.currentScript).toBeNull();
    expect(findOwnScript(win.document)?.getAttribute('data-inbox')).toBe('pub_abc');
  });

  it('refuses a tag without data-inbox, and ignores an unsupported locale', () => {
    const win = page('<script src="https://chat.example.com/widget.js" data-inbox="  " ></script>');
    expect(readConfig(win.document.scripts[0], win.document.baseURI)).toBeNull();
    const other = page('<script src="/widget.js" data-inbox="t" data-locale="fr"></script>');
    expect(readConfig(other.document.scripts[0], other.document.baseURI)).toMatchObject({ locale: null, host: 'https://shop.example' });
  });

  it('builds the frame URL with the inbox, locale and encoded page origin', () => {
    expect(frameUrl({ ...config, locale: 'en' }, 'https://shop.example')).toBe(
      'https://chat.example.com/widget/frame.html?inbox=pub_abc&locale=en&origin=https%3A%2F%2Fshop.example',
    );
  });

  it('passes on the conversation of a follow-up link (?conversation=<id> on the host page), and nothing else', () => {
    const id = '0b7f7a56-3c1e-4f7e-9b59-2f4f1f6f2a10';
    expect(frameUrl(config, 'https://shop.example', id)).toBe(`https://chat.example.com/widget/frame.html?inbox=pub_abc&origin=https%3A%2F%2Fshop.example&conversation=${id}`);
    expect(frameUrl(config, 'https://shop.example', '"><script>')).not.toContain('conversation');
  });
});

describe('mountWidget', () => {
  let widget: MountedWidget | null = null;
  afterEach(() => widget?.destroy());

  function mount(win = page('')) {
    widget = mountWidget(win, config);
    // jsdom gives no browsing context to an iframe inside a shadow root (browsers do); stand one in.
    const frameWindow = page('', HOST_ORIGIN + '/widget/frame.html');
    Object.defineProperty(widget.iframe, 'contentWindow', { value: frameWindow, configurable: true });
    const posted: unknown[] = [];
    vi.spyOn(frameWindow, 'postMessage').mockImplementation(((message: unknown, targetOrigin: unknown) => {
      posted.push({ message, targetOrigin });
    }) as never);
    return { win, widget, posted };
  }

  it('mounts one iframe pointing at HOST/widget/frame.html, hidden until the frame asks', () => {
    const { win, widget } = mount();
    expect(win.document.querySelectorAll('[data-parley-widget]')).toHaveLength(1);
    expect(widget.iframe.src).toBe('https://chat.example.com/widget/frame.html?inbox=pub_abc&origin=https%3A%2F%2Fshop.example');
    expect(widget.iframe.style.getPropertyValue('visibility')).toBe('hidden');
    expect(widget.iframe.style.getPropertyPriority('width')).toBe('important');
  });

  it('queues API calls until the frame is ready, then hands them over in order', () => {
    const { win, widget, posted } = mount();
    widget.api.open();
    widget.api.setUser({ identifier: 'u-1', name: 'Kim', email: 'kim@example.com', extra: 'dropped' } as never);
    expect(posted).toEqual([]);

    fromFrame(win, widget, { parley: 1, type: 'ready' });
    expect(posted).toEqual([
      {
        targetOrigin: HOST_ORIGIN,
        message: {
          parley: 1,
          type: 'init',
          mobile: false,
          commands: [{ name: 'open' }, { name: 'setUser', user: { identifier: 'u-1', name: 'Kim', email: 'kim@example.com' } }],
          storage: {},
        },
      },
    ]);

    widget.api.toggle();
    expect(posted[1]).toEqual({ targetOrigin: HOST_ORIGIN, message: { parley: 1, type: 'command', command: { name: 'toggle' } } });
  });

  it('ignores messages from other origins and from other windows', () => {
    const { win, widget, posted } = mount();
    const handler = vi.fn();
    widget.api.on('unread', handler);
    widget.api.open();

    fromFrame(win, widget, { parley: 1, type: 'ready' }, 'https://evil.example');
    fromFrame(win, widget, { parley: 1, type: 'resize', mode: 'panel' }, 'https://evil.example');
    fromFrame(win, widget, { parley: 1, type: 'event', name: 'unread', data: { count: 9 } }, HOST_ORIGIN, win);
    fromFrame(win, widget, { parley: 1, type: 'ready' }, HOST_ORIGIN, null);

    expect(posted).toEqual([]);
    expect(handler).not.toHaveBeenCalled();
    expect(widget.iframe.style.getPropertyValue('visibility')).toBe('hidden');
  });

  it('resizes between launcher and panel, full screen on narrow viewports', () => {
    const { win, widget } = mount();
    fromFrame(win, widget, { parley: 1, type: 'resize', mode: 'launcher' });
    expect(widget.iframe.style.getPropertyValue('width')).toBe('96px');
    expect(widget.iframe.style.getPropertyValue('visibility')).toBe('visible');

    fromFrame(win, widget, { parley: 1, type: 'resize', mode: 'panel' });
    expect(widget.iframe.style.getPropertyValue('width')).toBe('420px');

    Object.defineProperty(win, 'innerWidth', { value: 375, configurable: true });
    win.dispatchEvent(new win.Event('resize'));
    expect(widget.iframe.style.getPropertyValue('width')).toBe('100%');
    expect(widget.iframe.style.getPropertyValue('height')).toBe('100%');
  });

  it('delivers frame events to handlers until they unsubscribe', () => {
    const { win, widget } = mount();
    const onUnread = vi.fn();
    const onOpen = vi.fn();
    const off = widget.api.on('unread', onUnread);
    widget.api.on('open', onOpen);

    fromFrame(win, widget, { parley: 1, type: 'event', name: 'unread', data: { count: 2 } });
    fromFrame(win, widget, { parley: 1, type: 'event', name: 'open', data: null });
    off();
    fromFrame(win, widget, { parley: 1, type: 'event', name: 'unread', data: { count: 3 } });

    expect(onUnread.mock.calls).toEqual([[{ count: 2 }]]);
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('keeps only the widget’s own keys in the host page’s storage for a frame whose storage is blocked', () => {
    const win = page('');
    win.localStorage.setItem('parley:pub_abc:visitor', 'vt-1');
    win.localStorage.setItem('parley:other-inbox:visitor', 'vt-other');
    win.localStorage.setItem('session', 'host secret');
    const { widget, posted } = mount(win);

    fromFrame(win, widget, { parley: 1, type: 'ready' });
    expect((posted[0] as { message: { storage: unknown } }).message.storage).toEqual({ 'parley:pub_abc:visitor': 'vt-1' });

    fromFrame(win, widget, { parley: 1, type: 'storage', key: 'parley:pub_abc:outbox', value: '[]' });
    fromFrame(win, widget, { parley: 1, type: 'storage', key: 'session', value: 'overwritten' });
    fromFrame(win, widget, { parley: 1, type: 'storage', key: 'parley:pub_abc:visitor', value: null });
    expect(win.localStorage.getItem('parley:pub_abc:outbox')).toBe('[]');
    expect(win.localStorage.getItem('session')).toBe('host secret');
    expect(win.localStorage.getItem('parley:pub_abc:visitor')).toBeNull();
  });

  it('rejects setUser without an identifier', () => {
    const { widget } = mount();
    expect(() => widget.api.setUser({} as never)).toThrow(TypeError);
  });
});

describe('install', () => {
  it('is idempotent when the script is included twice', () => {
    const win = page(
      '<script src="https://chat.example.com/widget.js" data-inbox="pub_abc" async></script>' +
        '<script src="https://chat.example.com/widget.js" data-inbox="pub_abc" async></script>',
    );
    const first = install(win);
    const second = install(win);

    expect(first).not.toBeNull();
    expect(second).toBe(first);
    expect((win as unknown as { Parley: unknown }).Parley).toBe(first);
    expect(win.document.querySelectorAll('[data-parley-widget]')).toHaveLength(1);
  });

  it('does nothing without a usable tag', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const win = page('<script src="https://chat.example.com/widget.js"></script>');
    expect(install(win)).toBeNull();
    expect(win.document.querySelector('[data-parley-widget]')).toBeNull();
    expect(warn).toHaveBeenCalled();
  });
});
