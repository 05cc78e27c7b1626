import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { connectToHost, resolveHostOrigin } from './host-bridge';

describe('resolveHostOrigin', () => {
  it('accepts only a bare origin from the URL', () => {
    const location = { ancestorOrigins: undefined } as unknown as Location;
    expect(resolveHostOrigin(location, 'https://shop.example')).toBe('https://shop.example');
    expect(resolveHostOrigin(location, 'https://shop.example/path')).toBeNull();
    expect(resolveHostOrigin(location, 'javascript:alert(1)')).toBeNull();
    expect(resolveHostOrigin(location, null)).toBeNull();
  });

  it('trusts the browser’s ancestorOrigins over the URL', () => {
    const location = { ancestorOrigins: { length: 1, 0: 'https://real.example' } } as unknown as Location;
    expect(resolveHostOrigin(location, 'https://claimed.example')).toBe('https://real.example');
  });
});

describe('connectToHost', () => {
  it('announces itself to the host and takes commands only from the host origin and window', () => {
    const frame: Window = new JSDOM('', { url: 'https://chat.example.com/widget/frame.html' }).window;
    const parent: Window = new JSDOM('', { url: 'https://shop.example/' }).window;
    Object.defineProperty(frame, 'parent', { value: parent });
    const postToParent = vi.spyOn(parent, 'postMessage').mockImplementation(() => undefined);
    const handlers = { init: vi.fn(), layout: vi.fn(), command: vi.fn(), storage: vi.fn() };

    connectToHost(frame, 'https://shop.example', handlers);
    expect(postToParent).toHaveBeenCalledWith({ parley: 1, type: 'ready' }, 'https://shop.example');

    const send = (data: unknown, origin: string, source: unknown) => {
      const event = new (frame as unknown as typeof globalThis).MessageEvent('message', { data, origin });
      Object.defineProperty(event, 'source', { value: source });
      frame.dispatchEvent(event);
    };
    const init = { parley: 1, type: 'init', mobile: true, commands: [{ name: 'open' }], storage: { 'parley:i:visitor': 'vt' } };
    send(init, 'https://evil.example', parent);
    send(init, 'https://shop.example', frame);
    expect(handlers.init).not.toHaveBeenCalled();

    send(init, 'https://shop.example', parent);
    expect(handlers.init).toHaveBeenCalledWith([{ name: 'open' }], true, { 'parley:i:visitor': 'vt' });
    send({ parley: 1, type: 'command', command: { name: 'close' } }, 'https://shop.example', parent);
    expect(handlers.command).toHaveBeenCalledWith({ name: 'close' });
  });
});
